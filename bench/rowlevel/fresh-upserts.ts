import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BenchApp } from '../support/bench-app.js';
import { timeMs } from '../query/measure.js';
import { batchRowsJson, type UpsertBatch } from './batches.js';
import { resetToBase, upsertDirect } from './ours-direct.js';
import type { RowLevelHttp, UpsertAnswer } from './ours-http.js';
import type { RawEngine } from './raw-engine.js';
import { copyToParquet, deltaWriteSql, mergedSql, parquet, type ColumnType } from './raw-sql.js';

export type FreshPath = 'rawDelta' | 'rawRewrite' | 'http' | 'direct' | 'rows';

/** Milliseconds of each repeat, per path. */
export type FreshSamples = Record<FreshPath, number[]>;

export interface FreshInputs {
  readonly app: BenchApp;
  readonly ours: RowLevelHttp;
  readonly raw: RawEngine;
  readonly columns: readonly ColumnType[];
  /** The raw copy of the base file; also what resets the dataset between upserts. */
  readonly base: string;
  readonly baseRows: number;
  readonly batches: readonly UpsertBatch[];
  /** Where the raw side writes its delta and rewritten files (removed after each repeat). */
  readonly rawDir: string;
  readonly repeat: number;
}

/**
 * Upserts of 10,000 rows into placements holding its base rows only: before each of ours the
 * dataset is reset (untimed), so every figure is "one upsert into the 1M-row base", never
 * "the n-th delta". Raw, in the same turns: the same CSV written as a delta file (the append
 * without rewriting the base), and the full merge-rewrite of the base that an upsert avoids.
 */
export async function measureFreshUpserts(inputs: FreshInputs): Promise<FreshSamples> {
  const samples: FreshSamples = { rawDelta: [], rawRewrite: [], http: [], direct: [], rows: [] };
  for (let r = 0; r < inputs.repeat; r += 1) {
    const batch = inputs.batches[r % inputs.batches.length]!;
    console.log(`  repeat ${r + 1}/${inputs.repeat}: batch ${batch.index}`);
    const raw = await rawUpsert(inputs, batch, r);
    samples.rawDelta.push(raw.delta);
    samples.rawRewrite.push(raw.rewrite);
    const paths = await oursPaths(inputs, batch);
    for (const name of OURS_PATHS) {
      await resetToBase(inputs.app, inputs.base, inputs.baseRows);
      const { ms, answer } = await paths[name]();
      expectCounts(answer, batch, name);
      samples[name].push(ms);
    }
  }
  return samples;
}

const OURS_PATHS = ['http', 'direct', 'rows'] as const;

type OursPath = (typeof OURS_PATHS)[number];

interface Timed {
  readonly ms: number;
  readonly answer: Pick<UpsertAnswer, 'rows_inserted' | 'rows_updated'>;
}

/** Our three ways to upsert the batch, bodies prepared before any clock starts. */
async function oursPaths(
  inputs: FreshInputs,
  batch: UpsertBatch,
): Promise<Record<OursPath, () => Promise<Timed>>> {
  const csv = await readFile(batch.csv);
  const json = await batchRowsJson(inputs.raw, batch, inputs.columns);
  return {
    http: () => inputs.ours.upsertCsv(csv),
    direct: async () => {
      const { ms, result } = await upsertDirect(inputs.app, batch.csv);
      const { inserted, updated } = result.upsert!;
      return { ms, answer: { rows_inserted: inserted, rows_updated: updated } };
    },
    rows: () => inputs.ours.upsertRows(json),
  };
}

async function rawUpsert(
  inputs: FreshInputs,
  batch: UpsertBatch,
  repeat: number,
): Promise<{ delta: number; rewrite: number }> {
  const delta = path.join(inputs.rawDir, `fresh-delta-${repeat}.parquet`);
  const rewritten = path.join(inputs.rawDir, `fresh-rewrite-${repeat}.parquet`);
  try {
    const deltaMs = await timeMs(() =>
      inputs.raw.run(deltaWriteSql(batch.csv, inputs.columns, delta)),
    );
    const rewriteMs = await timeMs(() =>
      inputs.raw.run(copyToParquet(mergedSql([inputs.base], [delta], null), rewritten)),
    );
    const rows = await inputs.raw.scalar(`SELECT count(*) FROM ${parquet([rewritten])}`);
    if (rows !== inputs.baseRows + batch.inserts) {
      throw new Error(
        `raw rewrite wrote ${rows} rows, expected ${inputs.baseRows + batch.inserts}`,
      );
    }
    return { delta: deltaMs, rewrite: rewriteMs };
  } finally {
    await rm(delta, { force: true });
    await rm(rewritten, { force: true });
  }
}

function expectCounts(answer: Timed['answer'], batch: UpsertBatch, path: OursPath): void {
  if (answer.rows_inserted !== batch.inserts || answer.rows_updated !== batch.updates) {
    throw new Error(
      `${path} upsert of batch ${batch.index}: ${answer.rows_inserted} inserted, ${answer.rows_updated} updated; ` +
        `expected ${batch.inserts} and ${batch.updates}`,
    );
  }
}

import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BenchApp } from '../support/bench-app.js';
import type { CsvInput } from '../ingest/demo-files.js';
import { timeMs } from '../query/measure.js';
import { loadDatasets } from '../query/load-datasets.js';
import { OursHttp } from '../query/ours-http.js';
import type { UpsertBatch } from './batches.js';
import { copyCurrentFiles, type FileCopies } from './dataset-files.js';
import { upsertDirect } from './ours-direct.js';
import { RowLevelHttp, type CompactAnswer } from './ours-http.js';
import type { RawEngine, RawSession } from './raw-engine.js';
import {
  copyToParquet,
  deltaWriteSql,
  mergedSql,
  oursMergedSql,
  parquet,
  tombstoneTableSql,
  withoutTombstonedSql,
  type ColumnType,
} from './raw-sql.js';
import { measureQueries, rowLevelQueries, type QueryFigures, type QueryId } from './queries.js';
import { DATASET, tombstoneKeys } from './plan.js';
import { withRowLevelServer } from './rowlevel-app.js';

/** One of the upserts that build the 10 deltas: the k-th sees k − 1 deltas already there. */
export interface AccumulatedUpsert {
  readonly index: number;
  readonly path: 'http' | 'direct';
  readonly ms: number;
  /** Raw DuckDB writing the same CSV as a delta file, in the same turn. */
  readonly rawDeltaMs: number;
}

export interface CompactionFigures {
  /** `POST …/compact`, request sent → answer received. */
  readonly oursMs: number;
  readonly answer: CompactAnswer;
  /** Raw: `COPY (merged, minus tombstones) TO … parquet zstd` — the compaction itself. */
  readonly rawCopyMs: number;
  /** Raw: the same COPY with the merge and tombstone SQL our product generates. */
  readonly rawOurSqlCopyMs: number;
  /** Raw: `count(*)` of the same merged relation (ours counts it before and after writing). */
  readonly rawCountMs: number;
  /** Raw: the old base file rewritten without the tombstoned keys (ours' erasure step). */
  readonly rawBaseRewriteMs: number;
}

export interface MergeRound {
  readonly upserts: readonly AccumulatedUpsert[];
  readonly tombstoneMs: number;
  readonly compaction: CompactionFigures;
  /** Measured in the first round only. */
  readonly queries?: {
    readonly before: Record<QueryId, QueryFigures>;
    readonly after: Record<QueryId, QueryFigures>;
  };
}

export interface MergeInputs {
  readonly inputs: readonly CsvInput[];
  readonly raw: RawEngine;
  readonly columns: readonly ColumnType[];
  readonly baseRows: number;
  readonly batches: readonly UpsertBatch[];
  readonly dataDir: string;
  readonly rawDir: string;
  readonly withQueries: boolean;
}

const TOMBSTONE_TABLE = 'main.tombstoned_keys';
/** The raw schema whose views hold the SQL our product generates. */
const OUR_SQL_SCHEMA = 'our_sql';

/** The round's callers: our API (row-level and SQL) and the raw instance's two schemas. */
interface RoundClients {
  readonly rows: RowLevelHttp;
  readonly query: OursHttp;
  readonly raw: { readonly recipe: RawSession; readonly ourSql: RawSession };
}

/**
 * One round on a fresh data directory: 10 upserts build 10 delta files (odd ones over HTTP,
 * even ones in process), 1,000 keys are tombstoned in one request, the queries are measured,
 * placements is compacted, and the queries are measured again. Raw works on copies of our files.
 */
export async function mergeRound(m: MergeInputs): Promise<MergeRound> {
  await mkdir(m.rawDir, { recursive: true });
  return withRowLevelServer(m.dataDir, async (app, baseUrl) => {
    await loadDatasets(app, m.inputs);
    const ourSql = await m.raw.session(OUR_SQL_SCHEMA);
    const clients: RoundClients = {
      rows: new RowLevelHttp(baseUrl),
      query: new OursHttp(baseUrl),
      raw: { recipe: m.raw, ourSql },
    };
    try {
      return await measureRound(m, app, clients);
    } finally {
      clients.rows.close();
      clients.query.close();
      ourSql.close();
    }
  });
}

async function measureRound(m: MergeInputs, app: BenchApp, c: RoundClients): Promise<MergeRound> {
  const upserts: AccumulatedUpsert[] = [];
  for (const batch of m.batches) upserts.push(await accumulate(m, app, c.rows, batch));
  const tombstoneMs = await tombstone(m, c.rows);
  const files = await copyCurrentFiles(app, DATASET, path.join(m.rawDir, 'merged'));
  if (files.deltas.length !== m.batches.length) {
    throw new Error(`placements has ${files.deltas.length} delta files, not ${m.batches.length}`);
  }
  const clients = await copyCurrentFiles(app, 'clients', path.join(m.rawDir, 'clients'));
  await defineRawViews(m.raw, files, clients);
  const queries = rowLevelQueries(m.baseRows);
  const before = m.withQueries ? await measureQueries(c.query, c.raw, queries) : undefined;
  const compaction = await compact(m, c.rows, files);
  if (before === undefined) return { upserts, tombstoneMs, compaction };
  const compacted = await copyCurrentFiles(app, DATASET, path.join(m.rawDir, 'compacted'));
  await defineRawViews(m.raw, compacted, clients);
  const after = await measureQueries(c.query, c.raw, queries);
  return { upserts, tombstoneMs, compaction, queries: { before, after } };
}

/** 1,000 keys in one request over HTTP; the raw side gets the same keys as a table. */
async function tombstone(m: MergeInputs, rows: RowLevelHttp): Promise<number> {
  const keys = tombstoneKeys(m.baseRows);
  const { ms, answer } = await rows.tombstone(keys);
  const refused = answer.results.filter((r) => r.status !== 'tombstoned');
  if (refused.length > 0) throw new Error(`${refused.length} keys were not tombstoned`);
  await m.raw.run(tombstoneTableSql(TOMBSTONE_TABLE, keys));
  return ms;
}

async function accumulate(
  m: MergeInputs,
  app: BenchApp,
  ours: RowLevelHttp,
  batch: UpsertBatch,
): Promise<AccumulatedUpsert> {
  const rawDelta = path.join(m.rawDir, `delta-${batch.index}.parquet`);
  const rawDeltaMs = await timeMs(() => m.raw.run(deltaWriteSql(batch.csv, m.columns, rawDelta)));
  await rm(rawDelta, { force: true });
  const overHttp = batch.index % 2 === 1;
  const { ms, inserted } = overHttp
    ? await ours
        .upsertCsv(await readFile(batch.csv))
        .then((t) => ({ ms: t.ms, inserted: t.answer.rows_inserted }))
    : await upsertDirect(app, batch.csv).then((t) => ({
        ms: t.ms,
        inserted: t.result.upsert!.inserted,
      }));
  if (inserted !== batch.inserts) {
    throw new Error(`upsert ${batch.index} inserted ${inserted} rows, expected ${batch.inserts}`);
  }
  return { index: batch.index, path: overHttp ? 'http' : 'direct', ms, rawDeltaMs };
}

/** The recipe's views in `main`, our SQL's in its own schema; both over the same copies. */
async function defineRawViews(
  raw: RawEngine,
  files: FileCopies,
  clients: FileCopies,
): Promise<void> {
  const tombstones = files.deltas.length > 0 ? TOMBSTONE_TABLE : null;
  const recipe = mergedSql(files.base, files.deltas, tombstones);
  await raw.run(`CREATE OR REPLACE VIEW main.${DATASET} AS ${recipe}`);
  const ourSql = oursMergedSql(files, tombstones);
  await raw.run(`CREATE OR REPLACE VIEW ${OUR_SQL_SCHEMA}.${DATASET} AS ${ourSql}`);
  for (const schema of ['main', OUR_SQL_SCHEMA]) {
    await raw.run(
      `CREATE OR REPLACE VIEW ${schema}.clients AS SELECT * FROM ${parquet(clients.base)}`,
    );
  }
}

/** Raw first (on the copies), then ours, which changes the dataset. */
async function compact(
  m: MergeInputs,
  ours: RowLevelHttp,
  files: FileCopies,
): Promise<CompactionFigures> {
  const merged = mergedSql(files.base, files.deltas, TOMBSTONE_TABLE);
  const target = path.join(m.rawDir, 'raw-compacted.parquet');
  const ourSqlTarget = path.join(m.rawDir, 'raw-our-sql-compacted.parquet');
  const erased = path.join(m.rawDir, 'raw-base-erased.parquet');
  const expected =
    m.baseRows +
    m.batches.reduce((sum, b) => sum + b.inserts, 0) -
    tombstoneKeys(m.baseRows).length;
  try {
    const rawCountMs = await timeMs(() => m.raw.rows(`SELECT count(*) FROM (${merged})`));
    const rawCopyMs = await timeMs(() => m.raw.run(copyToParquet(merged, target)));
    const written = await m.raw.scalar(`SELECT count(*) FROM ${parquet([target])}`);
    if (written !== expected)
      throw new Error(`raw compaction wrote ${written} rows, expected ${expected}`);
    const rawOurSqlCopyMs = await timeMs(() =>
      m.raw.run(copyToParquet(oursMergedSql(files, TOMBSTONE_TABLE), ourSqlTarget)),
    );
    const rawBaseRewriteMs = await timeMs(() =>
      m.raw.run(copyToParquet(withoutTombstonedSql(files.base[0]!, TOMBSTONE_TABLE), erased)),
    );
    const { ms, answer } = await ours.compact();
    if (answer.rows_after !== expected) {
      throw new Error(`compaction kept ${answer.rows_after} rows, expected ${expected}`);
    }
    return { oursMs: ms, answer, rawCopyMs, rawOurSqlCopyMs, rawCountMs, rawBaseRewriteMs };
  } finally {
    await rm(target, { force: true });
    await rm(ourSqlTarget, { force: true });
    await rm(erased, { force: true });
  }
}

/**
 * Row-level changes benchmark: 10K-row upserts into the demo's placements (over HTTP and in
 * process), queries over 10 delta files and 1,000 tombstones against the same queries after
 * compaction, and the compaction itself — each beside raw DuckDB doing the same work on copies
 * of the same files in the same run. See docs/BENCHMARKS.md, "Row-level changes".
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BenchOptions, BenchReport } from './support/benchmark.js';
import type { BenchApp } from './support/bench-app.js';
import { gitRevision } from './support/git-revision.js';
import { describeMachine } from './support/machine.js';
import type { TextTable } from './support/table.js';
import { startTimer } from './support/timer.js';
import { demoCsvFiles, type CsvInput } from './ingest/demo-files.js';
import { loadDatasets } from './query/load-datasets.js';
import { writeBatches, type UpsertBatch } from './rowlevel/batches.js';
import { copyCurrentFiles } from './rowlevel/dataset-files.js';
import type { RowLevelFigures } from './rowlevel/figures.js';
import { measureFreshUpserts, type FreshSamples } from './rowlevel/fresh-upserts.js';
import { rowLevelGoals } from './rowlevel/goals.js';
import { mergeRound, type MergeRound } from './rowlevel/merge-round.js';
import { RowLevelHttp } from './rowlevel/ours-http.js';
import { DATASET, DELTA_FILES } from './rowlevel/plan.js';
import { RawEngine } from './rowlevel/raw-engine.js';
import type { ColumnType } from './rowlevel/raw-sql.js';
import { createRowLevelApp } from './rowlevel/rowlevel-app.js';
import { accumulatedTable, compactionTable, freshTable, queryTable } from './rowlevel/tables.js';

/** Fresh upserts are cheap (a reset and a second or so each): at least this many per path. */
const FRESH_MIN_REPEATS = 5;

/** What the fresh-upsert phase sets up and the rounds reuse. */
interface Prepared {
  readonly baseRows: number;
  readonly columns: readonly ColumnType[];
  readonly batches: readonly UpsertBatch[];
  readonly rawThreads: number;
  readonly fresh: FreshSamples;
}

export async function run(options: BenchOptions): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const elapsed = startTimer();
  const all = await demoCsvFiles(options.scale, options.outDir);
  const inputs = all.filter((i) => i.table === 'clients' || i.table === DATASET);
  await mkdir(options.outDir, { recursive: true });
  const workDir = await mkdtemp(path.join(options.outDir, 'work-rowlevel-'));
  const revision = gitRevision();
  console.log(
    `measuring ${revision ? `${revision.commit}${revision.dirty ? ' + uncommitted src changes' : ''}` : 'an unknown revision'}`,
  );
  try {
    const figures = await measure(options, inputs, workDir);
    return {
      benchmark: 'rowlevel',
      scale: options.scale,
      startedAt,
      durationSeconds: elapsed(),
      machine: describeMachine(),
      tables: rowLevelTables({ ...figures, revision }),
      goals: rowLevelGoals({ ...figures, revision }),
      figures: { ...figures, revision },
    };
  } finally {
    if (options.keep) console.log(`kept: ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
}

/** The fresh upserts on a server of their own, then `--repeat` rounds, each on a fresh one. */
async function measure(
  options: BenchOptions,
  inputs: readonly CsvInput[],
  workDir: string,
): Promise<Omit<RowLevelFigures, 'revision'>> {
  const app = await createRowLevelApp(path.join(workDir, 'fresh'));
  const raw = await RawEngine.open(app.lakehouse.config.engine.threads);
  try {
    const repeat = Math.max(options.repeat, FRESH_MIN_REPEATS);
    const prepared = await freshPhase(app, raw, inputs, workDir, repeat).finally(() => app.stop());
    const rounds: MergeRound[] = [];
    for (let r = 1; r <= options.repeat; r += 1) {
      console.log(
        `round ${r}/${options.repeat}: ${DELTA_FILES} upserts, tombstones, ${r === 1 ? 'queries, ' : ''}compaction …`,
      );
      const dataDir = path.join(workDir, `round-${r}`);
      const rawDir = path.join(workDir, `raw-round-${r}`);
      rounds.push(
        await mergeRound({ inputs, raw, ...prepared, dataDir, rawDir, withQueries: r === 1 }),
      );
      await rm(dataDir, { recursive: true, force: true });
      await rm(rawDir, { recursive: true, force: true });
    }
    const [first] = prepared.batches;
    return {
      baseRows: prepared.baseRows,
      rawThreads: prepared.rawThreads,
      batch: {
        rows: first!.updates + first!.inserts,
        updates: first!.updates,
        inserts: first!.inserts,
      },
      fresh: prepared.fresh,
      rounds,
    };
  } finally {
    raw.close();
  }
}

function rowLevelTables(figures: RowLevelFigures): TextTable[] {
  const query = queryTable(figures);
  return [
    freshTable(figures),
    accumulatedTable(figures),
    ...(query ? [query] : []),
    compactionTable(figures),
  ];
}

/** Loads placements, writes the upsert batches from its base file, measures fresh upserts. */
async function freshPhase(
  app: BenchApp,
  raw: RawEngine,
  inputs: readonly CsvInput[],
  workDir: string,
  repeat: number,
): Promise<Prepared> {
  console.log('loading placements …');
  await loadDatasets(
    app,
    inputs.filter((i) => i.table === DATASET),
  );
  const rawDir = path.join(workDir, 'raw-fresh');
  const copies = await copyCurrentFiles(app, DATASET, rawDir);
  const base = copies.base[0]!;
  const dataset = await app.lakehouse.services.catalog.get(app.ctx, DATASET);
  const columns = dataset.columns.map((c) => ({ name: c.name, type: c.type }));
  const baseRows = dataset.rowCount;
  const batchDir = path.join(workDir, 'batches');
  await mkdir(batchDir, { recursive: true });
  const batches = await writeBatches(raw, base, baseRows, columns, batchDir, DELTA_FILES);
  const rawThreads = await raw.scalar("SELECT current_setting('threads')");
  console.log(
    `fresh upserts: ${repeat} × (raw delta, raw rewrite, HTTP CSV, in process, HTTP JSON) …`,
  );
  const ours = new RowLevelHttp(await app.listen());
  try {
    const fresh = await measureFreshUpserts({
      app,
      ours,
      raw,
      columns,
      base,
      baseRows,
      batches,
      rawDir,
      repeat,
    });
    return { baseRows, columns, batches, rawThreads, fresh };
  } finally {
    ours.close();
  }
}

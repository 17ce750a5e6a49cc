/**
 * Query benchmark: the demo datasets queried through our HTTP API and in process, against raw
 * DuckDB over the same Parquet files (and in memory when pinned), cold and hot, paged, and
 * under load. See docs/BENCHMARKS.md.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_TABLES } from '../src/demo/index.js';
import type { BenchOptions, BenchReport } from './support/benchmark.js';
import type { BenchApp } from './support/bench-app.js';
import { gitRevision } from './support/git-revision.js';
import { describeMachine } from './support/machine.js';
import { startTimer } from './support/timer.js';
import { demoCsvFiles } from './ingest/demo-files.js';
import { breakdownOf, type Breakdown } from './query/breakdown.js';
import { coldAfterCatalogChange, coldAfterRestart, type ChangeRuns } from './query/cold.js';
import type { QueryBenchFigures, QueryFigures } from './query/figures.js';
import { queryGoals } from './query/goals.js';
import { hotQuery, type CheckedHot } from './query/hot.js';
import { datasetFiles, loadDatasets } from './query/load-datasets.js';
import { healthLoad, loadBounds, pointLoad, rawPointLoad } from './query/load.js';
import type { OursHttp } from './query/ours-http.js';
import { benchPaging } from './query/paging.js';
import { benchPinned } from './query/pinned.js';
import { createQueryBenchApp, withQueryServer } from './query/query-app.js';
import { benchQueries, pagingQuery, type BenchQuery, type QueryId } from './query/query-set.js';
import { RawDuckDb, type DatasetFiles } from './query/raw-duckdb.js';
import {
  breakdownTable,
  coldTable,
  hotTable,
  loadTable,
  pagingTable,
  pinnedTable,
} from './query/tables.js';

export async function run(options: BenchOptions): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const elapsed = startTimer();
  const inputs = await demoCsvFiles(options.scale, options.outDir);
  await mkdir(options.outDir, { recursive: true });
  const workDir = await mkdtemp(path.join(options.outDir, 'work-query-'));
  const dataDir = path.join(workDir, 'lakehouse');
  const queries = benchQueries(options.scale);
  const revision = gitRevision();
  console.log(
    `measuring ${revision ? `${revision.commit}${revision.dirty ? ' + uncommitted src changes' : ''}` : 'an unknown revision'}`,
  );
  try {
    console.log('loading the demo datasets …');
    const app = await createQueryBenchApp(dataDir);
    const loaded = await loadDatasets(app, inputs).finally(() => app.stop());
    const files = await withQueryServer(dataDir, (server) => datasetFiles(server, DEMO_TABLES));

    console.log('cold: one new server per query …');
    const restarts = await coldAfterRestart(dataDir, files, queries, options.repeat);
    console.log('paging …');
    const paging = await benchPaging(dataDir, files, pagingQuery(options.scale), options.repeat);
    const figures = await withQueryServer(dataDir, async (server, ours, baseUrl) => {
      const measured = await measureOnOneServer(server, ours, files, queries, options.repeat);
      console.log('load …');
      const load = {
        health: await healthLoad(baseUrl, options.scale),
        point: await pointLoad(baseUrl, options.scale),
        rawPoint: await withRaw(files, (raw) => rawPointLoad(raw, options.scale)),
      };
      console.log('pinned …');
      const pinned = await benchPinned(server, ours, baseUrl, {
        dataDir,
        files,
        queries,
        scale: options.scale,
      });
      return { ...measured, load, pinned };
    });
    const queryFigures = Object.fromEntries(
      queries.map((q): [QueryId, QueryFigures] => [
        q.id,
        {
          label: q.label,
          sql: q.sql,
          point: q.point,
          rows: figures.hot[q.id].rows,
          rowsMatch: figures.hot[q.id].rowsMatch,
          cold: { ...restarts[q.id], ...figures.catalogChange[q.id] },
          hot: figures.hot[q.id].hot,
        },
      ]),
    ) as Record<QueryId, QueryFigures>;
    const all: QueryBenchFigures = {
      revision,
      loaded,
      queries: queryFigures,
      paging,
      load: figures.load,
      pinned: figures.pinned,
      breakdown: figures.breakdown,
    };
    const loadSeconds = loadBounds(options.scale, 1).durationMs / 1000;
    return {
      benchmark: 'query',
      scale: options.scale,
      startedAt,
      durationSeconds: elapsed(),
      machine: describeMachine(),
      tables: [
        hotTable(all),
        coldTable(all, options.repeat),
        pagingTable(all, options.repeat),
        pinnedTable(all),
        loadTable(all, loadSeconds),
        breakdownTable('Where the time goes, over Parquet: median ms per step', all.breakdown),
        breakdownTable('Where the time goes, pinned: median ms per step', all.pinned.breakdown),
      ],
      goals: queryGoals(all),
      figures: all,
    };
  } finally {
    if (options.keep) console.log(`kept: ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
}

interface OneServerFigures {
  readonly hot: Record<QueryId, CheckedHot>;
  readonly catalogChange: Record<QueryId, ChangeRuns>;
  readonly breakdown: Record<QueryId, Breakdown>;
}

/** Hot figures first (its first query compiles the namespace), then catalog changes, then steps. */
async function measureOnOneServer(
  app: BenchApp,
  ours: OursHttp,
  files: DatasetFiles,
  queries: readonly BenchQuery[],
  repeat: number,
): Promise<OneServerFigures> {
  return withRaw(files, async (raw) => {
    const hot: Partial<Record<QueryId, CheckedHot>> = {};
    for (const query of queries) {
      console.log(`hot ${query.id} …`);
      hot[query.id] = await hotQuery(app, ours, raw, query);
    }
    console.log('cold: after a catalog change …');
    const catalogChange = await coldAfterCatalogChange(app, ours, queries, repeat);
    console.log('timing each step …');
    const breakdown: Partial<Record<QueryId, Breakdown>> = {};
    for (const query of queries) breakdown[query.id] = await breakdownOf(app, ours, raw, query);
    return {
      hot: hot as Record<QueryId, CheckedHot>,
      catalogChange,
      breakdown: breakdown as Record<QueryId, Breakdown>,
    };
  });
}

async function withRaw<T>(files: DatasetFiles, work: (raw: RawDuckDb) => Promise<T>): Promise<T> {
  const raw = await RawDuckDb.open(files);
  try {
    return await work(raw);
  } finally {
    raw.close();
  }
}

import type { BenchScale } from '../support/benchmark.js';
import type { BenchApp } from '../support/bench-app.js';
import type { LoadResult } from '../support/closed-loop.js';
import type { LatencySummary } from '../support/percentile.js';
import { breakdownOf, type Breakdown } from './breakdown.js';
import type { HotFigures } from './hot.js';
import { pointLoad, rawPointLoad } from './load.js';
import { interleaved, sameRows, timeMs } from './measure.js';
import type { OursHttp } from './ours-http.js';
import { withQueryServer } from './query-app.js';
import type { BenchQuery, QueryId } from './query-set.js';
import { RawDuckDb, type DatasetFiles } from './raw-duckdb.js';

/** What the brief pins: the datasets the join and the filter read. */
export const PINNED_DATASETS = ['placements', 'candidates', 'clients'] as const;

export interface PinFigures {
  readonly dataset: string;
  readonly ms: number;
  readonly rows: number;
  /** What our pin cache accounted for the dataset (its budget is counted in these). */
  readonly bytes: number;
}

export interface PinnedQueryFigures {
  /** Ours pinned (HTTP, in process) and raw over its in-memory tables. */
  readonly pinned: HotFigures;
  /** Measured in the same runs over Parquet: ours on an unpinned twin server, raw over views. */
  readonly parquet: { readonly http: LatencySummary; readonly raw: LatencySummary };
  readonly rows: number;
  readonly rowsMatch: boolean;
}

export interface PinnedFigures {
  /** POST /query/cache/pin per dataset. */
  readonly pins: readonly PinFigures[];
  /** Raw CREATE TABLE … AS SELECT * FROM read_parquet(…) of the same datasets, in total. */
  readonly rawMaterialiseMs: number;
  /** The first run of each query after pinning (the first one recompiles the namespace). */
  readonly firstAfterPinMs: Readonly<Record<string, number>>;
  readonly queries: Readonly<Record<string, PinnedQueryFigures>>;
  /** The point load again, served from memory; and raw DuckDB's in-memory ceiling. */
  readonly load: { readonly http: LoadResult; readonly raw: LoadResult };
  /** Where the time goes, pinned: our fixed costs weigh most when the engine is fastest. */
  readonly breakdown: Readonly<Record<string, Breakdown>>;
}

/** The engines a pinned measurement compares. */
interface Contenders {
  readonly app: BenchApp;
  /** Ours, pinned. */
  readonly ours: OursHttp;
  /** Ours on a second server over the same data directory, nothing pinned. */
  readonly twin: OursHttp;
  readonly rawMemory: RawDuckDb;
  readonly rawParquet: RawDuckDb;
}

/**
 * Pins the datasets through the API, then measures every query hot: ours pinned against raw
 * DuckDB holding the same datasets as in-memory tables, and — in the same interleaved runs, so
 * the machine's load is shared — both over Parquet. The Parquet side of ours is a twin server
 * on the same data directory: pins belong to one server, so the twin still reads the files.
 */
export async function benchPinned(
  app: BenchApp,
  ours: OursHttp,
  baseUrl: string,
  options: {
    dataDir: string;
    files: DatasetFiles;
    queries: readonly BenchQuery[];
    scale: BenchScale;
  },
): Promise<PinnedFigures> {
  const { files, queries, scale } = options;
  const pins: PinFigures[] = [];
  for (const dataset of PINNED_DATASETS) {
    const pinned = await ours.pin(dataset);
    pins.push({ dataset, ms: pinned.ms, rows: pinned.answer.rows, bytes: pinned.answer.bytes });
  }
  const rawMemory = await RawDuckDb.open(files);
  const rawParquet = await RawDuckDb.open(files);
  try {
    const rawMaterialiseMs = (await rawMemory.materialise(files, PINNED_DATASETS)) * 1000;
    const firstAfterPinMs: Partial<Record<QueryId, number>> = {};
    for (const query of queries) firstAfterPinMs[query.id] = (await ours.sql(query.sql)).ms;
    const measured = await withQueryServer(options.dataDir, async (_twinApp, twin) => {
      const figures: Partial<Record<QueryId, PinnedQueryFigures>> = {};
      for (const query of queries) {
        console.log(`  pinned ${query.id} …`);
        figures[query.id] = await pinnedQuery({ app, ours, twin, rawMemory, rawParquet }, query);
      }
      return figures;
    });
    console.log('  pinned point load …');
    const load = {
      http: await pointLoad(baseUrl, scale),
      raw: await rawPointLoad(rawMemory, scale),
    };
    console.log('  pinned: timing each step …');
    const breakdown: Partial<Record<QueryId, Breakdown>> = {};
    for (const query of queries) {
      breakdown[query.id] = await breakdownOf(app, ours, rawMemory, query);
    }
    return { pins, rawMaterialiseMs, firstAfterPinMs, queries: measured, load, breakdown };
  } finally {
    rawMemory.close();
    rawParquet.close();
  }
}

async function pinnedQuery(on: Contenders, query: BenchQuery): Promise<PinnedQueryFigures> {
  const { sql } = query;
  const oursRows = (await on.ours.sql(sql)).answer.rows;
  const rawRows = await on.rawMemory.rows(sql);
  const hot = await interleaved({
    http: async () => (await on.ours.sql(sql)).ms,
    direct: () => timeMs(() => on.app.lakehouse.services.query.sql(on.app.ctx, { sql })),
    raw: () => timeMs(() => on.rawMemory.rows(sql)),
    parquetHttp: async () => (await on.twin.sql(sql)).ms,
    parquetRaw: () => timeMs(() => on.rawParquet.rows(sql)),
  });
  return {
    pinned: { http: hot.http, direct: hot.direct, raw: hot.raw },
    parquet: { http: hot.parquetHttp, raw: hot.parquetRaw },
    rows: rawRows.length,
    rowsMatch: sameRows(oursRows, rawRows),
  };
}

import type { BenchApp } from '../support/bench-app.js';
import { withQueryServer } from './query-app.js';
import { timeMs } from './measure.js';
import type { OursHttp } from './ours-http.js';
import type { BenchQuery, QueryId } from './query-set.js';
import { RawDuckDb, type DatasetFiles } from './raw-duckdb.js';

/** First-run times of one query, one entry per repeat, in milliseconds. */
export interface ColdRuns {
  /** Ours: the first query of a server just started on the data directory (new engine). */
  readonly restartMs: number[];
  /** Ours: the first query after a catalog change (namespace recompiled, engine caches warm). */
  readonly catalogChangeMs: number[];
  /** Ours: the same query run again right after it: what the recompile added, under equal load. */
  readonly afterChangeNextMs: number[];
  /** Raw: a new DuckDB instance; creating its views and the first query. */
  readonly rawMs: number[];
}

/**
 * The "first query after server start" figures: one server started per query and repeat, so
 * every query meets a new engine, nothing compiled and nothing cached inside DuckDB. The files
 * stay in the OS page cache throughout: this is a cold engine, not a cold disk.
 */
export async function coldAfterRestart(
  dataDir: string,
  files: DatasetFiles,
  queries: readonly BenchQuery[],
  repeat: number,
): Promise<Record<QueryId, RestartRuns>> {
  const runs = emptyRuns(queries);
  for (let run = 0; run < repeat; run += 1) {
    for (const [index, query] of queries.entries()) {
      const ours = () =>
        withQueryServer(dataDir, async (_app, client) => (await client.sql(query.sql)).ms);
      const raw = () => rawFirstQuery(files, query.sql);
      // Alternate which side goes first, so neither always inherits the other's warm caches.
      if ((run + index) % 2 === 0) {
        runs[query.id].restartMs.push(await ours());
        runs[query.id].rawMs.push(await raw());
      } else {
        runs[query.id].rawMs.push(await raw());
        runs[query.id].restartMs.push(await ours());
      }
    }
  }
  return runs;
}

/**
 * The first run of each query after a catalog change on a running server: a metadata edit of a
 * dataset none of the queries read bumps the catalog version, so the next query recompiles its
 * namespace (views over the current files) while DuckDB's own caches stay warm.
 */
export async function coldAfterCatalogChange(
  app: BenchApp,
  ours: OursHttp,
  queries: readonly BenchQuery[],
  repeat: number,
): Promise<Record<QueryId, ChangeRuns>> {
  const runs = Object.fromEntries(
    queries.map((q): [QueryId, ChangeRuns] => [
      q.id,
      { catalogChangeMs: [], afterChangeNextMs: [] },
    ]),
  ) as Record<QueryId, ChangeRuns>;
  let edit = 0;
  for (let run = 0; run < repeat; run += 1) {
    for (const query of queries) {
      edit += 1;
      await app.lakehouse.services.catalog.patchMetadata(app.ctx, 'recruiters', {
        description: `catalog change ${edit} made by the query benchmark`,
      });
      runs[query.id].catalogChangeMs.push((await ours.sql(query.sql)).ms);
      runs[query.id].afterChangeNextMs.push((await ours.sql(query.sql)).ms);
    }
  }
  return runs;
}

export type RestartRuns = Pick<ColdRuns, 'restartMs' | 'rawMs'>;
export type ChangeRuns = Pick<ColdRuns, 'catalogChangeMs' | 'afterChangeNextMs'>;

/** A new raw instance and its first query; instance creation itself is not counted. */
export async function rawFirstQuery(files: DatasetFiles, sql: string): Promise<number> {
  const raw = await RawDuckDb.empty();
  try {
    return await timeMs(async () => {
      await raw.defineViews(files);
      await raw.rows(sql);
    });
  } finally {
    raw.close();
  }
}

function emptyRuns(queries: readonly BenchQuery[]): Record<QueryId, RestartRuns> {
  return Object.fromEntries(
    queries.map((q) => [q.id, { restartMs: [] as number[], rawMs: [] as number[] }]),
  ) as Record<QueryId, RestartRuns>;
}

import type { BenchApp } from '../support/bench-app.js';
import type { LatencySummary } from '../support/percentile.js';
import { interleaved, sameRows, timeMs } from './measure.js';
import type { OursHttp } from './ours-http.js';
import type { BenchQuery } from './query-set.js';
import type { RawDuckDb } from './raw-duckdb.js';

/** Hot latencies of one query on each path. */
export interface HotFigures {
  /** Ours through the HTTP API: POST /query/sql, request sent → last byte received. */
  readonly http: LatencySummary;
  /** Ours in process: QueryService.sql, no HTTP (what the CLI does). */
  readonly direct: LatencySummary;
  /** DuckDB alone, same SQL over the same files (or tables), rows as JSON values. */
  readonly raw: LatencySummary;
}

export interface CheckedHot {
  readonly hot: HotFigures;
  /** Rows the query returns, and whether ours and raw returned the same ones. */
  readonly rows: number;
  readonly rowsMatch: boolean;
}

/** Checks that ours and raw agree on the result, then measures the three paths hot. */
export async function hotQuery(
  app: BenchApp,
  ours: OursHttp,
  raw: RawDuckDb,
  query: BenchQuery,
): Promise<CheckedHot> {
  const oursRows = (await ours.sql(query.sql)).answer.rows;
  const rawRows = await raw.rows(query.sql);
  const hot = await interleaved({
    http: async () => (await ours.sql(query.sql)).ms,
    direct: () => timeMs(() => app.lakehouse.services.query.sql(app.ctx, { sql: query.sql })),
    raw: () => timeMs(() => raw.rows(query.sql)),
  });
  return { hot, rows: rawRows.length, rowsMatch: sameRows(oursRows, rawRows) };
}

import type { LatencySummary } from '../support/percentile.js';
import { interleaved, sameRows, timeMs } from '../query/measure.js';
import type { OursHttp } from '../query/ours-http.js';
import type { RawSession } from './raw-engine.js';
import { DATASET, KEY_COLUMN, pointKey } from './plan.js';

export type QueryId = 'revenue' | 'count' | 'point';

export interface RowLevelQuery {
  readonly label: string;
  readonly sql: string;
}

/** The query set: an aggregate over a join, a count, a point lookup by the row key. */
export function rowLevelQueries(baseRows: number): Record<QueryId, RowLevelQuery> {
  return {
    revenue: {
      label: 'revenue per client (⋈ clients)',
      sql:
        `SELECT c.client_name, sum(p.bill_rate * p.hours_worked) AS revenue FROM ${DATASET} p ` +
        'JOIN clients c ON c.client_id = p.client_id ' +
        'GROUP BY c.client_name ORDER BY revenue DESC LIMIT 20',
    },
    count: { label: 'count(*)', sql: `SELECT count(*) AS n FROM ${DATASET}` },
    point: {
      label: `one row by key (${pointKey(baseRows)})`,
      sql: `SELECT * FROM ${DATASET} WHERE ${KEY_COLUMN} = '${pointKey(baseRows)}'`,
    },
  };
}

export interface QueryFigures {
  readonly ours: LatencySummary;
  readonly raw: LatencySummary;
  /** Raw DuckDB running the SQL our product generates for the same files. */
  readonly rawOurSql: LatencySummary;
  /** Ours' rows, to compare the states before and after compaction. */
  readonly rows: unknown[][];
  /** Ours and both raw paths returned the same rows (count and first-column values). */
  readonly rowsMatch: boolean;
}

/**
 * Each query hot over HTTP (`POST /query/sql`), on raw DuckDB with the recipe, and on raw
 * DuckDB with our SQL, over the same files; the three take turns run by run (3 warm-ups, then
 * 20 runs each).
 */
export async function measureQueries(
  ours: OursHttp,
  raw: { readonly recipe: RawSession; readonly ourSql: RawSession },
  queries: Record<QueryId, RowLevelQuery>,
): Promise<Record<QueryId, QueryFigures>> {
  const figures = {} as Record<QueryId, QueryFigures>;
  for (const [id, query] of Object.entries(queries) as [QueryId, RowLevelQuery][]) {
    const oursRows = (await ours.sql(query.sql)).answer.rows;
    const rawRows = await raw.recipe.rows(query.sql);
    const ourSqlRows = await raw.ourSql.rows(query.sql);
    const hot = await interleaved({
      ours: async () => (await ours.sql(query.sql)).ms,
      raw: () => timeMs(() => raw.recipe.rows(query.sql)),
      rawOurSql: () => timeMs(() => raw.ourSql.rows(query.sql)),
    });
    const rowsMatch = sameRows(oursRows, rawRows) && sameRows(oursRows, ourSqlRows);
    figures[id] = { ...hot, rows: oursRows, rowsMatch };
  }
  return figures;
}

import type { GoalResult } from '../support/benchmark.js';
import { formatRatio } from '../support/format.js';
import type { QueryBenchFigures } from './figures.js';
import { formatMs } from './format-ms.js';
import type { QueryId } from './query-set.js';

/** Governance (namespace, guard, log) and HTTP may cost at most a quarter on a real query. */
export const MAX_JOIN_RATIO = 1.25;
/** On a query the engine answers at once, our fixed cost per query shows whole: bound it. */
export const MAX_POINT_OVERHEAD_MS = 5;
/** What pinning must buy on the join to be worth its memory. */
export const MIN_PIN_SPEEDUP = 2.5;

export function queryGoals(figures: QueryBenchFigures): GoalResult[] {
  const { queries, pinned } = figures;
  const join = queries.join.hot;
  const joinRatio = join.http.p50 / join.raw.p50;
  const pinnedJoin = pinned.queries['join']!;
  const speedup = pinnedJoin.parquet.http.p50 / pinnedJoin.pinned.http.p50;
  const rawSpeedup = pinnedJoin.parquet.raw.p50 / pinnedJoin.pinned.raw.p50;
  const allMatch =
    Object.values(queries).every((q) => q.rowsMatch) &&
    Object.values(pinned.queries).every((q) => q.rowsMatch) &&
    figures.paging.rowsMatch;
  return [
    {
      goal: `join over HTTP ≤ ${MAX_JOIN_RATIO}× raw (hot p50)`,
      met: joinRatio <= MAX_JOIN_RATIO,
      detail: `${formatRatio(joinRatio)}: ${formatMs(join.http.p50)} ms vs raw ${formatMs(join.raw.p50)} ms`,
    },
    ...(['count', 'point'] as const).map((id) => pointGoal(figures, id)),
    {
      goal: `pinned join ≥ ${MIN_PIN_SPEEDUP}× faster than over Parquet (ours HTTP, hot p50)`,
      met: speedup >= MIN_PIN_SPEEDUP,
      detail:
        `${formatRatio(speedup)}: ${formatMs(pinnedJoin.parquet.http.p50)} → ${formatMs(pinnedJoin.pinned.http.p50)} ms; ` +
        `raw Parquet → in-memory: ${formatRatio(rawSpeedup)}`,
    },
    {
      goal: 'ours returns the same rows as raw',
      met: allMatch,
      detail: allMatch ? 'every query, Parquet and pinned, and the page' : 'see the rows = columns',
    },
  ];
}

function pointGoal(figures: QueryBenchFigures, id: QueryId): GoalResult {
  const hot = figures.queries[id].hot;
  const overhead = hot.http.p50 - hot.raw.p50;
  return {
    goal: `${figures.queries[id].label} over HTTP ≤ raw + ${MAX_POINT_OVERHEAD_MS} ms (hot p50)`,
    met: overhead <= MAX_POINT_OVERHEAD_MS,
    detail: `+${formatMs(overhead)} ms: ${formatMs(hot.http.p50)} ms vs raw ${formatMs(hot.raw.p50)} ms`,
  };
}

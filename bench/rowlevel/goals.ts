import type { GoalResult } from '../support/benchmark.js';
import { formatRatio } from '../support/format.js';
import { median } from '../support/stats.js';
import { formatMs } from '../query/format-ms.js';
import { REFERENCE_APPEND_SECONDS, type RowLevelFigures } from './figures.js';
import { sameAcrossCompaction } from './tables.js';

export function rowLevelGoals(f: RowLevelFigures): GoalResult[] {
  const http = median(f.fresh.http);
  const direct = median(f.fresh.direct);
  const rawDelta = median(f.fresh.rawDelta);
  const rewrite = median(f.fresh.rawRewrite);
  const reference = REFERENCE_APPEND_SECONDS * 1000;
  const queries = f.rounds[0]?.queries;
  const rowsMatch =
    queries === undefined ||
    [...Object.values(queries.before), ...Object.values(queries.after)].every((q) => q.rowsMatch);
  return [
    {
      goal: `10K-row upsert over HTTP within the ${REFERENCE_APPEND_SECONDS} s reference for a 10K append`,
      met: http <= reference,
      detail:
        `HTTP ${formatMs(http)} ms (${formatRatio(http / reference)}), in process ${formatMs(direct)} ms; ` +
        `raw delta write ${formatMs(rawDelta)} ms`,
    },
    {
      goal: 'an upsert costs less than rewriting the base',
      met: http < rewrite,
      detail: `HTTP upsert ${formatMs(http)} ms vs raw merge-rewrite ${formatMs(rewrite)} ms (${formatRatio(http / rewrite)})`,
    },
    {
      goal: 'ours returns raw’s rows, and the same rows before and after compaction',
      met: rowsMatch && sameAcrossCompaction(f),
      detail: `ours = raw: ${rowsMatch}; before = after: ${sameAcrossCompaction(f)}`,
    },
  ];
}

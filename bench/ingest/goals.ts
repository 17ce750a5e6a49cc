import { formatMB, formatRatio, formatSignedMiB } from '../support/format.js';
import type { GoalResult } from '../support/benchmark.js';
import type { FileProbe } from './rss-probes.js';
import type { IngestTotals } from './totals.js';

/** Governance (staging, hashing, checks, commit) may cost at most a fifth of the raw speed. */
export const MIN_THROUGHPUT_RATIO = 0.8;

/**
 * "Bounded" made testable on the same table at growing sizes (1× → 4×): the memory ours adds may
 * grow no more than DuckDB's own does for the same files (raw), plus a slack for the noise of a
 * single probe. A path that held the file, its rows or a whole-file sample would grow with the
 * file on top of DuckDB's working set. DuckDB's own growth is reported beside it.
 */
export const RSS_GROWTH_SLACK_BYTES = 64 * 1024 * 1024;

type OursPath = 'http' | 'direct';
const OURS: readonly OursPath[] = ['http', 'direct'];
const LABEL: Record<OursPath, string> = { http: 'ours over HTTP', direct: 'ours in process' };

export function ingestGoals(totals: IngestTotals, sizeSeries: readonly FileProbe[]): GoalResult[] {
  return [
    ...OURS.map((p) => throughputGoal(p, totals)),
    ...OURS.map((p) => memoryGoal(p, sizeSeries)),
    {
      goal: 'ours writes the same rows as raw',
      met: totals.rowsMatch,
      detail: totals.rowsMatch ? 'every table, every run' : 'row counts differ, see the table',
    },
  ];
}

function throughputGoal(path: OursPath, totals: IngestTotals): GoalResult {
  const ratio = totals.raw.seconds / totals[path].seconds;
  return {
    goal: `${LABEL[path]} ≥ ${MIN_THROUGHPUT_RATIO}× raw throughput`,
    met: ratio >= MIN_THROUGHPUT_RATIO,
    detail: `${formatRatio(ratio)} over all tables`,
  };
}

/** Judged on fresh-process probes: in-process deltas depend on what ran before. */
function memoryGoal(path: OursPath, series: readonly FileProbe[]): GoalResult {
  const first = series[0]!;
  const last = series[series.length - 1]!;
  const growth = (name: OursPath | 'raw'): number => last[name].deltaBytes - first[name].deltaBytes;
  const allowed = Math.max(growth('raw'), 0) + RSS_GROWTH_SLACK_BYTES;
  const perByte = (name: OursPath | 'raw'): string =>
    (growth(name) / (last.csvBytes - first.csvBytes || 1)).toFixed(2);
  const deltas = (name: OursPath | 'raw'): string =>
    series.map((p) => formatSignedMiB(p[name].deltaBytes)).join(' → ');
  return {
    goal: `${LABEL[path]}: RSS bounded independent of file size (grows no more than DuckDB's own)`,
    met: growth(path) <= allowed,
    detail:
      `${last.table} at ${series.map((p) => formatMB(p.csvBytes)).join(' → ')} MB adds ` +
      `${deltas(path)} MiB (raw ${deltas('raw')}): grows ${perByte(path)} bytes per added CSV byte ` +
      `(raw ${perByte('raw')}); allowed growth ${formatSignedMiB(allowed)} MiB`,
  };
}

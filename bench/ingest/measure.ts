import { megabytes } from '../support/format.js';
import { withRss, type RssFigures } from '../support/rss.js';
import { median } from '../support/stats.js';
import type { ConvertRun } from './raw-convert.js';

/** One run of one path (raw, ours over HTTP, ours in process) over one file. */
export interface RunFigures {
  readonly rows: number;
  readonly seconds: number;
  readonly rss: RssFigures;
}

/** A path's figures for one file over all runs: median time, worst memory. */
export interface PathFigures {
  readonly rows: number;
  /** Median of the runs. */
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly mbPerSecond: number;
  /** Memory is a limit, not an average: the highest peak and delta of any run. */
  readonly rss: { readonly peakBytes: number; readonly deltaBytes: number };
  readonly runs: readonly RunFigures[];
}

/** Runs one conversion under the RSS sampler. */
export async function measureRun(work: () => Promise<ConvertRun>): Promise<RunFigures> {
  const { value, rss } = await withRss(work);
  return { rows: value.rows, seconds: value.seconds, rss };
}

export function summarizeRuns(runs: readonly RunFigures[], csvBytes: number): PathFigures {
  const seconds = median(runs.map((r) => r.seconds));
  const rows = runs[0]?.rows ?? 0;
  return {
    rows,
    seconds,
    rowsPerSecond: rows / seconds,
    mbPerSecond: megabytes(csvBytes) / seconds,
    rss: {
      peakBytes: Math.max(...runs.map((r) => r.rss.peakBytes)),
      deltaBytes: Math.max(...runs.map((r) => r.rss.deltaBytes)),
    },
    runs,
  };
}

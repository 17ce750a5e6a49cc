import { median } from './stats.js';

/**
 * Nearest-rank percentile: the smallest sample with at least `p` percent of the samples at or
 * below it. With 20 samples p95 is the 19th smallest, so one outlier shows in p95 but not p50.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values');
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)]!;
}

/** Latency samples in milliseconds, summarised the way the report tables quote them. */
export interface LatencySummary {
  readonly samples: number;
  /** The median (mean of the two middle samples for an even count). */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly min: number;
  readonly max: number;
}

/** Works on a load test's hundreds of thousands of samples (no spreading into Math.min). */
export function summarizeLatencies(ms: readonly number[]): LatencySummary {
  if (ms.length === 0) throw new RangeError('no latencies to summarise');
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: median(sorted),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

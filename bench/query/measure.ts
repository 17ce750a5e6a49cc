import { summarizeLatencies, type LatencySummary } from '../support/percentile.js';

/** Runs before the measured ones: JIT, connection pool, OS and DuckDB caches all warm. */
export const WARMUPS = 3;
/** Measured runs per hot figure: enough for a p95 that is not just the maximum. */
export const HOT_RUNS = 20;

/** One timed execution; returns milliseconds. */
export type Sampler = () => Promise<number>;

export async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Hot figures for several paths of one query. The paths take turns, run by run, so a slow
 * moment of the machine (another process, a GC) lands on all of them rather than on one.
 */
export async function interleaved<K extends string>(
  paths: Readonly<Record<K, Sampler>>,
  options: { runs?: number; warmups?: number } = {},
): Promise<Record<K, LatencySummary>> {
  const names = Object.keys(paths) as K[];
  for (let i = 0; i < (options.warmups ?? WARMUPS); i += 1) {
    for (const name of names) await paths[name]();
  }
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < (options.runs ?? HOT_RUNS); i += 1) {
    for (const name of names) samples[name].push(await paths[name]());
  }
  return Object.fromEntries(names.map((n) => [n, summarizeLatencies(samples[n])])) as Record<
    K,
    LatencySummary
  >;
}

/**
 * Whether two results hold the same rows: the same count and the same first-column values
 * (order-insensitive: a filter without ORDER BY may come back in any order). Whole rows are
 * not compared because ours and node-api's `getRowsJson` format timestamps differently.
 */
export function sameRows(ours: readonly unknown[][], raw: readonly unknown[][]): boolean {
  if (ours.length !== raw.length) return false;
  const firsts = (rows: readonly unknown[][]): string =>
    rows
      .map((row) => String(row[0]))
      .sort()
      .join('\n');
  return firsts(ours) === firsts(raw);
}

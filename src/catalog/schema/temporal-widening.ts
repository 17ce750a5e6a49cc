import type { DuckDbType } from './duckdb-types.js';

/**
 * Naive (zone-less) points in time, coarse to fine: each holds every value of the ones before
 * it exactly, a DATE being midnight. TIMESTAMP_NS is off the ladder: it is finer than TIMESTAMP
 * but only spans 1677–2262, so neither holds the other. Zone-aware types are off it too: a wall-
 * clock time becomes an instant only once someone says which zone it was in.
 */
export const NAIVE_TIME_LADDER: readonly string[] = [
  'DATE',
  'TIMESTAMP_S',
  'TIMESTAMP_MS',
  'TIMESTAMP',
];

export function widenTemporal(a: DuckDbType, b: DuckDbType): DuckDbType | null {
  if (a.kind !== 'scalar' || b.kind !== 'scalar') return null;
  const [rungA, rungB] = [NAIVE_TIME_LADDER.indexOf(a.name), NAIVE_TIME_LADDER.indexOf(b.name)];
  if (rungA < 0 || rungB < 0) return null;
  return rungA >= rungB ? a : b;
}

export const ZONED_TYPES: readonly string[] = ['TIMESTAMP WITH TIME ZONE', 'TIME WITH TIME ZONE'];
export const NAIVE_TEMPORAL_TYPES: readonly string[] = [
  ...NAIVE_TIME_LADDER,
  'TIMESTAMP_NS',
  'TIME',
];

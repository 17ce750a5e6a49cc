/** Wall-clock timing on the monotonic clock (immune to NTP adjustments mid-run). */

/** Starts a timer; the returned function gives the seconds elapsed so far. */
export function startTimer(): () => number {
  const start = process.hrtime.bigint();
  return () => Number(process.hrtime.bigint() - start) / 1e9;
}

export interface Timed<T> {
  readonly value: T;
  readonly seconds: number;
}

export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const elapsed = startTimer();
  const value = await work();
  return { value, seconds: elapsed() };
}

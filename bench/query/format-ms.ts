/** Milliseconds with the precision that matters at their size: 0.42, 8.31, 86.2, 1234. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const size = Math.abs(ms);
  if (size < 10) return ms.toFixed(2);
  if (size < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

/** A difference in milliseconds with its sign: "+3.10", "−0.42". */
export function formatDeltaMs(ms: number): string {
  return `${ms >= 0 ? '+' : '−'}${formatMs(Math.abs(ms))}`;
}

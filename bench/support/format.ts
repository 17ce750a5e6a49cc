/** Number formatting for report tables. MB means 10^6 bytes, as in PERFORMANCE-NOTES.md. */

const MB = 1_000_000;
const MIB = 1024 * 1024;

export function megabytes(bytes: number): number {
  return bytes / MB;
}

export function formatMB(bytes: number): string {
  return (bytes / MB).toFixed(1);
}

/** Memory is reported in MiB, as `free -h` and /proc do. */
export function formatMiB(bytes: number): string {
  return `${(bytes / MIB).toFixed(0)} MiB`;
}

export function formatSignedMiB(bytes: number): string {
  const sign = bytes >= 0 ? '+' : '−';
  return `${sign}${(Math.abs(bytes) / MIB).toFixed(0)}`;
}

export function formatSeconds(seconds: number): string {
  return seconds < 10 ? seconds.toFixed(3) : seconds.toFixed(2);
}

/** 1234567 → "1.23M", 45600 → "45.6K": throughput figures read at a glance. */
export function formatCount(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)}K`;
  return value.toFixed(0);
}

export function formatInteger(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatRate(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** ours ÷ raw, e.g. "0.82×". */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—';
}

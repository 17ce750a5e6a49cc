import { pad2 } from './calendar.js';

/** Sub-second digits of each tick unit DuckDB uses: seconds, millis, micros, nanos. */
export type FractionDigits = 0 | 3 | 6 | 9;

const TICKS_PER_SECOND: Record<FractionDigits, number> = { 0: 1, 3: 1e3, 6: 1e6, 9: 1e9 };

/**
 * 'HH:MM:SS[.fff…]' from ticks since midnight. The fraction keeps only significant digits,
 * as DuckDB's own VARCHAR cast does ('12:00:00.5', not '12:00:00.500000'). DuckDB allows
 * TIME '24:00:00', so hours are not wrapped.
 */
export function formatClock(ticksOfDay: number, digits: FractionDigits): string {
  const perSecond = TICKS_PER_SECOND[digits];
  const seconds = Math.floor(ticksOfDay / perSecond);
  const fraction = ticksOfDay - seconds * perSecond;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor(seconds / 60) % 60;
  return `${pad2(hours)}:${pad2(minutes)}:${pad2(seconds % 60)}${formatFraction(fraction, digits)}`;
}

/** '.5' for 500000 micros; '' for zero. Trims by arithmetic: a regex per value costs ~2x. */
export function formatFraction(fraction: number, digits: FractionDigits): string {
  if (fraction === 0) return '';
  let significant = fraction;
  let width: number = digits;
  while (significant % 10 === 0) {
    significant /= 10;
    width--;
  }
  return `.${String(significant).padStart(width, '0')}`;
}

/**
 * An ISO 8601 UTC offset: '+05:30', or '+05:30:15' for the second-level offsets DuckDB's
 * TIMETZ can hold (ISO has no seconds field there; dropping them would change the value).
 */
export function formatUtcOffset(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const absolute = Math.abs(offsetSeconds);
  const seconds = absolute % 60;
  const text = `${sign}${pad2(Math.floor(absolute / 3600))}:${pad2(Math.floor(absolute / 60) % 60)}`;
  return seconds === 0 ? text : `${text}:${pad2(seconds)}`;
}

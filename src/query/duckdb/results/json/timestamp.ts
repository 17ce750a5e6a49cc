import { formatCivilDate } from './calendar.js';
import { formatClock, type FractionDigits } from './clock.js';

/**
 * DuckDB marks infinite timestamps with ±(2^63 − 1) ticks in every timestamp unit (its VARCHAR
 * cast prints 'infinity' for TIMESTAMP_S/_MS/_NS too, although node-api's toString does not).
 */
const POSITIVE_INFINITY = 9_223_372_036_854_775_807n;
const NEGATIVE_INFINITY = -9_223_372_036_854_775_807n;

export interface TickUnit {
  readonly digits: FractionDigits;
  readonly perDay: number;
  readonly perDayBig: bigint;
}

function tickUnit(digits: FractionDigits): TickUnit {
  const perDay = 86_400 * 10 ** digits;
  return { digits, perDay, perDayBig: BigInt(perDay) };
}

export const SECONDS = tickUnit(0);
export const MILLIS = tickUnit(3);
export const MICROS = tickUnit(6);
export const NANOS = tickUnit(9);

/** ISO 8601 'YYYY-MM-DDTHH:MM:SS[.fff…]' plus `zone` ('' or 'Z'), or '±infinity'. */
export function formatTimestamp(ticks: bigint, unit: TickUnit, zone: '' | 'Z'): string {
  if (ticks === POSITIVE_INFINITY) return 'infinity';
  if (ticks === NEGATIVE_INFINITY) return '-infinity';
  const asNumber = Number(ticks);
  // Float arithmetic is exact within 2^53 and several times faster than BigInt division; only
  // microsecond timestamps beyond ~2255 and nanosecond ones beyond ~104 days take the slow path.
  if (Number.isSafeInteger(asNumber)) {
    const days = Math.floor(asNumber / unit.perDay);
    return join(days, asNumber - days * unit.perDay, unit, zone);
  }
  let days = ticks / unit.perDayBig;
  let ofDay = ticks % unit.perDayBig;
  if (ofDay < 0n) {
    days -= 1n;
    ofDay += unit.perDayBig;
  }
  return join(Number(days), Number(ofDay), unit, zone);
}

function join(days: number, ticksOfDay: number, unit: TickUnit, zone: string): string {
  return `${formatCivilDate(days)}T${formatClock(ticksOfDay, unit.digits)}${zone}`;
}

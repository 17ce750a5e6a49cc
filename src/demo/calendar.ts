import type { SeededRandom } from './random.js';

/**
 * Dates as whole days since 1970-01-01 (UTC). Every date in the demo is derived from fixed
 * epochs, never from the clock, so the files do not change from one day to the next.
 */
const MS_PER_DAY = 86_400_000;
const SECONDS_PER_DAY = 86_400;

export function dayOf(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
}

/** The demo's "today": nothing happens after it, and ongoing placements run up to it. */
export const DEMO_AS_OF_DAY = dayOf('2025-06-30');

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM:SS` in UTC: ISO 8601 with a space, which SQL engines read as a timestamp. */
export function formatTimestamp(day: number, secondOfDay: number): string {
  const iso = new Date(day * MS_PER_DAY + secondOfDay * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export function randomSecondOfDay(random: SeededRandom): number {
  return random.int(0, SECONDS_PER_DAY - 1);
}

/** 1970-01-01 was a Thursday, so day 3 was the first Sunday. */
export function sundayOnOrAfter(day: number): number {
  const daysPastSunday = (((day - 3) % 7) + 7) % 7;
  return daysPastSunday === 0 ? day : day + 7 - daysPastSunday;
}

/** Placements start on a Monday, as assignments do. */
export function mondayOnOrAfter(day: number): number {
  return sundayOnOrAfter(day - 1) + 1;
}

/** Whole years between two days, by the mean Gregorian year: close enough for ages. */
export function wholeYearsBetween(fromDay: number, toDay: number): number {
  return Math.floor((toDay - fromDay) / 365.2425);
}

/**
 * Calendar dates from DuckDB day numbers (days since 1970-01-01). DuckDB's DATE is the
 * proleptic Gregorian calendar (it rejects '1500-02-29'), so this is plain arithmetic with no
 * Julian switch-over, and it is exact over DuckDB's whole range (about ±5.9 million years)
 * where JS `Date` stops at ±275,760 years.
 */

/** DuckDB stores DATE 'infinity' / '-infinity' as ±(2^31 − 1) days. */
export const DATE_POSITIVE_INFINITY = 2_147_483_647;
export const DATE_NEGATIVE_INFINITY = -2_147_483_647;

/** 'YYYY-MM-DD', or 'infinity' / '-infinity' for DuckDB's infinite dates. */
export function formatDateDays(days: number): string {
  if (days === DATE_POSITIVE_INFINITY) return 'infinity';
  if (days === DATE_NEGATIVE_INFINITY) return '-infinity';
  return formatCivilDate(days);
}

/**
 * Howard Hinnant's days-to-civil algorithm (http://howardhinnant.github.io/date_algorithms.html).
 * Years are astronomical, as ISO 8601 counts them: year 0 is 1 BC, year -1 is 2 BC.
 */
export function formatCivilDate(days: number): string {
  const shifted = days + 719_468; // day 0 of the algorithm's era is 0000-03-01
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March … 11 = February
  const day = dayOfYear - Math.floor((153 * marchMonth + 2) / 5) + 1;
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${formatYear(year)}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Four digits for years 0000–9999; outside that, ISO 8601's expanded form with a sign and at
 * least six digits, as ECMAScript writes them ('+010000', '-000001'), widened for DuckDB's
 * seven-digit extremes.
 */
export function formatYear(year: number): string {
  if (year >= 1000 && year <= 9999) return String(year);
  if (year >= 0 && year <= 9999) return String(year).padStart(4, '0');
  return (year < 0 ? '-' : '+') + String(Math.abs(year)).padStart(6, '0');
}

/** '00'…'99', looked up: formatting millions of dates and times is dominated by padding. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

export function pad2(value: number): string {
  return TWO_DIGITS[value] ?? String(value);
}

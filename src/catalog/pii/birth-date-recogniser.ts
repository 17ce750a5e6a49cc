const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/; // 1987-04-12, 1987-04-12T00:00:00.000Z
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/; // 4/12/1987

export const MIN_PLAUSIBLE_AGE = 16; // youngest a staffing candidate can be placed
export const MAX_PLAUSIBLE_AGE = 100;

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function calendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year, month, day };
}

function parseCalendarDate(text: string): CalendarDate | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const us = US_DATE.exec(text);
  if (us) return calendarDate(Number(us[3]), Number(us[1]), Number(us[2]));
  return undefined;
}

function ageOn(today: Date, birth: CalendarDate): number {
  const month = today.getUTCMonth() + 1;
  const day = today.getUTCDate();
  const birthdayStillAhead = month < birth.month || (month === birth.month && day < birth.day);
  return today.getUTCFullYear() - birth.year - (birthdayStillAhead ? 1 : 0);
}

/**
 * A date that would make its subject 16–100 years old today. Only ever confirms a column whose
 * name already says "birth": on its own any date column of adults' events would pass.
 */
export function isPlausibleBirthDate(text: string, today: Date): boolean {
  const birth = parseCalendarDate(text);
  if (!birth) return false;
  const age = ageOn(today, birth);
  return age >= MIN_PLAUSIBLE_AGE && age <= MAX_PLAUSIBLE_AGE;
}

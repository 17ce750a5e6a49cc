import { formatDay, formatTimestamp, sundayOnOrAfter } from './calendar.js';
import { csvLine } from './csv.js';
import { formatTenths } from './format.js';
import { candidateId, placementId, timesheetId } from './ids.js';
import type { PlacementPlan } from './placement-plan.js';
import type { SeededRandom } from './random.js';

export const TIMESHEET_COLUMNS = [
  'timesheet_id',
  'placement_id',
  'candidate_id',
  'week_ending',
  'hours_regular',
  'hours_overtime',
  'approved',
  'submitted_at',
] as const;

/** Every placement lasts at least 14 days, so its first two weeks are always inside it. */
const MAX_WEEKS_PER_PLACEMENT = 2;
const APPROVED_SHARE = 0.94;
const EARLIEST_SUBMIT_SECOND = 6 * 3600;
const LATEST_SUBMIT_SECOND = 22 * 3600;

/**
 * The first weeks of each placement. Timesheets are spread evenly, placement p getting
 * floor((p+1)·n/P) − floor(p·n/P) of them, which adds up to exactly `count`.
 */
export function* timesheetRows(
  count: number,
  placements: PlacementPlan,
  random: SeededRandom,
): Generator<string> {
  const placementCount = placements.startDay.length;
  if (count > MAX_WEEKS_PER_PLACEMENT * placementCount) {
    throw new RangeError(`${count} timesheets do not fit in ${placementCount} placements`);
  }
  let index = 0;
  for (let placement = 0; placement < placementCount; placement += 1) {
    const weeks = sharesUpTo(placement + 1, count, placementCount) - index;
    const firstWeekEnding = sundayOnOrAfter(placements.startDay[placement]);
    for (let week = 0; week < weeks; week += 1, index += 1) {
      yield csvLine([
        timesheetId(index),
        placementId(placement),
        candidateId(placements.candidate[placement]),
        ...timesheetEntry(firstWeekEnding + 7 * week, random),
      ]);
    }
  }
}

function sharesUpTo(placements: number, count: number, placementCount: number): number {
  return Math.floor((placements * count) / placementCount);
}

/** week_ending, hours_regular, hours_overtime, approved, submitted_at. */
function timesheetEntry(
  weekEndingDay: number,
  random: SeededRandom,
): [string, string, string, boolean, string] {
  const regularTenths = random.chance(0.6) ? 400 : random.int(32, 80) * 5;
  const overtimeTenths = random.chance(0.65) ? 0 : random.int(1, 30) * 5;
  const submittedDay = weekEndingDay + random.skewedInt(0, 4, 2);
  return [
    formatDay(weekEndingDay),
    formatTenths(regularTenths),
    formatTenths(overtimeTenths),
    random.chance(APPROVED_SHARE),
    formatTimestamp(submittedDay, random.int(EARLIEST_SUBMIT_SECOND, LATEST_SUBMIT_SECOND)),
  ];
}

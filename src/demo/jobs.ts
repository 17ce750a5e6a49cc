import { DEMO_AS_OF_DAY, dayOf, formatDay } from './calendar.js';
import type { ClientPlan } from './clients.js';
import { csvLine } from './csv.js';
import { formatCents } from './format.js';
import { clientId, jobId, recruiterId } from './ids.js';
import type { City } from './places.js';
import { CITY_CHOICE } from './places.js';
import type { SeededRandom } from './random.js';
import { VERTICAL_INDEX_CHOICE, VERTICALS } from './verticals.js';
import { weightedLabels } from './weighted-choice.js';

export const JOB_COLUMNS = [
  'job_id',
  'client_id',
  'title',
  'vertical',
  'city',
  'state',
  'bill_rate',
  'pay_rate',
  'openings',
  'status',
  'posted_on',
  'recruiter_id',
] as const;

/** Placements copy a job's client, recruiter, rates and dates, so those are planned first. */
export interface JobPlan {
  readonly client: number;
  readonly recruiter: number;
  /** Index into VERTICALS. */
  readonly vertical: number;
  readonly city: City;
  readonly payCents: number;
  readonly billCents: number;
  readonly postedDay: number;
}

const FIRST_POSTED_DAY = dayOf('2019-01-02');
/** Two months before the as-of day, so every job's placements have weeks of history. */
export const LAST_POSTED_DAY = DEMO_AS_OF_DAY - 60;

export function planJobs(
  count: number,
  clients: readonly ClientPlan[],
  recruiterCount: number,
  random: SeededRandom,
): JobPlan[] {
  return Array.from({ length: count }, () => {
    const client = random.int(0, clients.length - 1);
    const vertical = random.chance(0.75)
      ? clients[client].vertical
      : VERTICAL_INDEX_CHOICE.pick(random);
    const { payCents, billCents } = randomRatesCents(random, vertical);
    return {
      client,
      // Most requisitions go to the account manager; the rest to whoever has capacity.
      recruiter: random.chance(0.6)
        ? clients[client].accountManager
        : random.int(0, recruiterCount - 1),
      vertical,
      city: random.chance(0.8) ? clients[client].city : CITY_CHOICE.pick(random),
      payCents,
      billCents,
      postedDay: randomPostedDay(random),
    };
  });
}

/** Pay within the vertical's band; the bill rate adds the agency's 25–65% markup. */
function randomRatesCents(
  random: SeededRandom,
  vertical: number,
): { payCents: number; billCents: number } {
  const { min, max } = VERTICALS[vertical].payCents;
  const payCents = random.int(min / 25, max / 25) * 25;
  return { payCents, billCents: Math.round(payCents * (1.25 + random.next() * 0.4)) };
}

/** Skewed towards recent days: the business grew, and recent jobs are the ones still open. */
function randomPostedDay(random: SeededRandom): number {
  return LAST_POSTED_DAY - random.skewedInt(0, LAST_POSTED_DAY - FIRST_POSTED_DAY, 1.5);
}

const RECENT_JOB_STATUS = weightedLabels({ open: 70, filled: 20, closed: 10 });
const OLDER_JOB_STATUS = weightedLabels({ filled: 65, closed: 35 });
const RECENT_DAYS = 120;

export function* jobRows(plans: readonly JobPlan[], random: SeededRandom): Generator<string> {
  for (const [index, plan] of plans.entries()) {
    const recent = plan.postedDay > LAST_POSTED_DAY - RECENT_DAYS;
    yield csvLine([
      jobId(index),
      clientId(plan.client),
      random.pick(VERTICALS[plan.vertical].jobTitles),
      VERTICALS[plan.vertical].name,
      plan.city.name,
      plan.city.state,
      formatCents(plan.billCents),
      formatCents(plan.payCents),
      random.skewedInt(1, 12, 2),
      (recent ? RECENT_JOB_STATUS : OLDER_JOB_STATUS).pick(random),
      formatDay(plan.postedDay),
      recruiterId(plan.recruiter),
    ]);
  }
}

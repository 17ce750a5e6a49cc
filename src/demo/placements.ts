import { DEMO_AS_OF_DAY, formatDay } from './calendar.js';
import { csvLine } from './csv.js';
import { formatCents, formatTenths } from './format.js';
import { candidateId, clientId, jobId, placementId, recruiterId } from './ids.js';
import type { JobPlan } from './jobs.js';
import type { PlacementPlan } from './placement-plan.js';
import { NO_END_DAY } from './placement-plan.js';
import type { SeededRandom } from './random.js';

export const PLACEMENT_COLUMNS = [
  'placement_id',
  'candidate_id',
  'job_id',
  'client_id',
  'recruiter_id',
  'start_date',
  'end_date',
  'bill_rate',
  'pay_rate',
  'hours_worked',
  'status',
] as const;

/** Short assignments that ended are the ones most likely to have been cut short. */
const SHORT_ASSIGNMENT_DAYS = 60;
const SHORT_ASSIGNMENT_TERMINATED_SHARE = 0.35;
const LONG_ASSIGNMENT_TERMINATED_SHARE = 0.05;

export function* placementRows(
  plan: PlacementPlan,
  jobs: readonly JobPlan[],
  random: SeededRandom,
): Generator<string> {
  for (let index = 0; index < plan.job.length; index += 1) {
    const job = jobs[plan.job[index]];
    const startDay = plan.startDay[index];
    const endDay = plan.endDay[index];
    const ongoing = endDay === NO_END_DAY;
    const workedDays = (ongoing ? DEMO_AS_OF_DAY : endDay) - startDay;
    const rates = negotiatedRatesCents(job, random);
    yield csvLine([
      placementId(index),
      candidateId(plan.candidate[index]),
      jobId(plan.job[index]),
      clientId(job.client),
      recruiterId(job.recruiter),
      formatDay(startDay),
      ongoing ? null : formatDay(endDay),
      formatCents(rates.billCents),
      formatCents(rates.payCents),
      formatTenths(Math.round((workedDays / 7) * random.int(300, 450))),
      ongoing ? 'active' : endedStatus(workedDays, random),
    ]);
  }
}

/** Each placement's rates land within 3% of the posting; the markup keeps pay below bill. */
function negotiatedRatesCents(
  job: JobPlan,
  random: SeededRandom,
): { billCents: number; payCents: number } {
  const factor = 0.97 + random.next() * 0.06;
  const payCents = Math.round(job.payCents * factor);
  return { payCents, billCents: Math.max(payCents + 1, Math.round(job.billCents * factor)) };
}

function endedStatus(workedDays: number, random: SeededRandom): 'completed' | 'terminated' {
  const terminatedShare =
    workedDays < SHORT_ASSIGNMENT_DAYS
      ? SHORT_ASSIGNMENT_TERMINATED_SHARE
      : LONG_ASSIGNMENT_TERMINATED_SHARE;
  return random.chance(terminatedShare) ? 'terminated' : 'completed';
}

import { DEMO_AS_OF_DAY, mondayOnOrAfter } from './calendar.js';
import type { CandidatePlan } from './candidates.js';
import type { JobPlan } from './jobs.js';
import type { SeededRandom } from './random.js';

/**
 * Placements as parallel typed arrays: at full scale there are a million of them, and
 * timesheets need each one's candidate and dates after the placements file is written.
 */
export interface PlacementPlan {
  readonly job: Int32Array;
  readonly candidate: Int32Array;
  readonly startDay: Int32Array;
  /** NO_END_DAY while the placement is ongoing. */
  readonly endDay: Int32Array;
}

export const NO_END_DAY = -1;
const ONGOING_SHARE = 0.2;
/** Ongoing placements started within about a year: nobody is on a six-year temp assignment. */
const ONGOING_JOB_WINDOW_DAYS = 425;
const MIN_LENGTH_DAYS = 14;
const MAX_LENGTH_DAYS = 540;

export function planPlacements(
  count: number,
  jobs: readonly JobPlan[],
  candidates: CandidatePlan,
  random: SeededRandom,
): PlacementPlan {
  const plan = {
    job: new Int32Array(count),
    candidate: new Int32Array(count),
    startDay: new Int32Array(count),
    endDay: new Int32Array(count),
  };
  const recentJobs = jobIndexesPostedSince(jobs, DEMO_AS_OF_DAY - ONGOING_JOB_WINDOW_DAYS);
  for (let index = 0; index < count; index += 1) {
    const ongoing = recentJobs.length > 0 && random.chance(ONGOING_SHARE);
    const job = ongoing ? random.pick(recentJobs) : random.int(0, jobs.length - 1);
    const startDay = mondayOnOrAfter(jobs[job].postedDay + random.int(3, 30));
    plan.job[index] = job;
    plan.candidate[index] = candidateFor(jobs[job], candidates, random);
    plan.startDay[index] = startDay;
    plan.endDay[index] = ongoing ? NO_END_DAY : endDayAfter(startDay, random);
  }
  return plan;
}

function jobIndexesPostedSince(jobs: readonly JobPlan[], day: number): number[] {
  return jobs.flatMap((job, index) => (job.postedDay >= day ? [index] : []));
}

/** A candidate of the job's vertical; any candidate if that vertical has none (tiny scales). */
function candidateFor(job: JobPlan, candidates: CandidatePlan, random: SeededRandom): number {
  const sameVertical = candidates.byVertical[job.vertical];
  if (sameVertical.length > 0) return sameVertical[random.int(0, sameVertical.length - 1)];
  return random.int(0, candidates.verticalOf.length - 1);
}

/**
 * At least two weeks long, so every placement spans two timesheet weeks, and never past the
 * as-of day. Jobs are posted 60+ days before it and work starts within 37 days of posting, so
 * the cap still leaves three weeks of work.
 */
function endDayAfter(startDay: number, random: SeededRandom): number {
  const length = random.skewedInt(MIN_LENGTH_DAYS, MAX_LENGTH_DAYS, 1.5);
  return Math.min(startDay + length, DEMO_AS_OF_DAY - 1);
}

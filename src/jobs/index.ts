/** Jobs: background work with persisted state and live progress (rows, bytes, rate, ETA). */
export {
  JobService,
  type JobSpec,
  type JobWork,
  type ProgressReporter,
  type SubmittedJob,
} from './job.service.js';
export type { Job, JobProgress, JobState, JobView } from './job.js';

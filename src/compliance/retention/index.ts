/** Retention: which subjects are past their retention clocks (a report; nothing is changed). */
export {
  RETENTION_ROLES,
  RetentionSweep,
  type RetentionSweepDeps,
  type RetentionSweepOptions,
  type RetentionSweepResult,
} from './retention-sweep.js';
export {
  retentionCase,
  retentionCaseJson,
  type RetentionCase,
  type RetentionClock,
} from './retention-case.js';
export { writeFileAtomic } from './sweep-report.js';

import type { Subject, SubjectStatus } from '../subjects/index.js';

/** The two retention clocks of a subject (see retentionClocks in subjects/subject.ts). */
export type RetentionClock = 'general' | 'biometric';

/** A subject with at least one retention clock passed. */
export interface RetentionCase {
  readonly subjectId: string;
  readonly status: SubjectStatus;
  /** Which clocks ended before the sweep's time, general first. */
  readonly clocksPassed: readonly RetentionClock[];
  readonly lastInteractionAt: string;
  readonly generalPiiUntil: string;
  readonly biometricUntil: string | null;
  /** A biometric photo is held: what the biometric clock passing means in practice. */
  readonly hasPhoto: boolean;
}

/** The subject's case as of `asOf` (ISO-8601 UTC), or null when no clock has passed. */
export function retentionCase(subject: Subject, asOf: string): RetentionCase | null {
  const clocksPassed: RetentionClock[] = [];
  if (subject.generalPiiUntil < asOf) clocksPassed.push('general');
  if (subject.biometricUntil !== null && subject.biometricUntil < asOf)
    clocksPassed.push('biometric');
  if (clocksPassed.length === 0) return null;
  return {
    subjectId: subject.subjectId,
    status: subject.status,
    clocksPassed,
    lastInteractionAt: subject.lastInteractionAt,
    generalPiiUntil: subject.generalPiiUntil,
    biometricUntil: subject.biometricUntil,
    hasPhoto: subject.photo !== null,
  };
}

/** A case as one report line: snake_case, keys in a fixed order, so equal cases print alike. */
export function retentionCaseJson(c: RetentionCase) {
  return {
    subject_id: c.subjectId,
    status: c.status,
    clocks_passed: c.clocksPassed,
    last_interaction_at: c.lastInteractionAt,
    general_pii_until: c.generalPiiUntil,
    biometric_until: c.biometricUntil,
    has_photo: c.hasPhoto,
  };
}

/** A data subject: one person the lakehouse holds data about, with consent and retention. */
export const SUBJECT_STATUSES = ['active', 'withdrawn', 'erased', 'retention_expired'] as const;
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];

export const CONSENT_PURPOSES = ['general', 'biometric'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_STATUSES = ['never_collected', 'given', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export interface ConsentRecord {
  readonly status: ConsentStatus;
  /** Hex SHA-256 of the consent text the person saw (its version); null when never collected. */
  readonly textHash: string | null;
  readonly at: string | null;
}

export interface SubjectPhoto {
  /** Relative to the data directory's private storage root. */
  readonly path: string;
  readonly contentType: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly uploadedAt: string;
}

export interface Subject {
  readonly subjectId: string;
  /** File-system-safe and unique: two ids that sanitize alike get different keys. */
  readonly storageKey: string;
  readonly status: SubjectStatus;
  readonly consent: Readonly<Record<ConsentPurpose, ConsentRecord>>;
  readonly lastInteractionAt: string;
  readonly generalPiiUntil: string;
  /** Null while no biometric consent was ever given. */
  readonly biometricUntil: string | null;
  readonly photo: SubjectPhoto | null;
  readonly erasure: unknown;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const NO_CONSENT: ConsentRecord = { status: 'never_collected', textHash: null, at: null };

export interface RetentionPolicy {
  readonly generalMs: number;
  readonly biometricMs: number;
}

/**
 * The retention clocks: general personal data for the general window after the last
 * interaction; biometric data for the biometric window (≤ 3 years), and no longer than the
 * moment biometric consent is withdrawn.
 */
export function retentionClocks(
  lastInteractionAt: string,
  biometric: ConsentRecord,
  policy: RetentionPolicy,
): { generalPiiUntil: string; biometricUntil: string | null } {
  const last = Date.parse(lastInteractionAt);
  const generalPiiUntil = new Date(last + policy.generalMs).toISOString();
  if (biometric.status === 'never_collected') return { generalPiiUntil, biometricUntil: null };
  let until = last + policy.biometricMs;
  if (biometric.status === 'withdrawn' && biometric.at !== null)
    until = Math.min(until, Date.parse(biometric.at));
  return { generalPiiUntil, biometricUntil: new Date(until).toISOString() };
}

/**
 * Every kind of personal data the detector can name. A closed list (not `string`) so that
 * tables keyed by kind are `Record<PiiKind, …>` and the compiler flags a kind left out.
 *
 * Deliberately absent: postal code, city, state and country. In this product they are coarse
 * location used for reporting, not PII on their own (see name-rules.ts).
 */
export const PII_KINDS = [
  'email',
  'phone',
  'ssn',
  'national_id',
  'card_number',
  'bank_account',
  'date_of_birth',
  'street_address',
  'person_name',
  'username',
  'ip_address',
  'salary',
  'medical',
  'free_text_contact',
] as const;

export type PiiKind = (typeof PII_KINDS)[number];

export type PiiCategory = 'PII' | 'PHI' | 'Financial';

/** Ordered from least to most protected; non-PII columns are `internal`. */
export type Sensitivity = 'public' | 'internal' | 'confidential' | 'restricted';

export interface ColumnSample {
  readonly name: string;
  /** DuckDB type name, e.g. VARCHAR, BIGINT, DATE, DECIMAL(10,2). */
  readonly type: string;
  /** A sample of non-null values, up to ~1000. */
  readonly values: readonly unknown[];
}

export interface PiiFinding {
  readonly column: string;
  readonly isPii: boolean;
  readonly category: PiiCategory | null;
  readonly kind: PiiKind | null;
  readonly sensitivity: Sensitivity;
  /** How sure the detector is of this verdict (PII or not), 0..1. */
  readonly confidence: number;
  /** Human-readable evidence, e.g. "97% of sampled values (970/1000) look like e-mail addresses". */
  readonly reasons: readonly string[];
}

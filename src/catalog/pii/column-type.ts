import type { PiiKind } from './pii-category.js';

/** What a DuckDB column type can hold, coarsely; enough to veto impossible name matches. */
export type TypeFamily = 'text' | 'integer' | 'decimal' | 'temporal' | 'boolean' | 'other';

const FAMILY_BY_TYPE_NAME: ReadonlyMap<string, TypeFamily> = new Map<string, TypeFamily>([
  ...['VARCHAR', 'TEXT', 'STRING', 'CHAR', 'BPCHAR', 'NVARCHAR'].map((t) => [t, 'text'] as const),
  ...[
    'TINYINT',
    'SMALLINT',
    'INTEGER',
    'INT',
    'BIGINT',
    'HUGEINT',
    'UTINYINT',
    'USMALLINT',
    'UINTEGER',
    'UBIGINT',
    'UHUGEINT',
    'INT1',
    'INT2',
    'INT4',
    'INT8',
    'SHORT',
    'LONG',
  ].map((t) => [t, 'integer'] as const),
  ...['DECIMAL', 'NUMERIC', 'DOUBLE', 'FLOAT', 'REAL', 'FLOAT4', 'FLOAT8'].map(
    (t) => [t, 'decimal'] as const,
  ),
  ...['BOOLEAN', 'BOOL', 'LOGICAL'].map((t) => [t, 'boolean'] as const),
]);

// DATE, DATETIME, TIME, TIMESTAMP, TIMESTAMP WITH TIME ZONE, TIMESTAMP_MS, INTERVAL, …
const TEMPORAL_PREFIX = /^(?:DATE|TIME|INTERVAL)/;

export function typeFamilyOf(duckDbType: string): TypeFamily {
  const upper = duckDbType.trim().toUpperCase();
  if (upper.endsWith(']')) return 'other'; // LIST/ARRAY: the element type is not the column's
  const baseName = upper.replace(/\(.*$/, '').trim(); // DECIMAL(10,2) → DECIMAL
  const family = FAMILY_BY_TYPE_NAME.get(baseName);
  if (family) return family;
  return TEMPORAL_PREFIX.test(baseName) ? 'temporal' : 'other';
}

const TEXTUAL: readonly TypeFamily[] = ['text', 'other'];
const TEXT_OR_DIGITS: readonly TypeFamily[] = ['text', 'integer', 'other'];

/**
 * Which column types can hold each kind. It vetoes name matches that cannot be right:
 * `email_opt_in BOOLEAN`, `email_sent_at TIMESTAMP`, `address_count INTEGER`. Health data is
 * allowed in every type because a BOOLEAN `has_disability` or a DATE `diagnosis_date` is PHI too.
 * 'other' (UUID, BLOB, STRUCT, lists, unknown names) never vetoes.
 */
export const ALLOWED_TYPE_FAMILIES: Record<PiiKind, readonly TypeFamily[]> = {
  email: TEXTUAL,
  phone: TEXT_OR_DIGITS,
  ssn: TEXT_OR_DIGITS,
  national_id: TEXT_OR_DIGITS,
  card_number: TEXT_OR_DIGITS,
  bank_account: TEXT_OR_DIGITS,
  date_of_birth: ['temporal', 'text', 'integer', 'other'],
  street_address: TEXTUAL,
  person_name: TEXTUAL,
  username: TEXTUAL,
  ip_address: TEXTUAL,
  salary: ['decimal', 'integer', 'text', 'other'],
  medical: ['text', 'integer', 'decimal', 'temporal', 'boolean', 'other'],
  free_text_contact: TEXTUAL,
};

export function typeCanHold(kind: PiiKind, family: TypeFamily): boolean {
  return ALLOWED_TYPE_FAMILIES[kind].includes(family);
}

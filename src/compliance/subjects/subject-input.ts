import { createHash } from 'node:crypto';
import { ValidationError, hasControlCharacters } from '../../core/index.js';
import { MAX_SUBJECT_ID_LENGTH } from '../audit/index.js';
import {
  CONSENT_STATUSES,
  type ConsentPurpose,
  type ConsentRecord,
  type ConsentStatus,
  type SubjectStatus,
} from './subject.js';

/** What PUT /subjects/{id} may set. Erasure and photos have their own routes. */
export interface SubjectInput {
  readonly status?: 'active' | 'withdrawn' | 'retention_expired';
  readonly lastInteractionAt?: string;
  readonly consent?: Partial<Record<ConsentPurpose, ConsentInput>>;
}

export interface ConsentInput {
  readonly status: ConsentStatus;
  /** The consent text shown to the person; stored only as its SHA-256 (its version). */
  readonly text?: string;
  /** Or the version hash directly (hex SHA-256). */
  readonly textHash?: string;
  /** When it was given or withdrawn; default now. */
  readonly at?: string;
}

export function validateSubjectId(id: string): string {
  if (id.length === 0 || id.length > MAX_SUBJECT_ID_LENGTH || hasControlCharacters(id)) {
    throw new ValidationError(
      `a subject id is 1-${MAX_SUBJECT_ID_LENGTH} printable characters, got ${JSON.stringify(id.slice(0, 80))}`,
    );
  }
  return id;
}

export function validTimestamp(value: string, field: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(value))
    throw new ValidationError(`${field} must be an ISO 8601 timestamp, got "${value}"`);
  return new Date(ms).toISOString();
}

/** The consent record a change makes; consent given needs the text (or its hash) it was given on. */
export function consentRecord(
  input: ConsentInput,
  purpose: ConsentPurpose,
  now: string,
): ConsentRecord {
  if (!CONSENT_STATUSES.includes(input.status))
    throw new ValidationError(
      `consent.${purpose}.status must be one of ${CONSENT_STATUSES.join(', ')}`,
    );
  if (input.status === 'never_collected')
    return { status: 'never_collected', textHash: null, at: null };
  let textHash = input.textHash?.toLowerCase() ?? null;
  if (textHash !== null && !/^[0-9a-f]{64}$/.test(textHash))
    throw new ValidationError(`consent.${purpose}.text_hash must be a hex SHA-256`);
  if (input.text !== undefined)
    textHash = createHash('sha256').update(input.text, 'utf8').digest('hex');
  if (input.status === 'given' && textHash === null)
    throw new ValidationError(
      `consent.${purpose} given needs the consent text or its text_hash (its version)`,
    );
  const at = input.at === undefined ? now : validTimestamp(input.at, `consent.${purpose}.at`);
  return { status: input.status, textHash, at };
}

export function settableStatus(value: string): SubjectStatus {
  if (value === 'erased')
    throw new ValidationError(
      'a subject is erased by POST /subjects/{id}/erase, not by setting its status',
    );
  if (!['active', 'withdrawn', 'retention_expired'].includes(value))
    throw new ValidationError('status must be active, withdrawn or retention_expired');
  return value as SubjectStatus;
}

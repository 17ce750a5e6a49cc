import { ValidationError } from '../../core/index.js';
import { AUDIT_RESULTS, type AuditEntry } from './audit-row.js';
import { CanonicalJsonError, canonicalJson } from './canonical-json.js';

/** Subject ids are ids, not documents; the bound keeps index entries small. */
export const MAX_SUBJECT_ID_LENGTH = 200;

/**
 * Refuses an entry before any lock is taken, with the field that is wrong. Types do not
 * reach callers in plain JavaScript or from JSON bodies, so the shape is checked at runtime.
 */
export function assertAuditEntry(subjectId: unknown, entry: AuditEntry): void {
  if (!isText(subjectId) || subjectId.length > MAX_SUBJECT_ID_LENGTH)
    throw new ValidationError(
      `audit subject id must be a non-empty string of at most ${MAX_SUBJECT_ID_LENGTH} characters`,
    );
  const accessor = (entry as { accessor?: unknown }).accessor as Record<string, unknown> | null;
  if (typeof accessor !== 'object' || accessor === null)
    throw new ValidationError('audit entry needs an accessor');
  for (const field of ['principal', 'kind', 'purpose'] as const)
    if (!isText(accessor[field]))
      throw new ValidationError(`audit accessor.${field} must be a non-empty string`);
  const traceId = accessor['traceId'];
  if (traceId !== undefined && traceId !== null && !isText(traceId))
    throw new ValidationError('audit accessor.traceId must be a non-empty string or null');
  if (!Array.isArray(entry.fieldsAccessed) || !entry.fieldsAccessed.every(isText))
    throw new ValidationError('audit fieldsAccessed must be an array of non-empty strings');
  if (!(AUDIT_RESULTS as readonly unknown[]).includes(entry.result))
    throw new ValidationError(`audit result must be one of ${AUDIT_RESULTS.join(', ')}`, {
      result: entry.result,
    });
  assertCanonical(subjectId, entry);
}

/** A lone surrogate in a string has no canonical form; say so now, not as a failed write. */
function assertCanonical(subjectId: string, entry: AuditEntry): void {
  try {
    canonicalJson({ subjectId, accessor: entry.accessor, fieldsAccessed: entry.fieldsAccessed });
  } catch (error) {
    if (!(error instanceof CanonicalJsonError)) throw error;
    throw new ValidationError(`audit entry has no canonical JSON form (${error.message})`);
  }
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

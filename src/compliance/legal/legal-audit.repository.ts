import type { Executor } from '../../metastore/index.js';
import { CanonicalJsonError, canonicalJson, sha256Hex, type AuditRow } from '../audit/index.js';

/** One stored row as a legal report shows it: readable or not, never skipped. */
export interface LegalAuditRow {
  readonly seq: number;
  /** The indexed copy of the row's time (what the window filters on). */
  readonly ts: string;
  /** Hex SHA-256 of the row's canonical JSON; null when the stored text is not a row. */
  readonly hash: string | null;
  readonly row: AuditRow | null;
  /** The stored text, given only when it could not be read as a row. */
  readonly stored?: string;
}

export interface TimeWindow {
  /** ISO-8601 UTC (Date#toISOString), inclusive; null = from the first row. */
  readonly from: string | null;
  /** Inclusive; null = up to the last row. */
  readonly to: string | null;
}

/*
 * These read audit_rows directly rather than through AuditChainService.rows: that pages by seq
 * and parses strictly, and a legal report must still show a row someone broke (verify says why).
 * Timestamps compare as text: every ts is written by Date#toISOString, fixed width in UTC.
 */

/** Rows of the subject whose ts lies in the window, in chain order, after `afterSeq`. */
export async function selectWindowRows(
  db: Executor,
  subjectId: string,
  window: TimeWindow,
  page: { afterSeq: number; limit: number },
): Promise<LegalAuditRow[]> {
  let query = db
    .selectFrom('audit_rows')
    .select(['seq', 'ts', 'row_json'])
    .where('subject_id', '=', subjectId)
    .where('seq', '>', page.afterSeq)
    .orderBy('seq')
    .limit(page.limit);
  if (window.from !== null) query = query.where('ts', '>=', window.from);
  if (window.to !== null) query = query.where('ts', '<=', window.to);
  return (await query.execute()).map((r) => readStored(r.seq, r.ts, r.row_json));
}

export async function countWindowRows(
  db: Executor,
  subjectId: string,
  window: TimeWindow,
): Promise<number> {
  let query = db
    .selectFrom('audit_rows')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('subject_id', '=', subjectId);
  if (window.from !== null) query = query.where('ts', '>=', window.from);
  if (window.to !== null) query = query.where('ts', '<=', window.to);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** The chain's first stored row (its root), if any. */
export async function selectFirstRow(
  db: Executor,
  subjectId: string,
): Promise<LegalAuditRow | undefined> {
  const first = await db
    .selectFrom('audit_rows')
    .select(['seq', 'ts', 'row_json'])
    .where('subject_id', '=', subjectId)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  return first && readStored(first.seq, first.ts, first.row_json);
}

function readStored(seq: number, ts: string, text: string): LegalAuditRow {
  const unreadable = { seq, ts, hash: null, row: null, stored: text };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return unreadable; // verify names the fault
    throw error;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return unreadable;
  try {
    return { seq, ts, hash: sha256Hex(canonicalJson(parsed)), row: parsed as AuditRow };
  } catch (error) {
    if (error instanceof CanonicalJsonError) return unreadable;
    throw error;
  }
}

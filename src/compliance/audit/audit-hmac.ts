import { createHash, createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { AuditRow, UnsignedAuditRow } from './audit-row.js';
import { canonicalJson } from './canonical-json.js';

/** Hex HMAC-SHA256 of UTF-8 text. */
export function hmacHex(key: KeyObject, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** Hex SHA-256 of UTF-8 text. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Whether two hex MACs are equal, in constant time (a length mismatch is simply false). */
export function sameMac(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface SignedRow {
  readonly row: AuditRow;
  /** The canonical JSON of the whole row: what is stored and what the next row links to. */
  readonly text: string;
  readonly hash: string;
}

/** Adds row_hmac over the canonical JSON of everything else, and hashes the result. */
export function signRow(key: KeyObject, unsigned: UnsignedAuditRow): SignedRow {
  const row: AuditRow = { ...unsigned, row_hmac: hmacHex(key, canonicalJson(unsigned)) };
  const text = canonicalJson(row);
  return { row, text, hash: sha256Hex(text) };
}

export const TIP_SCHEMA = 'lakehouse.audit.tip.v1';

/** The tip's HMAC: a truncated chain cannot be passed off as whole without the key. */
export function tipHmac(key: KeyObject, subjectId: string, seq: number, hash: string): string {
  return hmacHex(key, canonicalJson({ schema: TIP_SCHEMA, subject_id: subjectId, seq, hash }));
}

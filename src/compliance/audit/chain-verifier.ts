import type { KeyObject } from 'node:crypto';
import type { AuditFault, AuditFaultReason } from './audit-chain.js';
import { hmacHex, sameMac, sha256Hex, tipHmac } from './audit-hmac.js';
import { AUDIT_SCHEMA, GENESIS, type AuditRow } from './audit-row.js';
import type { StoredAuditRow, StoredAuditTip } from './audit.repository.js';
import { CanonicalJsonError, canonicalJsonPair } from './canonical-json.js';

/**
 * Walks one subject's chain row by row, in seq order, keeping only the previous row's hash:
 * memory stays flat however long the chain. Each row is re-canonicalized from its parsed
 * JSON, so a stored text with its keys in another order verifies; any change of content does not.
 */
export class ChainVerifier {
  readonly #key: KeyObject;
  readonly #subjectId: string;
  #rows = 0;
  #lastHash = GENESIS;

  constructor(key: KeyObject, subjectId: string) {
    this.#key = key;
    this.#subjectId = subjectId;
  }

  /** Rows verified so far. */
  get rows(): number {
    return this.#rows;
  }

  /** The next stored row's fault, or null when it is signed and linked as it should be. */
  check(stored: StoredAuditRow): AuditFault | null {
    const position = this.#rows + 1;
    const fault = (reason: AuditFaultReason, message: string): AuditFault => ({
      row: position,
      seq: stored.seq,
      reason,
      message,
    });
    if (stored.seq !== position)
      return fault('seq_mismatch', `expected seq ${position}, found ${stored.seq}`);
    const read = readRow(stored.row_json);
    if (typeof read === 'string') return fault('malformed_row', read);
    if (!sameMac(hmacHex(this.#key, read.unsignedText), read.row.row_hmac))
      return fault('hmac_mismatch', 'the row does not match its row_hmac');
    if (read.row.prev_hash !== this.#lastHash)
      return fault(
        'prev_hash_mismatch',
        `prev_hash does not match ${position === 1 ? GENESIS : `the hash of row ${position - 1}`}`,
      );
    if (read.row.subject_id !== this.#subjectId)
      return fault('subject_mismatch', `the row belongs to subject ${read.row.subject_id}`);
    const column = mismatchedColumn(stored, read.row);
    if (column !== undefined)
      return fault('column_mismatch', `the ${column} column differs from the signed row`);
    this.#rows = position;
    this.#lastHash = sha256Hex(read.text);
    return null;
  }

  /** After the last row: the chain must end where its signed tip says. */
  checkTip(tip: StoredAuditTip | undefined): AuditFault | null {
    if (tip === undefined) return null; // rows without a tip are found by looking past it
    const fault = (row: number, seq: number | null, message: string): AuditFault => ({
      row,
      seq,
      reason: 'tip_mismatch',
      message,
    });
    if (!sameMac(tipHmac(this.#key, tip.subject_id, tip.seq, tip.hash), tip.tip_hmac))
      return fault(tip.seq, tip.seq, 'the tip does not match its tip_hmac');
    if (this.#rows < tip.seq)
      return fault(
        this.#rows + 1,
        null,
        `row ${this.#rows + 1} is missing: the tip records ${tip.seq} rows`,
      );
    if (this.#lastHash !== tip.hash)
      return fault(this.#rows, this.#rows, `the hash of row ${this.#rows} differs from the tip's`);
    return null;
  }
}

/** The parsed row and its canonical texts (with and without row_hmac), or why it cannot be read. */
function readRow(json: string): { row: AuditRow; text: string; unsignedText: string } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return 'the stored row is not JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return 'the stored row is not a JSON object';
  const fields = parsed as Record<string, unknown>;
  if (fields['schema'] !== AUDIT_SCHEMA) return `unknown row schema ${String(fields['schema'])}`;
  if (typeof fields['row_hmac'] !== 'string') return 'the row has no row_hmac';
  try {
    const { whole, without } = canonicalJsonPair(fields, 'row_hmac');
    return { row: parsed as AuditRow, text: whole, unsignedText: without };
  } catch (error) {
    if (!(error instanceof CanonicalJsonError)) throw error;
    return `the row has no canonical form (${error.message})`;
  }
}

/** Past the HMAC check the row is ours; the indexed copies of its fields must agree with it. */
function mismatchedColumn(stored: StoredAuditRow, row: AuditRow): string | undefined {
  if (stored.ts !== row.ts) return 'ts';
  if (stored.result !== row.result) return 'result';
  if (stored.principal !== row.accessor.principal) return 'principal';
  return undefined;
}

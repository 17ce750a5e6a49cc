import type { AuditEntry } from './audit-row.js';

/** The end of a subject's chain: how many rows it has and the last row's hash. */
export interface AuditTip {
  readonly subjectId: string;
  readonly seq: number;
  readonly hash: string;
  readonly updatedAt: string;
}

/** One item of `appendMany`. */
export interface AuditAppend {
  readonly subjectId: string;
  readonly entry: AuditEntry;
}

export type AuditFaultReason =
  /** The stored seq is not the row's position: a row before it is missing, inserted or moved. */
  | 'seq_mismatch'
  /** The stored text is not JSON, not an object, of an unknown schema, or has no row_hmac. */
  | 'malformed_row'
  /** The content does not match row_hmac: edited, or signed with another key. */
  | 'hmac_mismatch'
  /** The row is intact but does not follow the previous one: deleted, inserted or reordered. */
  | 'prev_hash_mismatch'
  /** A signed row of another subject was put into this chain. */
  | 'subject_mismatch'
  /** An indexed column (ts, result, principal) differs from the signed row. */
  | 'column_mismatch'
  /** The chain disagrees with its signed tip: truncated, rows beyond it, or the tip was edited. */
  | 'tip_mismatch';

export interface AuditFault {
  /** 1-based position in the chain of the first bad row. */
  readonly row: number;
  /** The seq stored with that row; null when the row is missing. */
  readonly seq: number | null;
  readonly reason: AuditFaultReason;
  readonly message: string;
}

/** What `verify` found; it reports tampering, it does not throw for it. */
export type AuditVerification =
  | {
      readonly ok: true;
      readonly subjectId: string;
      /** Rows checked: the whole chain as of the tip read when verification began. */
      readonly rows: number;
      readonly tip: AuditTip | null;
    }
  | {
      readonly ok: false;
      readonly subjectId: string;
      /** Rows found intact before the fault. */
      readonly rows: number;
      readonly fault: AuditFault;
    };

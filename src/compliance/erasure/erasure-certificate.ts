import type { AuditFault } from '../audit/index.js';

/** What erasure did in one subject-keyed dataset. */
export interface ErasedDataset {
  readonly dataset: string;
  readonly key_column: string;
  /** The subject's rows visible before erasure. */
  readonly rows_removed: number;
  /** The compaction snapshot that no longer holds them; null when no file held them. */
  readonly snapshot_id: string | null;
  /** Files of older snapshots rewritten without the subject's rows. */
  readonly files_rewritten: number;
}

/** The erasure certificate: sealed with the audit key (HMAC over its canonical JSON). */
export interface ErasureCertificate {
  readonly schema: 'lakehouse.erasure.v1';
  readonly subject_id: string;
  readonly erased_at: string;
  readonly started_at: string;
  readonly erased_by: string;
  readonly datasets: readonly ErasedDataset[];
  readonly rows_removed: number;
  readonly snapshots_rewritten: number;
  readonly photo_deleted: boolean;
  readonly paged_results_dropped: number;
  /** The subject's audit chain after the erasure row. */
  readonly chain_tip: { readonly seq: number; readonly hash: string };
  readonly seal: string;
}

/** A later re-check of an erasure. */
export interface ErasureCheck {
  readonly subject_id: string;
  readonly verified: boolean;
  readonly seal_valid: boolean;
  readonly chain_intact: boolean;
  readonly chain_fault?: AuditFault;
  readonly datasets: readonly {
    dataset: string;
    key_column: string;
    files_scanned: number;
    files_holding_subject: string[];
  }[];
  readonly checked_at: string;
  readonly certificate: ErasureCertificate;
}

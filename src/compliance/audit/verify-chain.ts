import type { KeyObject } from 'node:crypto';
import type { MetastoreDb } from '../../metastore/index.js';
import type { AuditFault, AuditVerification } from './audit-chain.js';
import {
  selectAuditRowPage,
  selectAuditSeqAbove,
  selectAuditTip,
  toAuditTip,
} from './audit.repository.js';
import { ChainVerifier } from './chain-verifier.js';

export interface VerifyChainOptions {
  readonly pageSize: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Verifies a subject's chain as of its tip when verification begins, a page of rows at a
 * time (keyset paging by seq), so appends may go on meanwhile and memory stays flat.
 */
export async function verifyChain(
  db: MetastoreDb,
  key: KeyObject,
  subjectId: string,
  options: VerifyChainOptions,
): Promise<AuditVerification> {
  const tip = await selectAuditTip(db, subjectId);
  const upToSeq = tip?.seq ?? 0;
  const verifier = new ChainVerifier(key, subjectId);
  const fault =
    (await checkRows(db, verifier, subjectId, upToSeq, options)) ??
    verifier.checkTip(tip) ??
    (await rowBeyondTip(db, subjectId, upToSeq, verifier.rows));
  if (fault) return { ok: false, subjectId, rows: verifier.rows, fault };
  return { ok: true, subjectId, rows: verifier.rows, tip: tip ? toAuditTip(tip) : null };
}

/** Feeds the rows up to the tip to the verifier, a page at a time; the first fault, if any. */
async function checkRows(
  db: MetastoreDb,
  verifier: ChainVerifier,
  subjectId: string,
  upToSeq: number,
  options: VerifyChainOptions,
): Promise<AuditFault | null> {
  // null at first, so rows stored with a seq below 1 are read too (and refused).
  let afterSeq: number | null = null;
  for (;;) {
    options.signal?.throwIfAborted();
    const limit = options.pageSize;
    const page = await selectAuditRowPage(db, subjectId, { afterSeq, upToSeq, limit });
    for (const stored of page) {
      const fault = verifier.check(stored);
      if (fault) return fault;
    }
    if (page.length < limit) return null;
    afterSeq = page[page.length - 1]!.seq;
  }
}

/**
 * A row past the tip read at the start is fine if the tip has moved on to it since (an
 * append commits its row and the new tip together). Otherwise it was not appended through
 * the chain.
 */
async function rowBeyondTip(
  db: MetastoreDb,
  subjectId: string,
  tipSeq: number,
  rows: number,
): Promise<AuditFault | null> {
  const above = await selectAuditSeqAbove(db, subjectId, tipSeq);
  if (above === undefined) return null;
  const current = await selectAuditTip(db, subjectId);
  if (current !== undefined && current.seq >= above) return null;
  return {
    row: rows + 1,
    seq: above,
    reason: 'tip_mismatch',
    message: `a row with seq ${above} lies beyond the chain's tip (seq ${tipSeq})`,
  };
}

import type { KeyObject } from 'node:crypto';
import { AppError, systemClock, type Clock } from '../../core/index.js';
import type { AuditRowsTable, AuditTipsTable, Metastore } from '../../metastore/index.js';
import type { AuditAppend, AuditTip, AuditVerification } from './audit-chain.js';
import { AppendQueue } from './append-queue.js';
import { assertAuditEntry } from './audit-entry.js';
import { hmacHex, signRow, sha256Hex, tipHmac } from './audit-hmac.js';
import {
  GENESIS,
  unsignedRow,
  type AuditEntry,
  type AuditRecord,
  type AuditRow,
} from './audit-row.js';
import {
  countAuditRows,
  insertAuditRows,
  selectAuditRowPage,
  selectAuditTip,
  selectAuditTips,
  toAuditTip,
  upsertAuditTips,
  type StoredAuditRow,
  type StoredAuditTip,
} from './audit.repository.js';
import { canonicalJson } from './canonical-json.js';
import { withSubjectLocks } from './subject-lock.js';
import { verifyChain } from './verify-chain.js';

/** The most rows `rows` returns at once. */
export const MAX_AUDIT_PAGE = 1000;

/** Rows per query while verifying: few round trips, a bounded page in memory. */
const DEFAULT_VERIFY_PAGE = 2000;

export interface AuditChainOptions {
  /** The HMAC key (see loadAuditKey). */
  readonly key: KeyObject;
  readonly clock?: Clock;
  /** Rows read per query while verifying. */
  readonly verifyPageSize?: number;
}

/**
 * Per-subject, tamper-evident audit chains (docs/audit-chain.md). Appends to one subject are
 * serialized, also across processes sharing the metastore; different subjects append in
 * parallel on PostgreSQL. Callers authorize; this service only records and checks.
 */
export class AuditChainService {
  readonly #metastore: Metastore;
  readonly #key: KeyObject;
  readonly #clock: Clock;
  readonly #pageSize: number;
  readonly #queue: AppendQueue;

  constructor(metastore: Metastore, options: AuditChainOptions) {
    this.#metastore = metastore;
    this.#key = options.key;
    this.#clock = options.clock ?? systemClock;
    this.#pageSize = options.verifyPageSize ?? DEFAULT_VERIFY_PAGE;
    // SQLite commits one transaction at a time anyway, so every append shares one lane and
    // concurrent appends to any subjects share commits; PostgreSQL gets a lane per subject,
    // so subjects never wait for each other.
    const laneOf = metastore.dialect === 'sqlite' ? () => '' : (subjectId: string) => subjectId;
    this.#queue = new AppendQueue((items) => this.#commit(items), laneOf);
  }

  /**
   * Appends one row. Appends made while an earlier one is committing are committed together
   * (group commit), each still its own row; one failing does not fail the others.
   */
  /**
   * An HMAC (hex) over the canonical JSON of a document, with the audit key: seals documents
   * such as erasure certificates so a later check shows whether they were altered.
   */
  seal(document: unknown): string {
    return hmacHex(this.#key, canonicalJson(document));
  }

  async append(subjectId: string, entry: AuditEntry): Promise<AuditRecord> {
    assertAuditEntry(subjectId, entry);
    return this.#queue.add({ subjectId, entry });
  }

  /**
   * Appends every item in one transaction (one commit for the lot), in order: all are
   * recorded or none is. Returns the records in the order given.
   */
  async appendMany(items: readonly AuditAppend[]): Promise<AuditRecord[]> {
    for (const item of items) assertAuditEntry(item.subjectId, item.entry);
    return items.length === 0 ? [] : this.#commit(items);
  }

  async #commit(items: readonly AuditAppend[]): Promise<AuditRecord[]> {
    const subjectIds = [...new Set(items.map((item) => item.subjectId))];
    try {
      return await withSubjectLocks(this.#metastore, subjectIds, async (tx) => {
        const tips = await selectAuditTips(tx, subjectIds);
        const { records, rows, newTips } = this.#chain(items, tips);
        await insertAuditRows(tx, rows);
        await upsertAuditTips(tx, newTips);
        return records;
      });
    } catch (error) {
      const who =
        subjectIds.length === 1 ? `subject ${subjectIds[0]}` : `${subjectIds.length} subjects`;
      throw new AppError('audit_write_failed', `could not append to the audit chain of ${who}`, {
        cause: error,
      });
    }
  }

  /** Checks every link and HMAC; reports the first bad row with its position and why. */
  verify(subjectId: string, options: { signal?: AbortSignal } = {}): Promise<AuditVerification> {
    return verifyChain(this.#metastore.db, this.#key, subjectId, {
      pageSize: this.#pageSize,
      signal: options.signal,
    });
  }

  /** Rows `from`..`to` (1-based, inclusive), at most MAX_AUDIT_PAGE; as stored, not verified. */
  async rows(
    subjectId: string,
    range: { from?: number; to?: number } = {},
  ): Promise<AuditRecord[]> {
    const from = Math.max(1, Math.floor(range.from ?? 1));
    const to = Math.min(Math.floor(range.to ?? Number.MAX_SAFE_INTEGER), from + MAX_AUDIT_PAGE - 1);
    if (to < from) return [];
    const rows = await selectAuditRowPage(this.#metastore.db, subjectId, {
      afterSeq: from - 1,
      upToSeq: to,
      limit: MAX_AUDIT_PAGE,
    });
    return rows.map(toRecord);
  }

  async tip(subjectId: string): Promise<AuditTip | null> {
    const tip = await selectAuditTip(this.#metastore.db, subjectId);
    return tip === undefined ? null : toAuditTip(tip);
  }

  /** Rows in one subject's chain, or in all chains. */
  count(subjectId?: string): Promise<number> {
    return countAuditRows(this.#metastore.db, subjectId);
  }

  /** Signs and links the items onto their chains' tips; pure, inside the locks. */
  #chain(items: readonly AuditAppend[], tips: Map<string, StoredAuditTip>) {
    // Read under the lock, so a chain's times follow its order (as far as the clock does).
    const ts = this.#clock.now().toISOString();
    const heads = new Map<string, { seq: number; hash: string }>();
    const records: AuditRecord[] = [];
    const rows: AuditRowsTable[] = [];
    for (const { subjectId, entry } of items) {
      const head = heads.get(subjectId) ?? tips.get(subjectId) ?? { seq: 0, hash: GENESIS };
      const signed = signRow(this.#key, unsignedRow(subjectId, entry, ts, head.hash));
      const seq = head.seq + 1;
      heads.set(subjectId, { seq, hash: signed.hash });
      records.push({ seq, hash: signed.hash, row: signed.row });
      rows.push(storedRow(seq, signed.row, signed.text));
    }
    const newTips: AuditTipsTable[] = [...heads].map(([subjectId, head]) => ({
      subject_id: subjectId,
      seq: head.seq,
      hash: head.hash,
      tip_hmac: tipHmac(this.#key, subjectId, head.seq, head.hash),
      updated_at: ts,
    }));
    return { records, rows, newTips };
  }
}

function storedRow(seq: number, row: AuditRow, text: string): AuditRowsTable {
  return {
    subject_id: row.subject_id,
    seq,
    ts: row.ts,
    result: row.result,
    principal: row.accessor.principal,
    row_json: text,
  };
}

function toRecord(stored: StoredAuditRow): AuditRecord {
  const row = JSON.parse(stored.row_json) as AuditRow;
  return { seq: stored.seq, hash: sha256Hex(canonicalJson(row)), row };
}

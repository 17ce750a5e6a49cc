import {
  ConflictError,
  NotFoundError,
  ValidationError,
  requireAnyRole,
  type RequestContext,
} from '../../core/index.js';
import type { CatalogService, TombstoneService } from '../../catalog/index.js';
import type { JournalService } from '../../journal/index.js';
import type { Metastore, MetastoreTx } from '../../metastore/index.js';
import type { DuckDbEngine } from '../../query/index.js';
import { quoteIdentifier, sqlString } from '../../query/sql-text.js';
import type { AuditChainService, AuditResult, AuditTip } from '../audit/index.js';
import { subjectStorageKey } from './storage-key.js';
import { NO_CONSENT, retentionClocks, type RetentionPolicy, type Subject } from './subject.js';
import {
  consentRecord,
  settableStatus,
  validTimestamp,
  validateSubjectId,
  type SubjectInput,
} from './subject-input.js';
import * as repo from './subject.repository.js';

/** Who manages subjects and reads their manifests. */
export const SUBJECT_ROLES = ['admin', 'legal'] as const;

/** The manifest fields a lookup returns: what its audit row says was accessed. */
const MANIFEST_FIELDS = [
  'status',
  'consent',
  'retention',
  'datasets',
  'photo',
  'audit_tip',
] as const;

export interface SubjectDataset {
  readonly dataset: string;
  readonly keyColumn: string;
  readonly rows: number;
}

export interface SubjectView extends Subject {
  readonly datasets: readonly SubjectDataset[];
  readonly auditTip: AuditTip | null;
}

export interface SubjectDeps {
  readonly metastore: Metastore;
  readonly journal: JournalService;
  readonly catalog: CatalogService;
  readonly tombstones: TombstoneService;
  readonly engine: DuckDbEngine;
  readonly audit: AuditChainService;
  readonly retention: RetentionPolicy;
}

/**
 * Data subjects: one manifest per person — status, consent per purpose, retention clocks — with
 * every change journaled and every lookup audited in the person's chain before it is answered.
 */
export class SubjectService {
  readonly #deps: SubjectDeps;

  constructor(deps: SubjectDeps) {
    this.#deps = deps;
  }

  /** A subject's manifest, the datasets holding their rows, and their audit tip (audited). */
  async get(ctx: RequestContext, id: string): Promise<SubjectView> {
    requireAnyRole(ctx, SUBJECT_ROLES, 'reading subject manifests');
    validateSubjectId(id);
    const subject = await repo.selectSubject(this.#deps.metastore.db, id);
    if (!subject) {
      await this.audit(ctx, id, [...MANIFEST_FIELDS], 'not_found');
      throw new NotFoundError('subject_not_found', `no subject ${id}`);
    }
    const datasets = await this.referencingDatasets(ctx, id);
    await this.audit(ctx, id, [...MANIFEST_FIELDS], 'success');
    return { ...subject, datasets, auditTip: await this.#deps.audit.tip(id) };
  }

  /** The manifest as stored (no access check, no audit row): for services acting on a subject. */
  find(id: string, tx?: MetastoreTx): Promise<Subject | undefined> {
    return repo.selectSubject(tx ?? this.#deps.metastore.db, id);
  }

  /** Creates or changes a subject's manifest (journaled with old and new values). */
  async put(ctx: RequestContext, id: string, input: SubjectInput): Promise<Subject> {
    requireAnyRole(ctx, SUBJECT_ROLES, 'managing subjects');
    validateSubjectId(id);
    const now = ctx.clock.now().toISOString();
    return this.#deps.metastore.transaction(async (tx) => {
      const before = await repo.selectSubject(tx, id);
      if (before?.status === 'erased')
        throw new ConflictError('conflict', `subject ${id} is erased; its manifest is final`);
      const base = before ?? (await this.#newSubjects(tx, [id], now))[0]!;
      const consent = { ...base.consent };
      for (const [purpose, change] of Object.entries(input.consent ?? {})) {
        if (purpose !== 'general' && purpose !== 'biometric')
          throw new ValidationError(`consent purposes are general and biometric, not "${purpose}"`);
        if (change) consent[purpose] = consentRecord(change, purpose, now);
      }
      const lastInteractionAt =
        input.lastInteractionAt === undefined
          ? base.lastInteractionAt
          : validTimestamp(input.lastInteractionAt, 'last_interaction_at');
      const next: Subject = {
        ...base,
        status: input.status === undefined ? base.status : settableStatus(input.status),
        consent,
        lastInteractionAt,
        ...retentionClocks(lastInteractionAt, consent.biometric, this.#deps.retention),
        updatedAt: now,
      };
      if (before) await repo.updateSubject(tx, next);
      else await repo.insertSubjects(tx, [next]);
      await this.#deps.journal.record(tx, ctx, {
        entityType: 'subject',
        entityId: id,
        action: before ? 'update' : 'create',
        oldValue: before ? manifestJson(before) : null,
        newValue: manifestJson(next),
      });
      return next;
    });
  }

  /**
   * Creates a manifest (active, no consent collected, last interaction now) for every distinct
   * value of a dataset's subject key column that has none yet. One journal event per run.
   */
  async backfill(
    ctx: RequestContext,
    input: { dataset: string; keyColumn?: string },
  ): Promise<{ dataset: string; keyColumn: string; created: number; existing: number }> {
    requireAnyRole(ctx, SUBJECT_ROLES, 'backfilling subjects');
    // Only ids are read, none returned: the legal role may backfill datasets it cannot query.
    const dataset = await this.#deps.catalog.find(input.dataset);
    if (!dataset) throw new NotFoundError('dataset_not_found', `no dataset named ${input.dataset}`);
    const keyColumn = input.keyColumn ?? dataset.subjectKeyColumn;
    if (!keyColumn || !dataset.columns.some((c) => c.name === keyColumn)) {
      throw new ValidationError(
        keyColumn
          ? `dataset ${dataset.name} has no column "${keyColumn}"`
          : `dataset ${dataset.name} has no subject key column; name one with key_column`,
      );
    }
    const source = await this.#deps.catalog.currentRelation(ctx, dataset);
    const key = quoteIdentifier(keyColumn);
    const result = await this.#deps.engine.withConnection((c) =>
      c.query(
        `SELECT DISTINCT CAST(${key} AS VARCHAR) AS id FROM ${source} WHERE ${key} IS NOT NULL ORDER BY 1`,
      ),
    );
    const ids = result.rows.map((r) => validateSubjectId(String(r['id'])));
    const now = ctx.clock.now().toISOString();
    return this.#deps.metastore.transaction(async (tx) => {
      const existing = await repo.selectSubjectIds(tx, ids);
      const fresh = await this.#newSubjects(
        tx,
        ids.filter((id) => !existing.has(id)),
        now,
      );
      await repo.insertSubjects(tx, fresh);
      await this.#deps.journal.record(tx, ctx, {
        entityType: 'subject',
        entityId: `backfill:${dataset.name}`,
        action: 'backfill',
        newValue: { dataset: dataset.name, key_column: keyColumn, created: fresh.length },
      });
      return {
        dataset: dataset.name,
        keyColumn,
        created: fresh.length,
        existing: existing.size,
      };
    });
  }

  /**
   * The subject-keyed datasets that hold visible rows about the subject, with counts — all of
   * them, also those the caller may not query (a legal reader must see where a person is held).
   */
  async referencingDatasets(ctx: RequestContext, id: string): Promise<SubjectDataset[]> {
    const found: SubjectDataset[] = [];
    for (const dataset of await this.#deps.catalog.all()) {
      const keyColumn = dataset.subjectKeyColumn;
      if (keyColumn === null || dataset.status !== 'ready') continue;
      const source = await this.#deps.catalog.currentRelation(ctx, dataset);
      const key = `CAST(${quoteIdentifier(keyColumn)} AS VARCHAR)`;
      const hidden = (await this.#deps.tombstones.all(dataset.name)).filter(
        (t) => t.keyColumn === keyColumn && t.value === id,
      ).length;
      if (hidden > 0) continue; // tombstoned: no longer held for any reader
      const result = await this.#deps.engine.withConnection((c) =>
        c.query(`SELECT count(*) AS n FROM ${source} WHERE ${key} = ${sqlString(id)}`),
      );
      const rows = Number(result.rows[0]!['n']);
      if (rows > 0) found.push({ dataset: dataset.name, keyColumn, rows });
    }
    return found;
  }

  /** Appends one audit row for an access to a subject's data by the caller; throws 500 if it cannot. */
  async audit(
    ctx: RequestContext,
    subjectId: string,
    fields: readonly string[],
    result: AuditResult,
  ): Promise<void> {
    await this.#deps.audit.append(subjectId, {
      accessor: {
        principal: ctx.principal.id,
        kind: ctx.principal.kind,
        purpose: ctx.purpose ?? 'unspecified',
        traceId: ctx.requestId,
      },
      fieldsAccessed: fields,
      result,
    });
  }

  /** Saves a manifest changed by another compliance service, in its transaction. */
  async save(tx: MetastoreTx, subject: Subject): Promise<void> {
    await repo.updateSubject(tx, subject);
  }

  /** New manifests (active, no consent collected, last interaction now) with unique storage keys. */
  async #newSubjects(tx: MetastoreTx, ids: readonly string[], now: string): Promise<Subject[]> {
    const keys = ids.map((id) => subjectStorageKey(id));
    const taken = await repo.selectTakenStorageKeys(tx, keys);
    const subjects: Subject[] = [];
    ids.forEach((id, i) => {
      let storageKey = keys[i]!;
      // Two ids whose keys clash (already stored, or in this batch) get longer hashes.
      for (let extra = 8; taken.has(storageKey); extra += 8)
        storageKey = subjectStorageKey(id, extra);
      taken.add(storageKey);
      subjects.push({
        subjectId: id,
        storageKey,
        status: 'active',
        consent: { general: NO_CONSENT, biometric: NO_CONSENT },
        lastInteractionAt: now,
        ...retentionClocks(now, NO_CONSENT, this.#deps.retention),
        photo: null,
        erasure: null,
        createdAt: now,
        updatedAt: now,
      });
    });
    return subjects;
  }
}

/** A manifest as journaled and returned: the photo by reference only. */
export function manifestJson(s: Subject) {
  return {
    subject_id: s.subjectId,
    storage_key: s.storageKey,
    status: s.status,
    consent: Object.fromEntries(
      Object.entries(s.consent).map(([purpose, c]) => [
        purpose,
        { status: c.status, text_hash: c.textHash, at: c.at },
      ]),
    ),
    retention: {
      last_interaction_at: s.lastInteractionAt,
      general_pii_until: s.generalPiiUntil,
      biometric_until: s.biometricUntil,
    },
    photo:
      s.photo === null
        ? null
        : {
            path: s.photo.path,
            content_type: s.photo.contentType,
            bytes: s.photo.bytes,
            sha256: s.photo.sha256,
            uploaded_at: s.photo.uploadedAt,
          },
    erasure: s.erasure,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

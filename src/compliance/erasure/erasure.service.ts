import { rm } from 'node:fs/promises';
import path from 'node:path';
import {
  ConflictError,
  NotFoundError,
  requireAnyRole,
  type RequestContext,
} from '../../core/index.js';
import type {
  CatalogService,
  CompactionService,
  Dataset,
  TombstoneService,
} from '../../catalog/index.js';
import type { JournalService } from '../../journal/index.js';
import type { Metastore } from '../../metastore/index.js';
import type { DuckDbEngine, PinCache, QueryService } from '../../query/index.js';
import { quoteIdentifier, sqlString } from '../../query/sql-text.js';
import type { BucketService } from '../../storage/index.js';
import type { AuditChainService } from '../audit/index.js';
import { SUBJECT_ROLES, type SubjectService } from '../subjects/index.js';
import type { ErasureCertificate, ErasureCheck, ErasedDataset } from './erasure-certificate.js';

export interface ErasureDeps {
  readonly metastore: Metastore;
  readonly journal: JournalService;
  readonly catalog: CatalogService;
  readonly tombstones: TombstoneService;
  readonly compaction: CompactionService;
  readonly buckets: BucketService;
  readonly engine: DuckDbEngine;
  readonly pins: PinCache;
  readonly query: Pick<QueryService, 'evictCachedResults'>;
  readonly subjects: SubjectService;
  readonly audit: AuditChainService;
  /** Where subject photos live (SubjectPhoto.path is relative to it). */
  readonly privateRoot: string;
}

/**
 * Erasure of a person: tombstoned in every subject-keyed dataset, compacted so their rows are
 * gone from every Parquet file (older snapshots included), caches dropped, photo deleted,
 * status `erased`, an audit row, and a sealed certificate that can be re-checked later.
 */
export class ErasureService {
  readonly #deps: ErasureDeps;

  constructor(deps: ErasureDeps) {
    this.#deps = deps;
  }

  async erase(ctx: RequestContext, subjectId: string): Promise<ErasureCertificate> {
    requireAnyRole(ctx, SUBJECT_ROLES, 'erasing subjects');
    const subject = await this.#deps.subjects.find(subjectId);
    if (!subject) throw new NotFoundError('subject_not_found', `no subject ${subjectId}`);
    if (subject.status === 'erased') {
      throw new ConflictError(
        'conflict',
        `subject ${subjectId} is already erased; GET /subjects/${encodeURIComponent(subjectId)}/erasure re-checks it`,
      );
    }
    const started = ctx.clock.now();
    // The caller is authorized for erasure as a whole; each step runs with the privileges it
    // needs (datasets the caller could never read must be erased too), recorded under their id.
    const acting: RequestContext = {
      ...ctx,
      principal: { ...ctx.principal, roles: [...new Set([...ctx.principal.roles, 'admin'])] },
    };
    const datasets: ErasedDataset[] = [];
    for (const dataset of await this.#subjectKeyed()) {
      datasets.push(await this.#eraseFrom(acting, dataset, subjectId));
    }
    const pinned = new Set(this.#deps.pins.stats().pins.map((p) => p.dataset));
    for (const d of datasets) {
      if (pinned.has(d.dataset)) await this.#deps.pins.evict(acting, d.dataset);
    }
    const pagedResultsDropped = this.#deps.query.evictCachedResults();
    if (subject.photo) await rm(this.#photoPath(subject.photo.path), { force: true });
    const record = await this.#deps.audit.append(subjectId, {
      accessor: {
        principal: ctx.principal.id,
        kind: ctx.principal.kind,
        purpose: ctx.purpose ?? 'erasure',
        traceId: ctx.requestId,
      },
      fieldsAccessed: ['*'],
      result: 'success',
    });
    const body = {
      schema: 'lakehouse.erasure.v1' as const,
      subject_id: subjectId,
      erased_at: ctx.clock.now().toISOString(),
      started_at: started.toISOString(),
      erased_by: ctx.principal.id,
      datasets,
      rows_removed: datasets.reduce((sum, d) => sum + d.rows_removed, 0),
      snapshots_rewritten: datasets.reduce((sum, d) => sum + d.files_rewritten, 0),
      photo_deleted: subject.photo !== null,
      paged_results_dropped: pagedResultsDropped,
      chain_tip: { seq: record.seq, hash: record.hash },
    };
    const certificate: ErasureCertificate = { ...body, seal: this.#deps.audit.seal(body) };
    await this.#deps.metastore.transaction(async (tx) => {
      await this.#deps.subjects.save(tx, {
        ...subject,
        status: 'erased',
        photo: null,
        erasure: certificate,
        updatedAt: certificate.erased_at,
      });
      await this.#deps.journal.record(tx, ctx, {
        entityType: 'subject',
        entityId: subjectId,
        action: 'erase',
        field: 'status',
        oldValue: subject.status,
        newValue: {
          status: 'erased',
          rows_removed: body.rows_removed,
          datasets: datasets.map((d) => d.dataset),
        },
      });
    });
    return certificate;
  }

  /**
   * Re-checks an erasure now: the certificate's seal, that no current row and no Parquet file
   * of any subject-keyed dataset holds the subject, and the subject's audit chain.
   */
  async check(ctx: RequestContext, subjectId: string): Promise<ErasureCheck> {
    requireAnyRole(ctx, SUBJECT_ROLES, 'checking erasures');
    const subject = await this.#deps.subjects.find(subjectId);
    if (!subject) throw new NotFoundError('subject_not_found', `no subject ${subjectId}`);
    const certificate = subject.erasure as ErasureCertificate | null;
    if (subject.status !== 'erased' || !certificate)
      throw new NotFoundError('not_found', `subject ${subjectId} has not been erased`);
    const { seal, ...body } = certificate;
    const sealValid = this.#deps.audit.seal(body) === seal;
    const datasets = [];
    for (const dataset of await this.#subjectKeyed()) {
      datasets.push(await this.#scanFiles(ctx, dataset, subjectId));
    }
    const chain = await this.#deps.audit.verify(subjectId);
    const verified =
      sealValid && chain.ok && datasets.every((d) => d.files_holding_subject.length === 0);
    return {
      subject_id: subjectId,
      verified,
      seal_valid: sealValid,
      chain_intact: chain.ok,
      ...(chain.ok ? {} : { chain_fault: chain.fault }),
      datasets,
      checked_at: ctx.clock.now().toISOString(),
      certificate,
    };
  }

  async #subjectKeyed(): Promise<Dataset[]> {
    return (await this.#deps.catalog.all()).filter((d) => d.subjectKeyColumn !== null);
  }

  async #eraseFrom(
    ctx: RequestContext,
    dataset: Dataset,
    subjectId: string,
  ): Promise<ErasedDataset> {
    const keyColumn = dataset.subjectKeyColumn!;
    const rows = await this.#countRows(ctx, dataset, subjectId);
    // Nothing about them in any file (current or past): nothing to rewrite.
    if (
      rows === 0 &&
      (await this.#scanFiles(ctx, dataset, subjectId)).files_holding_subject.length === 0
    )
      return {
        dataset: dataset.name,
        key_column: keyColumn,
        rows_removed: 0,
        snapshot_id: null,
        files_rewritten: 0,
      };
    const pending = await this.#deps.tombstones.all(dataset.name);
    // Tombstones of a dataset share one key column: apply others first.
    if (pending.length > 0 && pending[0]!.keyColumn !== keyColumn)
      await this.#deps.compaction.compact(ctx, dataset.name);
    // Recorded even without current rows: older snapshots may still hold the person.
    await this.#deps.tombstones.add(
      ctx,
      dataset.name,
      { keyColumn, values: [subjectId], reason: `erasure of subject ${subjectId}` },
      { includeAbsent: true },
    );
    const compacted = await this.#deps.compaction.compact(ctx, dataset.name);
    return {
      dataset: dataset.name,
      key_column: keyColumn,
      rows_removed: rows,
      snapshot_id: compacted.snapshotId,
      files_rewritten: compacted.filesRewritten,
    };
  }

  async #countRows(ctx: RequestContext, dataset: Dataset, subjectId: string): Promise<number> {
    const source = await this.#deps.catalog.currentRelation(ctx, dataset);
    const key = `CAST(${quoteIdentifier(dataset.subjectKeyColumn!)} AS VARCHAR)`;
    const result = await this.#deps.engine.withConnection((c) =>
      c.query(`SELECT count(*) AS n FROM ${source} WHERE ${key} = ${sqlString(subjectId)}`),
    );
    return Number(result.rows[0]!['n']);
  }

  /** Every Parquet file under the dataset's folder, read straight from disk. */
  async #scanFiles(ctx: RequestContext, dataset: Dataset, subjectId: string) {
    const store = await this.#deps.buckets.store(ctx, dataset.bucket);
    const files = (await store.list(`datasets/${dataset.name}/`)).filter((f) =>
      f.key.endsWith('.parquet'),
    );
    const holding: string[] = [];
    const column = dataset.subjectKeyColumn!;
    for (const file of files) {
      const filePath = store.localPath(file.key)!;
      const hits = await this.#deps.engine.withConnection(async (c) => {
        const has = await c.query(
          `SELECT name FROM parquet_schema(${sqlString(filePath)}) WHERE name = ${sqlString(column)}`,
        );
        if (has.rows.length === 0) return 0;
        const result = await c.query(
          `SELECT count(*) AS n FROM read_parquet(${sqlString(filePath)}) WHERE CAST(${quoteIdentifier(column)} AS VARCHAR) = ${sqlString(subjectId)}`,
        );
        return Number(result.rows[0]!['n']);
      });
      if (hits > 0) holding.push(file.key);
    }
    return {
      dataset: dataset.name,
      key_column: column,
      files_scanned: files.length,
      files_holding_subject: holding,
    };
  }

  #photoPath(relative: string): string {
    const resolved = path.resolve(this.#deps.privateRoot, relative);
    if (!resolved.startsWith(path.resolve(this.#deps.privateRoot) + path.sep))
      throw new Error(`photo path ${relative} is outside the private storage root`);
    return resolved;
  }
}

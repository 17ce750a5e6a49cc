import { rm } from 'node:fs/promises';
import path from 'node:path';
import {
  AppError,
  ConflictError,
  type FaultInjector,
  NotFoundError,
  uuidv7,
  type RequestContext,
} from '../core/index.js';
import {
  assertValidRowKey,
  classifyColumns,
  commitSnapshot,
  diffSchemas,
  sampleColumnValues,
  selectOverrides,
  validateDatasetName,
  type CatalogService,
  type DatasetGate,
  type Dataset,
  type DatasetColumn,
  type DatasetView,
  type FileKind,
  type TombstoneService,
  type PhysicalColumn,
  type SchemaDiff,
  type Snapshot,
} from '../catalog/index.js';
import type { JobService, ProgressReporter } from '../jobs/index.js';
import type { JournalService } from '../journal/index.js';
import type { Metastore, MetastoreTx } from '../metastore/index.js';
import type { DuckDbEngine, EngineConnection } from '../query/index.js';
import type { BucketService } from '../storage/index.js';
import { parquetScan, quoteIdentifier } from '../query/sql-text.js';
import { writeDelta, type DeltaPlan } from './upsert-delta.js';
import { detectFormat, type FileFormat } from './formats/index.js';
import { readUploadToParquet } from './read-upload.js';
import type { IngestRequest } from './ingest-request.js';
import { resolveInboxPath } from './inbox.js';
import { describeLocalFile, stageUpload, type StagedUpload } from './staged-upload.js';
import { Readable } from 'node:stream';
import { rowsToNdjson } from './json-rows.js';

export interface IngestDeps {
  readonly metastore: Metastore;
  readonly journal: JournalService;
  readonly buckets: BucketService;
  readonly catalog: CatalogService;
  readonly engine: DuckDbEngine;
  readonly jobs: JobService;
  /** Uploads at least this large run in the background unless the caller says otherwise. */
  readonly asyncThresholdBytes: number;
  readonly maxUploadBytes: number;
  readonly stagingDir: string;
  /** Server-side paths may be ingested only from inside this folder. */
  readonly inboxDir: string;
  readonly faults: FaultInjector;
  readonly gate: DatasetGate;
  /** Erased keys an upsert must not bring back. */
  readonly tombstones: Pick<TombstoneService, 'erased'>;
}

export interface IngestOutcome {
  readonly jobId: string;
  /** Set when the ingest ran to completion before returning. */
  readonly result?: IngestResult;
}

export interface IngestResult {
  readonly dataset: DatasetView;
  readonly snapshotId: string;
  readonly rowsWritten: number;
  /** For mode=upsert: rows received, and how many keys were inserted or updated. */
  readonly upsert?: DeltaPlan;
}

/** A data file ready in staging, with what its commit needs to know. */
interface PreparedFile {
  readonly path: string;
  readonly file: { readonly kind: FileKind; readonly rowCount: number };
  /** The dataset's columns as they stay, or the physical schema with samples to classify. */
  readonly columns:
    readonly DatasetColumn[] | { schema: PhysicalColumn[]; samples: Map<string, unknown[]> };
  readonly keyColumn: string | null;
  /** Rows visible after the commit. */
  readonly logicalRows: number;
  /** The snapshot the file was prepared against, when the commit must still find it current. */
  readonly expectedSnapshotId: string | null;
  readonly upsert?: DeltaPlan;
}

const NO_PROGRESS: ProgressReporter = { update: () => {} };

/**
 * Files → Parquet datasets. The file is converted in staging, checked (schema, row key,
 * emptiness), classified, and only then committed: one metastore transaction makes the new
 * snapshot visible together with its journal event. A failure anywhere leaves nothing.
 */
export class IngestService {
  readonly #deps: IngestDeps;

  constructor(deps: IngestDeps) {
    this.#deps = deps;
  }

  /** Streams an upload into staging (size-limited); it is not data until ingested. */
  stage(body: Readable, displayName: string): Promise<StagedUpload> {
    return stageUpload(body, {
      dir: this.#deps.stagingDir,
      maxBytes: this.#deps.maxUploadBytes,
      displayName,
    });
  }

  /** Ingests a file already on the server; it must be inside the inbox folder. */
  async ingestPath(
    ctx: RequestContext,
    requestedPath: string,
    request: IngestRequest,
  ): Promise<IngestOutcome> {
    await this.precheck(ctx, request);
    const file = await resolveInboxPath(this.#deps.inboxDir, requestedPath);
    const upload = await describeLocalFile(file, path.basename(file));
    return this.ingestStaged(ctx, upload, request);
  }

  /**
   * Upserts a small JSON batch of whole rows (POST …/rows): the same path as an upsert upload,
   * so the same checks, delta file, snapshot and journal event.
   */
  async upsertRows(ctx: RequestContext, name: string, rows: unknown): Promise<IngestResult> {
    const request: IngestRequest = {
      dataset: name,
      mode: 'upsert',
      format: 'ndjson',
      sourceSystem: 'api',
      async: false,
    };
    await this.precheck(ctx, request);
    const dataset = await this.#deps.catalog.get(ctx, name);
    const ndjson = rowsToNdjson(rows, dataset.columns);
    const upload = await this.stage(Readable.from([ndjson]), 'rows.ndjson');
    const outcome = await this.ingestStaged(ctx, upload, request);
    return outcome.result!;
  }

  /**
   * Ingests a file on the server inside a job that is already running (a database import
   * staged it): the same checks and commit as any ingest, without a job of its own.
   */
  async ingestInJob(
    ctx: RequestContext,
    upload: StagedUpload,
    request: IngestRequest,
    progress: ProgressReporter,
    jobId: string,
  ): Promise<IngestResult> {
    let bucket: string;
    try {
      bucket = await this.precheck(ctx, request);
    } catch (error) {
      await upload.remove();
      throw error;
    }
    const format = detectFormat({
      ...(request.format !== undefined && { explicit: request.format }),
      fileName: upload.displayName,
      head: upload.head,
    });
    const result = await this.#run(ctx, upload, { ...request, bucket }, format, progress, jobId);
    return { ...result, dataset: await this.#deps.catalog.get(ctx, request.dataset) };
  }

  /** Refuses a request that cannot succeed before any bytes are read. */
  async precheck(ctx: RequestContext, request: IngestRequest): Promise<string> {
    validateDatasetName(request.dataset);
    await this.#deps.gate.require(ctx, request.dataset, 'write', 'ingesting data');
    const existing = await this.#deps.catalog.find(request.dataset);
    this.#checkMode(request, existing);
    return this.#bucketFor(ctx, request, existing);
  }

  /** Ingests a staged upload; the upload is removed whatever happens. */
  async ingestStaged(
    ctx: RequestContext,
    upload: StagedUpload,
    request: IngestRequest,
  ): Promise<IngestOutcome> {
    let submitted = false;
    try {
      const outcome = await this.#submit(ctx, upload, request, () => (submitted = true));
      return outcome;
    } finally {
      if (!submitted) await upload.remove();
    }
  }

  async #submit(
    ctx: RequestContext,
    upload: StagedUpload,
    request: IngestRequest,
    onSubmitted: () => void,
  ): Promise<IngestOutcome> {
    const bucket = await this.precheck(ctx, request);
    const format = detectFormat({
      ...(request.format !== undefined && { explicit: request.format }),
      ...(request.contentType !== undefined && { contentType: request.contentType }),
      fileName: upload.displayName,
      head: upload.head,
    });
    const runAsync = request.async ?? upload.size >= this.#deps.asyncThresholdBytes;
    const job = await this.#deps.jobs.submit(
      ctx,
      {
        kind: 'ingest',
        dataset: request.dataset,
        params: {
          mode: request.mode,
          format,
          source: upload.displayName,
          bytes: upload.size,
          bucket,
        },
        bytesTotal: upload.size,
      },
      (progress, jobId) => this.#run(ctx, upload, { ...request, bucket }, format, progress, jobId),
    );
    onSubmitted();
    if (runAsync) return { jobId: job.id };
    const result = await job.outcome;
    return {
      jobId: job.id,
      result: { ...result, dataset: await this.#deps.catalog.get(ctx, request.dataset) },
    };
  }

  /** What appending this file would do to the dataset's schema, without writing anything. */
  async schemaDiff(
    ctx: RequestContext,
    name: string,
    upload: StagedUpload,
    request: Partial<IngestRequest>,
  ): Promise<SchemaDiff> {
    const dataset = await this.#deps.catalog.get(ctx, name);
    const format = detectFormat({
      ...(request.format !== undefined && { explicit: request.format }),
      ...(request.contentType !== undefined && { contentType: request.contentType }),
      fileName: upload.displayName,
      head: upload.head,
    });
    const parquet = this.#deps.buckets.stagingPath('.parquet');
    try {
      const { incoming } = await this.#deps.engine.withConnection((c) =>
        this.#readIncoming(c, upload, format, request, parquet, NO_PROGRESS),
      );
      return diffSchemas(dataset.columns, incoming, { rowKeyColumn: dataset.rowKeyColumn });
    } finally {
      await rm(parquet, { force: true });
    }
  }

  async #run(
    ctx: RequestContext,
    upload: StagedUpload,
    request: IngestRequest & { bucket: string },
    format: FileFormat,
    progress: ProgressReporter,
    jobId: string,
  ): Promise<Omit<IngestResult, 'dataset'>> {
    const parquet = this.#deps.buckets.stagingPath('.parquet');
    const delta = this.#deps.buckets.stagingPath('.parquet');
    try {
      const prepared = await this.#deps.engine.withConnection(async (connection) => {
        const read = await this.#readIncoming(
          connection,
          upload,
          format,
          request,
          parquet,
          progress,
        );
        const existing = await this.#deps.catalog.find(request.dataset);
        if (request.mode === 'upsert')
          return this.#prepareUpsert(ctx, connection, read, parquet, existing!, delta);
        return this.#prepareWhole(ctx, connection, request, read, existing, parquet);
      });
      const snapshot = await this.#commit(ctx, request, upload, { format, jobId }, prepared);
      this.#deps.faults.hit('ingest.after_commit');
      return {
        snapshotId: snapshot.id,
        rowsWritten: prepared.file.rowCount,
        ...(prepared.upsert && { upsert: prepared.upsert }),
      };
    } finally {
      await rm(parquet, { force: true });
      await rm(delta, { force: true });
      await upload.remove();
    }
  }

  /** create, append, replace: the upload becomes a base file, its columns classified. */
  async #prepareWhole(
    ctx: RequestContext,
    connection: EngineConnection,
    request: IngestRequest,
    read: { rows: number; incoming: PhysicalColumn[] },
    existing: Dataset | undefined,
    parquet: string,
  ): Promise<PreparedFile> {
    const schema = this.#targetSchema(request, existing, read.incoming);
    const keyColumn =
      request.mode === 'create' || request.mode === 'replace'
        ? (request.rowKey ?? existing?.rowKeyColumn)
        : existing?.rowKeyColumn;
    const appending = request.mode === 'append' && existing !== undefined;
    if (keyColumn) {
      const source = appending
        ? `(SELECT ${quoteIdentifier(keyColumn)} FROM ${await this.#deps.catalog.currentRelation(ctx, existing)} ` +
          `UNION ALL SELECT ${quoteIdentifier(keyColumn)} FROM ${parquetScan([parquet])})`
        : parquetScan([parquet]);
      await assertValidRowKey(
        connection,
        source,
        keyColumn,
        schema.map((c) => c.name),
      );
    }
    const samples = await sampleColumnValues(
      connection,
      parquetScan([parquet]),
      read.incoming.map((c) => c.name),
    );
    return {
      path: parquet,
      file: { kind: 'base', rowCount: read.rows },
      columns: { schema, samples },
      keyColumn: keyColumn ?? null,
      logicalRows: appending ? existing.rowCount + read.rows : read.rows,
      expectedSnapshotId: null,
    };
  }

  /** upsert: the upload becomes a delta file, merged by key over the dataset's rows. */
  async #prepareUpsert(
    ctx: RequestContext,
    connection: EngineConnection,
    read: { rows: number; incoming: PhysicalColumn[] },
    incomingPath: string,
    existing: Dataset,
    target: string,
  ): Promise<PreparedFile> {
    const erased = await this.#deps.tombstones.erased(existing.name);
    const plan = await writeDelta(connection, {
      incomingPath,
      incoming: read.incoming,
      dataset: existing,
      currentFiles: await this.#deps.catalog.currentFilePaths(ctx, existing),
      erased:
        erased.length === 0
          ? null
          : { keyColumn: erased[0]!.keyColumn, values: erased.map((t) => t.value) },
      target,
    });
    return {
      path: target,
      file: { kind: 'delta', rowCount: plan.rows },
      columns: existing.columns,
      keyColumn: existing.rowKeyColumn,
      logicalRows: existing.rowCount + plan.inserted,
      expectedSnapshotId: existing.currentSnapshotId,
      upsert: plan,
    };
  }

  /** Reads the upload into a Parquet file in staging and returns the exact schema it got. */
  async #readIncoming(
    connection: EngineConnection,
    upload: StagedUpload,
    format: FileFormat,
    request: Partial<IngestRequest>,
    parquet: string,
    progress: ProgressReporter,
  ): Promise<{ rows: number; incoming: PhysicalColumn[] }> {
    const outcome = await readUploadToParquet(
      connection,
      upload,
      format,
      request.csv,
      parquet,
      (fraction, rows) =>
        progress.update({
          bytesProcessed: Math.round(fraction * upload.size),
          rowsProcessed: rows,
        }),
    );
    progress.update({ bytesProcessed: upload.size, rowsProcessed: outcome.rows });
    return outcome;
  }

  #targetSchema(
    request: IngestRequest,
    existing: Dataset | undefined,
    incoming: PhysicalColumn[],
  ): PhysicalColumn[] {
    if (request.mode !== 'append' || !existing) return incoming;
    const diff = diffSchemas(existing.columns, incoming, { rowKeyColumn: existing.rowKeyColumn });
    if (!diff.compatible) {
      throw new ConflictError(
        'schema_conflict',
        `the file's schema is not compatible with dataset ${existing.name}`,
        {
          changes: diff.changes,
          rules: diff.rules,
        },
      );
    }
    return [...diff.resultSchema];
  }

  async #commit(
    ctx: RequestContext,
    request: IngestRequest & { bucket: string },
    upload: StagedUpload,
    { format, jobId }: { format: FileFormat; jobId: string },
    prepared: PreparedFile,
  ): Promise<Snapshot> {
    // Staged through the target bucket's store, so commit renames it into that bucket.
    const store = await this.#deps.buckets.store(ctx, request.bucket);
    const staged = await store.stageFile(prepared.path);
    const checksum = await upload.sha256;
    this.#deps.faults.hit('ingest.after_data_write');
    try {
      return await this.#deps.metastore.transaction(async (tx) => {
        const existing = await this.#deps.catalog.find(request.dataset, tx);
        this.#checkMode(request, existing); // again: another commit may have raced this one
        if (
          prepared.expectedSnapshotId !== null &&
          existing?.currentSnapshotId !== prepared.expectedSnapshotId
        ) {
          throw new ConflictError(
            'concurrent_modification',
            `dataset ${request.dataset} changed during the upsert; retry`,
          );
        }
        const columns = await this.#columnsAtCommit(tx, ctx, request, existing, prepared);
        const now = ctx.clock.now().toISOString();
        const snapshotId = uuidv7();
        const suffix = prepared.file.kind === 'delta' ? '-delta' : '';
        const key = `datasets/${request.dataset}/${snapshotId}${suffix}.parquet`;
        this.#deps.faults.hit('ingest.before_commit');
        const keptFiles =
          existing && (request.mode === 'append' || request.mode === 'upsert')
            ? await this.#deps.catalog.filesOf(existing.currentSnapshotId, tx)
            : [];
        return commitSnapshot(tx, ctx, this.#deps.journal, {
          afterFilesPlaced: () => this.#deps.faults.hit('ingest.mid_commit'),
          snapshotId,
          isNew: !existing,
          operation: existing ? request.mode : 'create',
          keptFiles,
          newFiles: [{ staged, file: { key, ...prepared.file, sizeBytes: staged.size } }],
          jobId,
          rowCount: prepared.logicalRows,
          dataset: {
            name: request.dataset,
            bucket: request.bucket,
            description: request.description ?? existing?.description ?? '',
            owner: existing?.owner ?? ctx.principal.id,
            sensitivity: existing?.sensitivity ?? 'internal',
            tags: existing?.tags ?? [],
            rowKeyColumn: prepared.keyColumn,
            subjectKeyColumn: subjectKeyAfter(existing, columns),
            columns,
            lineage: {
              sourceSystem: request.sourceSystem,
              source: upload.displayName,
              format,
              jobId,
              actor: ctx.principal.id,
              at: now,
              checksum,
              mode: request.mode,
              ...(request.lineage && { details: request.lineage }),
            },
            freshnessIntervalSeconds: existing?.freshnessIntervalSeconds ?? null,
            lastDataAt: now,
            status: 'ready',
            createdAt: existing?.createdAt ?? now,
            createdBy: existing?.createdBy ?? ctx.principal.id,
            updatedAt: now,
          },
          journal: {
            action: `ingest_${request.mode}`,
            newValue: {
              snapshot_id: snapshotId,
              rows: prepared.file.rowCount,
              bytes: staged.size,
              source: upload.displayName,
              source_system: request.sourceSystem,
              checksum,
              format,
              job_id: jobId,
              ...(request.lineage && { lineage: request.lineage }),
              ...(prepared.upsert && {
                rows_received: prepared.upsert.received,
                rows_inserted: prepared.upsert.inserted,
                rows_updated: prepared.upsert.updated,
              }),
            },
          },
        });
      });
    } finally {
      await staged.abort();
    }
  }

  /** The dataset's columns after the commit: an upsert keeps them; other modes classify. */
  async #columnsAtCommit(
    tx: MetastoreTx,
    ctx: RequestContext,
    request: IngestRequest,
    existing: Dataset | undefined,
    prepared: PreparedFile,
  ): Promise<DatasetColumn[]> {
    if (Array.isArray(prepared.columns)) return [...prepared.columns];
    const { schema, samples } = prepared.columns as {
      schema: PhysicalColumn[];
      samples: Map<string, unknown[]>;
    };
    const target =
      existing && request.mode === 'append'
        ? this.#targetSchema(request, existing, schema)
        : schema;
    const overrides = await selectOverrides(tx, request.dataset);
    return classifyColumns(target, samples, overrides, ctx.clock.now());
  }

  #checkMode(request: IngestRequest, existing: Dataset | undefined): void {
    if (request.mode === 'create' && existing) {
      throw new ConflictError(
        'dataset_exists',
        `dataset ${request.dataset} already exists; use mode=append or mode=replace`,
      );
    }
    if (request.mode !== 'create' && !existing) {
      throw new NotFoundError(
        'dataset_not_found',
        `no dataset named ${request.dataset}; use mode=create`,
      );
    }
    if (request.rowKey !== undefined && (request.mode === 'append' || request.mode === 'upsert')) {
      throw new AppError(
        'bad_request',
        'key= is declared on create or replace; change it later with PATCH …/metadata',
      );
    }
    if (request.mode === 'upsert' && existing && existing.rowKeyColumn === null) {
      throw new AppError(
        'invalid_row_key',
        `dataset ${existing.name} has no row key to upsert by; declare one with PATCH /catalog/datasets/${existing.name}/metadata {"row_key_column": …}`,
      );
    }
  }

  async #bucketFor(
    ctx: RequestContext,
    request: IngestRequest,
    existing: Dataset | undefined,
  ): Promise<string> {
    if (
      existing &&
      request.mode === 'append' &&
      request.bucket !== undefined &&
      request.bucket !== existing.bucket
    ) {
      throw new ConflictError(
        'conflict',
        `dataset ${existing.name} lives in bucket ${existing.bucket}`,
      );
    }
    const name = request.bucket ?? existing?.bucket ?? 'primary';
    await this.#deps.buckets.get(ctx, name);
    return name;
  }
}

/** A replace that drops the subject key column also drops the flag; otherwise it stays. */
function subjectKeyAfter(
  existing: Dataset | undefined,
  columns: readonly DatasetColumn[],
): string | null {
  const column = existing?.subjectKeyColumn ?? null;
  return column !== null && columns.some((c) => c.name === column) ? column : null;
}

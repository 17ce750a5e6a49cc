import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  AppError,
  NotFoundError,
  ValidationError,
  requireAnyRole,
  type RequestContext,
} from '../core/index.js';
import {
  discoverSource,
  exportSourceTable,
  redactedDsn,
  type SourceCatalog,
  type SourceConfig,
  type SourceTableRef,
} from '../connectors/index.js';
import { WRITERS, validateDatasetName, type CatalogService } from '../catalog/index.js';
import type { IngestMode, IngestService } from '../ingest/index.js';
import { describeLocalFile } from '../ingest/index.js';
import type { JobService, ProgressReporter } from '../jobs/index.js';
import type { Metastore } from '../metastore/index.js';
import type { DuckDbEngine } from '../query/index.js';
import type { BucketService } from '../storage/index.js';

export interface ImportRequest {
  /** What lineage names the source: a saved source's name, or the redacted DSN. */
  readonly label?: string;
  /** Tables by name; or every table of `schema`. */
  readonly tables?: readonly (SourceTableRef & { dataset?: string })[];
  readonly schema?: string;
  /** Dataset names are `<prefix><table>` unless given per table. */
  readonly datasetPrefix?: string;
  /** Incremental: rows past the stored watermark of this column are upserted by `keyColumn`. */
  readonly watermarkColumn?: string;
  readonly keyColumn?: string;
  /** Wait for the imports to finish (201 with results) instead of returning their jobs (202). */
  readonly wait?: boolean;
}

export interface ImportJob {
  readonly jobId: string;
  readonly dataset: string;
  readonly schema: string;
  readonly table: string;
  readonly result?: ImportResult;
}

export interface ImportResult {
  readonly dataset: string;
  readonly mode: IngestMode | 'unchanged';
  readonly rows: number;
  readonly snapshotId: string | null;
  readonly watermark: string | null;
}

export interface ImportDeps {
  readonly metastore: Metastore;
  readonly catalog: CatalogService;
  readonly ingest: IngestService;
  readonly jobs: JobService;
  readonly engine: DuckDbEngine;
  readonly buckets: BucketService;
  readonly stagingDir: string;
}

/**
 * Database imports: each table a background job that streams it from one consistent snapshot
 * of the source into Parquet and commits it like any ingest (lineage, PII detection, journal).
 * Incremental imports fetch only rows past the stored watermark and upsert them; the watermark
 * moves only after the commit.
 */
export class ImportService {
  readonly #deps: ImportDeps;

  constructor(deps: ImportDeps) {
    this.#deps = deps;
  }

  async import(
    ctx: RequestContext,
    config: SourceConfig,
    request: ImportRequest,
  ): Promise<ImportJob[]> {
    requireAnyRole(ctx, WRITERS, 'importing from databases');
    if ((request.watermarkColumn === undefined) !== (request.keyColumn === undefined))
      throw new ValidationError('an incremental import needs both watermark_column and key_column');
    // Connect, log in and find the tables now: a bad source or table fails the request itself.
    const catalog = await discoverSource(config);
    const targets = this.#targets(catalog, request);
    for (const t of targets)
      await this.#deps.ingest
        .precheck(ctx, { dataset: t.dataset, mode: 'create', sourceSystem: config.system })
        .catch((error: unknown) => {
          // A dataset that exists is re-imported (replaced or upserted), not refused.
          if (error instanceof AppError && error.code === 'dataset_exists') return;
          throw error;
        });
    const label = request.label ?? redactedDsn(config);
    const jobs: { job: ImportJob; outcome: Promise<ImportResult> }[] = [];
    for (const target of targets) {
      const job = await this.#deps.jobs.submit(
        ctx,
        {
          kind: 'import',
          dataset: target.dataset,
          params: {
            source: label,
            table: `${target.schema}.${target.table}`,
            ...(request.watermarkColumn && {
              watermark_column: request.watermarkColumn,
              key_column: request.keyColumn,
            }),
          },
        },
        (progress, jobId) => this.#run(ctx, config, label, target, request, progress, jobId),
      );
      jobs.push({ job: { jobId: job.id, ...target }, outcome: job.outcome });
    }
    if (!request.wait) return jobs.map((j) => j.job);
    return Promise.all(jobs.map(async (j) => ({ ...j.job, result: await j.outcome })));
  }

  #targets(
    catalog: SourceCatalog,
    request: ImportRequest,
  ): (SourceTableRef & { dataset: string })[] {
    const find = (schema: string, table: string) =>
      catalog.schemas.find((s) => s.name === schema)?.tables.find((t) => t.name === table);
    let refs: (SourceTableRef & { dataset?: string })[];
    if (request.tables && request.tables.length > 0) {
      refs = [...request.tables];
    } else if (request.schema !== undefined) {
      const schema = catalog.schemas.find((s) => s.name === request.schema);
      if (!schema)
        throw new NotFoundError(
          'source_table_not_found',
          `the source has no schema ${request.schema}`,
        );
      refs = schema.tables.map((t) => ({ schema: schema.name, table: t.name }));
    } else {
      throw new ValidationError('name the tables to import, or a schema');
    }
    return refs.map((ref) => {
      const table = find(ref.schema, ref.table);
      if (!table)
        throw new NotFoundError(
          'source_table_not_found',
          `the source has no table ${ref.schema}.${ref.table}`,
        );
      if (request.watermarkColumn && !table.columns.some((c) => c.name === request.watermarkColumn))
        throw new ValidationError(
          `${ref.schema}.${ref.table} has no column ${request.watermarkColumn}`,
        );
      if (request.keyColumn && !table.columns.some((c) => c.name === request.keyColumn))
        throw new ValidationError(`${ref.schema}.${ref.table} has no column ${request.keyColumn}`);
      const dataset = ref.dataset ?? `${request.datasetPrefix ?? ''}${datasetNameFor(ref.table)}`;
      return { schema: ref.schema, table: ref.table, dataset: validateDatasetName(dataset) };
    });
  }

  async #run(
    ctx: RequestContext,
    config: SourceConfig,
    label: string,
    target: SourceTableRef & { dataset: string },
    request: ImportRequest,
    progress: ProgressReporter,
    jobId: string,
  ): Promise<ImportResult> {
    const state = await this.#deps.metastore.db
      .selectFrom('source_imports')
      .selectAll()
      .where('dataset', '=', target.dataset)
      .executeTakeFirst();
    const existing = await this.#deps.catalog.find(target.dataset);
    const incremental = request.watermarkColumn !== undefined;
    const resume =
      incremental && existing !== undefined && state?.watermark_column === request.watermarkColumn
        ? state.watermark
        : null;
    const stagingDir = path.join(this.#deps.stagingDir, jobId);
    const parquet = this.#deps.buckets.stagingPath('.parquet');
    await mkdir(stagingDir, { recursive: true });
    try {
      const exported = await exportSourceTable(
        config,
        {
          schema: target.schema,
          table: target.table,
          ...(incremental && { watermark: { column: request.watermarkColumn!, after: resume } }),
        },
        {
          parquetPath: parquet,
          stagingDir,
          engine: this.#deps.engine,
          onProgress: (p) =>
            progress.update({
              rowsProcessed: p.rows,
              bytesProcessed: p.stagedBytes,
              rowsTotal: p.estimatedRows,
            }),
        },
      );
      const upserting = incremental && existing !== undefined && resume !== null;
      if (upserting && exported.rows === 0) {
        await rm(parquet, { force: true });
        return {
          dataset: target.dataset,
          mode: 'unchanged',
          rows: 0,
          snapshotId: null,
          watermark: resume,
        };
      }
      const mode: IngestMode = upserting ? 'upsert' : existing ? 'replace' : 'create';
      const upload = await describeLocalFile(parquet, `${target.schema}.${target.table}.parquet`);
      const result = await this.#deps.ingest.ingestInJob(
        ctx,
        upload,
        {
          dataset: target.dataset,
          mode,
          format: 'parquet',
          sourceSystem: config.system,
          ...(mode !== 'upsert' &&
            request.keyColumn !== undefined && { rowKey: request.keyColumn }),
          lineage: {
            source: label,
            source_table: `${target.schema}.${target.table}`,
            rows: exported.rows,
            ...(incremental && {
              watermark_column: request.watermarkColumn,
              watermark_from: resume,
              watermark_to: exported.maxWatermark,
            }),
          },
        },
        progress,
        jobId,
      );
      // Only now, with the data committed, does the watermark move.
      await this.#saveState(ctx, target, label, request, exported.maxWatermark, jobId);
      return {
        dataset: target.dataset,
        mode,
        rows: exported.rows,
        snapshotId: result.snapshotId,
        watermark: exported.maxWatermark,
      };
    } finally {
      await rm(parquet, { force: true });
      await rm(stagingDir, { recursive: true, force: true });
    }
  }

  async #saveState(
    ctx: RequestContext,
    target: SourceTableRef & { dataset: string },
    label: string,
    request: ImportRequest,
    watermark: string | null,
    jobId: string,
  ): Promise<void> {
    const row = {
      dataset: target.dataset,
      source: label,
      schema_name: target.schema,
      table_name: target.table,
      watermark_column: request.watermarkColumn ?? null,
      key_column: request.keyColumn ?? null,
      watermark,
      last_job_id: jobId,
      updated_at: ctx.clock.now().toISOString(),
    };
    await this.#deps.metastore.transaction(async (tx) => {
      await tx.deleteFrom('source_imports').where('dataset', '=', target.dataset).execute();
      await tx.insertInto('source_imports').values(row).execute();
    });
  }
}

/** A dataset name from a source table's name: lowercase letters, digits and underscores. */
function datasetNameFor(table: string): string {
  const name = table
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^([0-9])/, '_$1');
  return name.slice(0, 63);
}

import { access } from 'node:fs/promises';
import {
  ConflictError,
  NotFoundError,
  ValidationError,
  requireAnyRole,
  type Clock,
  type RequestContext,
} from '../core/index.js';
import type { JournalService } from '../journal/index.js';
import type { Metastore, MetastoreTx } from '../metastore/index.js';
import type { DuckDbEngine } from '../query/index.js';
import type { BucketService } from '../storage/index.js';
import { classifyColumns } from './classify-columns.js';
import { selectOverrides, upsertOverride } from './column-override.js';
import { assertValidRowKey, sampleColumnValues } from './data-checks.js';
import { viewDataset, type Dataset, type DatasetView } from './dataset.js';
import * as datasets from './dataset.repository.js';
import {
  columnOverrideFrom,
  scalarChanges,
  type FieldChange,
  type MetadataPatch,
} from './metadata-patch.js';
import * as snapshots from './snapshot.repository.js';
import type { DataFile, Snapshot } from './snapshot.js';
import type { DatasetGate } from './dataset-gate.js';
import { datasetRelation, type LocatedFile } from './dataset-relation.js';

export const WRITERS = ['admin', 'engineer'] as const;

export interface CatalogDeps {
  readonly metastore: Metastore;
  readonly journal: JournalService;
  readonly buckets: BucketService;
  readonly engine: DuckDbEngine;
  readonly clock: Clock;
  readonly gate: DatasetGate;
}

export interface MissingFilesReport {
  readonly checked: number;
  readonly missing: { dataset: string; files: string[] }[];
  readonly restored: string[];
}

/** Dataset manifests: read, describe, edit (journaled field by field), and maintain. */
export class CatalogService {
  readonly #deps: CatalogDeps;

  constructor(deps: CatalogDeps) {
    this.#deps = deps;
  }

  /** The datasets the caller may read (others are not even named). */
  async list(ctx: RequestContext): Promise<DatasetView[]> {
    const now = this.#deps.clock.now();
    const all = await datasets.selectDatasets(this.#deps.metastore.db);
    const readable = await Promise.all(all.map((d) => this.#deps.gate.canRead(ctx, d.name)));
    return all.filter((_, i) => readable[i]).map((d) => viewDataset(d, now));
  }

  /** Every dataset, whoever asks: for services that act on all of them (erasure, audit). */
  all(): Promise<Dataset[]> {
    return datasets.selectDatasets(this.#deps.metastore.db);
  }

  async get(ctx: RequestContext, name: string): Promise<DatasetView> {
    const dataset = await this.#datasetOrThrow(name);
    // A dataset the caller may not read is answered like one that does not exist.
    if (!(await this.#deps.gate.canRead(ctx, name))) throw notFound(name);
    return viewDataset(dataset, this.#deps.clock.now());
  }

  /** Incremented by every catalog commit; query namespaces are compiled per version. */
  version(): Promise<number> {
    return snapshots.selectCatalogVersion(this.#deps.metastore.db);
  }

  /** The dataset as stored, or undefined; for services that commit snapshots. */
  find(name: string, tx?: MetastoreTx): Promise<Dataset | undefined> {
    return datasets.selectDataset(tx ?? this.#deps.metastore.db, name);
  }

  /** The files of one snapshot (in the caller's transaction when given). */
  filesOf(snapshotId: string, tx?: MetastoreTx): Promise<DataFile[]> {
    return snapshots.selectSnapshotFiles(tx ?? this.#deps.metastore.db, snapshotId);
  }

  async snapshots(
    ctx: RequestContext,
    name: string,
  ): Promise<(Omit<Snapshot, 'files'> & { expiredAt: string | null })[]> {
    await this.get(ctx, name);
    return snapshots.selectSnapshots(this.#deps.metastore.db, name);
  }

  /** A snapshot by id, or undefined. */
  snapshotById(id: string): Promise<snapshots.SnapshotRef | undefined> {
    return snapshots.selectSnapshotRef(this.#deps.metastore.db, id);
  }

  /** The snapshot of the dataset that was current at `at` (ISO timestamp), if it existed then. */
  snapshotAt(name: string, at: string): Promise<snapshots.SnapshotRef | undefined> {
    return snapshots.selectSnapshotAt(this.#deps.metastore.db, name, at);
  }

  /** Absolute paths of the files of a dataset's current snapshot (base and delta alike). */
  async currentFilePaths(ctx: RequestContext, dataset: Dataset): Promise<string[]> {
    return (await this.#snapshotFiles(ctx, dataset, dataset.currentSnapshotId)).map((f) => f.path);
  }

  /** SQL for the rows of the dataset's current snapshot: base files merged with deltas. */
  currentRelation(ctx: RequestContext, dataset: Dataset): Promise<string> {
    return this.snapshotRelation(ctx, dataset, dataset.currentSnapshotId);
  }

  /** SQL for the rows of one snapshot of the dataset (before tombstones are applied). */
  async snapshotRelation(
    ctx: RequestContext,
    dataset: Dataset,
    snapshotId: string,
    tx?: MetastoreTx,
  ): Promise<string> {
    const files = await this.#snapshotFiles(ctx, dataset, snapshotId, tx);
    return datasetRelation(files, dataset.rowKeyColumn);
  }

  async #snapshotFiles(
    ctx: RequestContext,
    dataset: Dataset,
    snapshotId: string,
    tx?: MetastoreTx,
  ): Promise<(LocatedFile & { key: string })[]> {
    const files = await snapshots.selectSnapshotFiles(tx ?? this.#deps.metastore.db, snapshotId);
    const store = await this.#deps.buckets.store(ctx, dataset.bucket);
    return files.map((f) => ({ key: f.key, kind: f.kind, path: store.localPath(f.key)! }));
  }

  async patchMetadata(
    ctx: RequestContext,
    name: string,
    patch: MetadataPatch,
  ): Promise<DatasetView> {
    const before = await this.get(ctx, name);
    await this.#deps.gate.require(ctx, name, 'write', 'editing dataset metadata');
    const changes = scalarChanges(before, patch);
    if (patch.rowKeyColumn !== undefined && patch.rowKeyColumn !== before.rowKeyColumn) {
      await this.#refuseWhileDeltas(before);
      if (patch.rowKeyColumn !== null) await this.#checkRowKey(ctx, before, patch.rowKeyColumn);
      changes.push({
        field: 'row_key_column',
        oldValue: before.rowKeyColumn,
        newValue: patch.rowKeyColumn,
      });
    }
    await this.#deps.metastore.transaction(async (tx) => {
      const current = await this.#datasetOrThrow(name, tx);
      if (current.currentSnapshotId !== before.currentSnapshotId) {
        throw new ValidationError('the dataset changed while its metadata was being edited; retry');
      }
      const columnChanges = await this.#applyColumnPatches(tx, ctx, current, patch);
      const next = applyChanges(
        current,
        changes,
        columnChanges.columns,
        ctx.clock.now().toISOString(),
      );
      await datasets.updateDataset(tx, next);
      for (const change of [...changes, ...columnChanges.changes]) {
        await this.#deps.journal.record(tx, ctx, {
          entityType: 'dataset',
          entityId: name,
          action: 'update_metadata',
          field: change.field,
          oldValue: change.oldValue,
          newValue: change.newValue,
        });
      }
      await snapshots.bumpCatalogVersion(tx);
    });
    return this.get(ctx, name);
  }

  /** Flags datasets whose current files are gone (and clears the flag when they are back). */
  async resyncMissing(ctx: RequestContext): Promise<MissingFilesReport> {
    requireAnyRole(ctx, WRITERS, 'resyncing the catalog');
    const all = await datasets.selectDatasets(this.#deps.metastore.db);
    const missing: MissingFilesReport['missing'] = [];
    const restored: string[] = [];
    for (const dataset of all) {
      const files = await this.#snapshotFiles(ctx, dataset, dataset.currentSnapshotId);
      const gone = (
        await Promise.all(files.map(async (f) => ((await exists(f.path)) ? null : f.key)))
      ).filter((key): key is string => key !== null);
      const status = gone.length > 0 ? 'missing_files' : 'ready';
      if (gone.length > 0) missing.push({ dataset: dataset.name, files: gone });
      if (status === dataset.status) continue;
      if (status === 'ready') restored.push(dataset.name);
      await this.#setStatus(ctx, dataset, status);
    }
    return { checked: all.length, missing, restored };
  }

  /** Re-runs column detection on existing data, keeping operator overrides. */
  async resyncMetadata(
    ctx: RequestContext,
    names?: readonly string[],
  ): Promise<{ updated: string[] }> {
    requireAnyRole(ctx, WRITERS, 'resyncing the catalog');
    const targets = names?.length
      ? await Promise.all(names.map((n) => this.#datasetOrThrow(n)))
      : await datasets.selectDatasets(this.#deps.metastore.db);
    const updated: string[] = [];
    for (const dataset of targets) {
      if (dataset.status !== 'ready') continue;
      const source = await this.currentRelation(ctx, dataset);
      const samples = await this.#deps.engine.withConnection((c) =>
        sampleColumnValues(
          c,
          source,
          dataset.columns.map((col) => col.name),
        ),
      );
      const overrides = await selectOverrides(this.#deps.metastore.db, dataset.name);
      const columns = classifyColumns(dataset.columns, samples, overrides, ctx.clock.now());
      if (JSON.stringify(columns) === JSON.stringify(dataset.columns)) continue;
      await this.#deps.metastore.transaction(async (tx) => {
        await datasets.updateDataset(tx, {
          ...dataset,
          columns,
          updatedAt: ctx.clock.now().toISOString(),
        });
        await this.#deps.journal.record(tx, ctx, {
          entityType: 'dataset',
          entityId: dataset.name,
          action: 'resync_metadata',
          field: 'columns',
          oldValue: dataset.columns,
          newValue: columns,
        });
        await snapshots.bumpCatalogVersion(tx);
      });
      updated.push(dataset.name);
    }
    return { updated };
  }

  async #setStatus(
    ctx: RequestContext,
    dataset: Dataset,
    status: Dataset['status'],
  ): Promise<void> {
    await this.#deps.metastore.transaction(async (tx) => {
      await datasets.updateDataset(tx, {
        ...dataset,
        status,
        updatedAt: ctx.clock.now().toISOString(),
      });
      await this.#deps.journal.record(tx, ctx, {
        entityType: 'dataset',
        entityId: dataset.name,
        action: 'resync_status',
        field: 'status',
        oldValue: dataset.status,
        newValue: status,
      });
      await snapshots.bumpCatalogVersion(tx);
    });
  }

  /** Delta files are merged by the row key: it cannot change until compaction folds them in. */
  async #refuseWhileDeltas(dataset: Dataset): Promise<void> {
    const files = await snapshots.selectSnapshotFiles(
      this.#deps.metastore.db,
      dataset.currentSnapshotId,
    );
    if (files.some((f) => f.kind === 'delta')) {
      throw new ConflictError(
        'conflict',
        `dataset ${dataset.name} has upserted rows merged by its row key; compact it before changing the key`,
      );
    }
  }

  async #checkRowKey(ctx: RequestContext, dataset: Dataset, column: string): Promise<void> {
    const source = await this.currentRelation(ctx, dataset);
    await this.#deps.engine.withConnection((c) =>
      assertValidRowKey(
        c,
        source,
        column,
        dataset.columns.map((col) => col.name),
      ),
    );
  }

  async #applyColumnPatches(
    tx: MetastoreTx,
    ctx: RequestContext,
    dataset: Dataset,
    patch: MetadataPatch,
  ) {
    const changes: FieldChange[] = [];
    if (!patch.columns?.length) return { columns: dataset.columns, changes };
    const existing = new Map(
      (await selectOverrides(tx, dataset.name)).map((o) => [o.column.toLowerCase(), o]),
    );
    const columns = [...dataset.columns];
    for (const columnPatch of patch.columns) {
      const index = columns.findIndex(
        (c) => c.name.toLowerCase() === columnPatch.name.toLowerCase(),
      );
      if (index < 0)
        throw new ValidationError(`dataset ${dataset.name} has no column "${columnPatch.name}"`);
      const column = columns[index]!;
      const override = columnOverrideFrom(existing.get(column.name.toLowerCase()), {
        ...columnPatch,
        name: column.name,
      });
      await upsertOverride(
        tx,
        dataset.name,
        override,
        ctx.clock.now().toISOString(),
        ctx.principal.id,
      );
      const isPii = override.isPii ?? column.isPii;
      const next = {
        ...column,
        isPii,
        piiCategory: isPii ? (override.piiCategory ?? column.piiCategory ?? 'PII') : null,
        piiKind: isPii ? column.piiKind : null,
        sensitivity: override.sensitivity ?? column.sensitivity,
        description: override.description ?? column.description,
        overridden: true,
      };
      columns[index] = next;
      changes.push({ field: `columns.${column.name}`, oldValue: column, newValue: next });
    }
    return { columns, changes };
  }

  async #datasetOrThrow(name: string, tx?: MetastoreTx): Promise<Dataset> {
    const dataset = await datasets.selectDataset(tx ?? this.#deps.metastore.db, name);
    if (!dataset) throw notFound(name);
    return dataset;
  }
}

function applyChanges(
  dataset: Dataset,
  changes: FieldChange[],
  columns: Dataset['columns'],
  at: string,
): Dataset {
  const value = (field: string) => changes.find((c) => c.field === field);
  const pick = <T>(field: string, current: T): T =>
    value(field) ? (value(field)!.newValue as T) : current;
  return {
    ...dataset,
    description: pick('description', dataset.description),
    owner: pick('owner', dataset.owner),
    sensitivity: pick('sensitivity', dataset.sensitivity),
    tags: pick('tags', dataset.tags),
    freshnessIntervalSeconds: pick('freshness_interval_s', dataset.freshnessIntervalSeconds),
    rowKeyColumn: pick('row_key_column', dataset.rowKeyColumn),
    subjectKeyColumn: pick('subject_key_column', dataset.subjectKeyColumn),
    columns,
    updatedAt: at,
  };
}

function notFound(name: string): NotFoundError {
  return new NotFoundError('dataset_not_found', `no dataset named ${name}`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

import { requireAnyRole, type RequestContext } from '../../core/index.js';
import type { JournalService } from '../../journal/index.js';
import type { Metastore } from '../../metastore/index.js';
import type { BucketService, ObjectStore } from '../../storage/index.js';
import type { CatalogService } from '../catalog.service.js';
import { WRITERS } from '../catalog.service.js';
import type { Dataset } from '../dataset.js';
import type { DatasetGate } from '../dataset-gate.js';
import { bumpCatalogVersion } from '../snapshot.repository.js';

/**
 * Files nobody references younger than this are never touched, whatever the retention: they
 * may belong to a commit in flight (placed on disk just before its transaction commits).
 */
const ORPHAN_MIN_AGE_MS = 15 * 60_000;

export interface GcOptions {
  /** Snapshots newer than this stay readable; undefined = the configured retention. */
  readonly retentionMs?: number;
  /** Dry run (the default) reports what would go; apply removes it. */
  readonly apply?: boolean;
}

export interface GcReport {
  readonly dataset: string;
  readonly dryRun: boolean;
  /** Snapshots created before this are expired, except the one that was current then. */
  readonly cutoff: string;
  readonly snapshotsExpired: readonly string[];
  /** Files only expired snapshots referenced, and files no snapshot ever referenced. */
  readonly filesDeleted: readonly { key: string; bytes: number; orphan: boolean }[];
  readonly bytesFreed: number;
}

export interface GcDeps {
  readonly metastore: Metastore;
  readonly journal: JournalService;
  readonly catalog: CatalogService;
  readonly buckets: BucketService;
  readonly gate: DatasetGate;
  readonly retentionMs: number;
}

/**
 * Garbage collection of snapshots and data files. A snapshot older than the retention window
 * is expired (its history row stays, its file list goes) unless it is the current one or the
 * one that was current at the window's start — so `as_of` works for any time inside the
 * window. A file is deleted only when no remaining snapshot references it. Dry run by default.
 */
export class GarbageCollector {
  readonly #deps: GcDeps;

  constructor(deps: GcDeps) {
    this.#deps = deps;
  }

  /** Every dataset (administrators and engineers). */
  async collectAll(ctx: RequestContext, options: GcOptions = {}): Promise<GcReport[]> {
    requireAnyRole(ctx, WRITERS, 'garbage-collecting the catalog');
    const reports: GcReport[] = [];
    for (const dataset of await this.#deps.catalog.list(ctx)) {
      reports.push(await this.collect(ctx, dataset.name, options));
    }
    return reports;
  }

  async collect(ctx: RequestContext, name: string, options: GcOptions = {}): Promise<GcReport> {
    const dataset = await this.#deps.catalog.get(ctx, name);
    await this.#deps.gate.require(ctx, name, 'write', 'garbage-collecting datasets');
    const now = ctx.clock.now();
    const retentionMs = options.retentionMs ?? this.#deps.retentionMs;
    const cutoff = new Date(now.getTime() - retentionMs).toISOString();
    const store = await this.#deps.buckets.store(ctx, dataset.bucket);
    const plan = await this.#plan(
      dataset,
      cutoff,
      store,
      now.getTime() - Math.max(retentionMs, ORPHAN_MIN_AGE_MS),
    );
    const report: GcReport = {
      dataset: name,
      dryRun: options.apply !== true,
      cutoff,
      snapshotsExpired: plan.expire,
      filesDeleted: plan.files,
      bytesFreed: plan.files.reduce((sum, f) => sum + f.bytes, 0),
    };
    await this.#deps.metastore.transaction(async (tx) => {
      if (!report.dryRun && plan.expire.length > 0) {
        for (let i = 0; i < plan.expire.length; i += 500) {
          const batch = plan.expire.slice(i, i + 500); // SQLite caps bound parameters
          await tx
            .updateTable('snapshots')
            .set({ expired_at: now.toISOString() })
            .where('id', 'in', batch)
            .execute();
          await tx.deleteFrom('snapshot_files').where('snapshot_id', 'in', batch).execute();
        }
        await bumpCatalogVersion(tx);
      }
      await this.#deps.journal.record(tx, ctx, {
        entityType: 'dataset',
        entityId: name,
        action: report.dryRun ? 'gc_dry_run' : 'gc',
        newValue: {
          cutoff,
          snapshots_expired: plan.expire,
          files_deleted: plan.files.map((f) => f.key),
          bytes_freed: report.bytesFreed,
        },
      });
    });
    // After the commit: a crash here leaves unreferenced files, which the next run removes.
    if (!report.dryRun) {
      for (const file of plan.files) await store.delete(file.key);
    }
    return report;
  }

  async #plan(
    dataset: Dataset,
    cutoff: string,
    store: ObjectStore,
    orphanBefore: number,
  ): Promise<{ expire: string[]; files: { key: string; bytes: number; orphan: boolean }[] }> {
    const db = this.#deps.metastore.db;
    const live = await db
      .selectFrom('snapshots')
      .select(['id', 'created_at'])
      .where('dataset', '=', dataset.name)
      .where('expired_at', 'is', null)
      .orderBy('seq', 'desc')
      .execute();
    const currentAtCutoff = live.find((s) => s.created_at < cutoff)?.id;
    const expire = live
      .filter(
        (s) =>
          s.created_at < cutoff && s.id !== currentAtCutoff && s.id !== dataset.currentSnapshotId,
      )
      .map((s) => s.id);
    const expiring = new Set(expire);
    const fileRows = await db
      .selectFrom('snapshot_files')
      .innerJoin('snapshots', 'snapshots.id', 'snapshot_files.snapshot_id')
      .select(['snapshot_files.file_key as key', 'snapshot_files.snapshot_id as snapshot'])
      .where('snapshots.dataset', '=', dataset.name)
      .execute();
    const kept = new Set(fileRows.filter((r) => !expiring.has(r.snapshot)).map((r) => r.key));
    const known = new Set(fileRows.map((r) => r.key));
    const files: { key: string; bytes: number; orphan: boolean }[] = [];
    for (const object of await store.list(`datasets/${dataset.name}/`)) {
      if (kept.has(object.key)) continue;
      const orphan = !known.has(object.key);
      if (orphan && object.modifiedAt.getTime() >= orphanBefore) continue;
      files.push({ key: object.key, bytes: object.size, orphan });
    }
    return { expire, files };
  }
}

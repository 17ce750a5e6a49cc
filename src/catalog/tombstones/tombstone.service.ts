import {
  ConflictError,
  NotFoundError,
  ValidationError,
  uuidv7,
  type RequestContext,
} from '../../core/index.js';
import type { JournalService } from '../../journal/index.js';
import type { Metastore } from '../../metastore/index.js';
import type { DuckDbEngine } from '../../query/index.js';
import { quoteIdentifier, sqlString } from '../../query/sql-text.js';
import type { CatalogService } from '../catalog.service.js';
import type { DatasetView } from '../dataset.js';
import type { DatasetGate } from '../dataset-gate.js';
import { commitSnapshot } from '../snapshot-commit.js';

export const MAX_TOMBSTONES_PER_REQUEST = 10_000;

export interface Tombstone {
  readonly dataset: string;
  readonly keyColumn: string;
  readonly value: string;
  readonly reason: string;
  readonly actor: string;
  readonly createdAt: string;
  readonly snapshotId: string;
  /** The compaction that removed the rows, while older files are being rewritten. */
  readonly appliedSnapshotId: string | null;
}

export type TombstoneOutcome = 'tombstoned' | 'not_found' | 'already_tombstoned';

export interface TombstoneResult {
  readonly snapshotId: string | null;
  readonly results: readonly { value: string; status: TombstoneOutcome }[];
}

export interface TombstoneDeps {
  readonly metastore: Metastore;
  readonly journal: JournalService;
  readonly catalog: CatalogService;
  readonly engine: DuckDbEngine;
  readonly gate: DatasetGate;
}

/**
 * Tombstones: rows hidden by key from every query and view at once (compaction removes them
 * physically later). All tombstones of a dataset use one key column. Each request is one
 * snapshot; values that match no row are reported, not failed (207 at the transport).
 */
export class TombstoneService {
  readonly #deps: TombstoneDeps;

  constructor(deps: TombstoneDeps) {
    this.#deps = deps;
  }

  async add(
    ctx: RequestContext,
    name: string,
    input: { keyColumn: string; values: readonly string[]; reason: string },
    options: { includeAbsent?: boolean } = {},
  ): Promise<TombstoneResult> {
    const dataset = await this.#deps.catalog.get(ctx, name);
    await this.#deps.gate.require(ctx, name, 'write', 'tombstoning rows');
    validate(input);
    if (!dataset.columns.some((c) => c.name === input.keyColumn)) {
      throw new ValidationError(`dataset ${name} has no column "${input.keyColumn}"`);
    }
    const values = [...new Set(input.values)];
    const found = await this.#existing(ctx, dataset, input.keyColumn, values);
    return this.#deps.metastore.transaction(async (tx) => {
      const current = await this.#deps.catalog.find(name, tx);
      if (!current) throw new NotFoundError('dataset_not_found', `no dataset named ${name}`);
      if (current.currentSnapshotId !== dataset.currentSnapshotId) {
        throw new ConflictError(
          'concurrent_modification',
          `dataset ${name} changed while its rows were being looked up; retry`,
        );
      }
      const prior = await tx
        .selectFrom('tombstones')
        .select(['key_column', 'value'])
        .where('dataset', '=', name)
        .execute();
      const mismatch = prior.find((t) => t.key_column !== input.keyColumn);
      if (mismatch) {
        throw new ConflictError(
          'tombstone_key_mismatch',
          `tombstones of ${name} use key column "${mismatch.key_column}", not "${input.keyColumn}"`,
          {
            key_column: mismatch.key_column,
          },
        );
      }
      const already = new Set(prior.map((t) => t.value));
      const results = values.map((value) => ({
        value,
        status: (already.has(value)
          ? 'already_tombstoned'
          : found.has(value) || options.includeAbsent
            ? 'tombstoned'
            : 'not_found') as TombstoneOutcome,
      }));
      const fresh = results.filter((r) => r.status === 'tombstoned').map((r) => r.value);
      if (fresh.length === 0) return { snapshotId: null, results };
      const hiddenRows = fresh.reduce((sum, value) => sum + (found.get(value) ?? 0), 0);
      const snapshotId = uuidv7();
      const now = ctx.clock.now().toISOString();
      // In batches: SQLite caps the bound parameters of one statement.
      for (let i = 0; i < fresh.length; i += 500) {
        await tx
          .insertInto('tombstones')
          .values(
            fresh.slice(i, i + 500).map((value) => ({
              dataset: name,
              key_column: input.keyColumn,
              value,
              reason: input.reason,
              actor: ctx.principal.id,
              created_at: now,
              snapshot_id: snapshotId,
            })),
          )
          .execute();
      }
      const { currentSnapshotId: _s, rowCount: _r, sizeBytes: _b, ...rest } = current;
      await commitSnapshot(tx, ctx, this.#deps.journal, {
        snapshotId,
        isNew: false,
        operation: 'tombstone',
        keptFiles: await this.#deps.catalog.filesOf(current.currentSnapshotId, tx),
        newFiles: [],
        jobId: null,
        rowCount: Math.max(0, current.rowCount - hiddenRows),
        dataset: { ...rest, updatedAt: now },
        journal: {
          action: 'tombstone',
          newValue: {
            key_column: input.keyColumn,
            values: fresh,
            reason: input.reason,
            snapshot_id: snapshotId,
          },
        },
      });
      return { snapshotId, results };
    });
  }

  async list(ctx: RequestContext, name: string): Promise<Tombstone[]> {
    await this.#deps.catalog.get(ctx, name);
    return this.all(name);
  }

  /**
   * The tombstones of a dataset not yet applied by a compaction (for the query namespace; no
   * access check).
   */
  all(name: string): Promise<Tombstone[]> {
    return this.#select(name, 'pending');
  }

  /**
   * Every erased key of a dataset, pending or applied by a compaction whose rewrite of older
   * files is not finished: what reads of past snapshots must hide too.
   */
  erased(name: string): Promise<Tombstone[]> {
    return this.#select(name, 'all');
  }

  async #select(name: string, which: 'pending' | 'all'): Promise<Tombstone[]> {
    let query = this.#deps.metastore.db
      .selectFrom('tombstones')
      .selectAll()
      .where('dataset', '=', name);
    if (which === 'pending') query = query.where('applied_snapshot_id', 'is', null);
    const rows = await query.orderBy('created_at').orderBy('value').execute();
    return rows.map((r) => ({
      dataset: r.dataset,
      keyColumn: r.key_column,
      value: r.value,
      reason: r.reason,
      actor: r.actor,
      createdAt: r.created_at,
      snapshotId: r.snapshot_id,
      appliedSnapshotId: r.applied_snapshot_id,
    }));
  }

  /** How many rows of the dataset's current snapshot each value (present at all) keys. */
  async #existing(
    ctx: RequestContext,
    dataset: DatasetView,
    keyColumn: string,
    values: readonly string[],
  ): Promise<Map<string, number>> {
    const source = await this.#deps.catalog.currentRelation(ctx, dataset);
    const key = `CAST(${quoteIdentifier(keyColumn)} AS VARCHAR)`;
    // A key table joined, not a literal IN list: thousands of values stay fast.
    const result = await this.#deps.engine.withConnection(async (c) => {
      await c.run('CREATE OR REPLACE TEMP TABLE tombstone_candidates (v VARCHAR)');
      for (let i = 0; i < values.length; i += 1000) {
        const batch = values.slice(i, i + 1000).map((v) => `(${sqlString(v)})`);
        await c.run(`INSERT INTO tombstone_candidates VALUES ${batch.join(', ')}`);
      }
      const found = await c.query(
        `SELECT ${key} AS v, count(*) AS n FROM ${source} WHERE ${key} IN (SELECT v FROM tombstone_candidates) GROUP BY 1`,
      );
      await c.run('DROP TABLE tombstone_candidates');
      return found;
    });
    return new Map(result.rows.map((r) => [String(r['v']), Number(r['n'])]));
  }
}

function validate(input: { keyColumn: string; values: readonly string[]; reason: string }): void {
  if (input.values.length === 0) throw new ValidationError('values must not be empty');
  if (input.values.length > MAX_TOMBSTONES_PER_REQUEST) {
    throw new ValidationError(`at most ${MAX_TOMBSTONES_PER_REQUEST} values per request`);
  }
  if (input.values.some((v) => typeof v !== 'string' || v.length === 0 || v.includes('\0'))) {
    throw new ValidationError('values are non-empty strings (the key as text)');
  }
  if (input.reason.trim() === '') throw new ValidationError('a reason is required');
}

import { stat } from 'node:fs/promises';
import { AppError, uuidv7, type FaultInjector, type RequestContext } from '../../core/index.js';
import type { JournalService } from '../../journal/index.js';
import type { Metastore } from '../../metastore/index.js';
import type { DuckDbEngine, EngineConnection } from '../../query/index.js';
import { quoteIdentifier, sqlString } from '../../query/sql-text.js';
import type { BucketService } from '../../storage/index.js';
import type { CatalogService } from '../catalog.service.js';
import type { DatasetGate } from '../dataset-gate.js';
import { commitSnapshot } from '../snapshot-commit.js';
import type { DataFile } from '../snapshot.js';
import type { TombstoneService } from './tombstone.service.js';

const ROW_GROUP_SIZE = 16_384;

export interface CompactionResult {
  readonly snapshotId: string;
  readonly rowsBefore: number;
  readonly rowsAfter: number;
  readonly rowsDropped: number;
  readonly bytes: number;
  readonly filesRewritten: number;
  readonly durationMs: number;
}

export interface CompactionDeps {
  readonly metastore: Metastore;
  readonly journal: JournalService;
  readonly catalog: CatalogService;
  readonly buckets: BucketService;
  readonly engine: DuckDbEngine;
  readonly gate: DatasetGate;
  readonly tombstones: TombstoneService;
  readonly faults: FaultInjector;
}

/**
 * Compaction: all of a dataset's files → one Parquet file without its tombstoned rows, verified
 * by row count before it is committed as a new snapshot (which clears the tombstones). Then
 * every older file that still holds a tombstoned row is rewritten without it, so erased rows
 * are gone from disk and from every snapshot.
 */
export class CompactionService {
  readonly #deps: CompactionDeps;

  constructor(deps: CompactionDeps) {
    this.#deps = deps;
  }

  async compact(ctx: RequestContext, name: string): Promise<CompactionResult> {
    const started = performance.now();
    const dataset = await this.#deps.catalog.get(ctx, name);
    await this.#deps.gate.require(ctx, name, 'write', 'compacting datasets');
    const tombstones = await this.#deps.tombstones.all(name);
    const keyColumn = tombstones[0]?.keyColumn ?? null;
    const values = tombstones.map((t) => t.value);
    const source = await this.#deps.catalog.currentRelation(ctx, dataset);
    const target = this.#deps.buckets.stagingPath('.parquet');
    const counts = await this.#deps.engine.withConnection(async (c) => {
      const keep = await keepFilter(c, keyColumn, values);
      const keepCondition = keep === '' ? 'true' : keep.replace(' WHERE ', '');
      const counted = await c.query(
        `SELECT count(*) AS before, count(*) FILTER (WHERE ${keepCondition}) AS expected FROM ${source}`,
      );
      const before = Number(counted.rows[0]!['before']);
      const expected = Number(counted.rows[0]!['expected']);
      await c.run(
        `COPY (SELECT * FROM ${source}${keep}) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
      );
      const written = await rowCount(
        c,
        `SELECT count(*) AS n FROM read_parquet(${sqlString(target)})`,
      );
      // Read back before committing: a short file never replaces the data.
      if (written !== expected)
        throw new AppError(
          'internal',
          `compaction wrote ${written} rows, expected ${expected}; nothing changed`,
        );
      return { before, written };
    });
    this.#deps.faults.hit('compact.after_data_write');
    const store = await this.#deps.buckets.store(ctx, dataset.bucket);
    const staged = await store.stageFile(target);
    const snapshotId = uuidv7();
    const file: DataFile = {
      key: `datasets/${name}/${snapshotId}.parquet`,
      kind: 'base',
      rowCount: counts.written,
      sizeBytes: staged.size,
    };
    try {
      await this.#deps.metastore.transaction(async (tx) => {
        const current = await this.#deps.catalog.find(name, tx);
        if (!current || current.currentSnapshotId !== dataset.currentSnapshotId) {
          throw new AppError(
            'concurrent_modification',
            `dataset ${name} changed during compaction; retry`,
          );
        }
        // Applied, not yet deleted: they go once every older file is rewritten without them.
        await tx
          .updateTable('tombstones')
          .set({ applied_snapshot_id: snapshotId })
          .where('dataset', '=', name)
          .where('applied_snapshot_id', 'is', null)
          .execute();
        this.#deps.faults.hit('compact.before_commit');
        const { currentSnapshotId: _s, rowCount: _r, sizeBytes: _b, ...rest } = current;
        await commitSnapshot(tx, ctx, this.#deps.journal, {
          afterFilesPlaced: () => this.#deps.faults.hit('compact.mid_commit'),
          snapshotId,
          isNew: false,
          operation: 'compact',
          keptFiles: [],
          newFiles: [{ staged, file }],
          jobId: null,
          rowCount: counts.written,
          dataset: { ...rest, updatedAt: ctx.clock.now().toISOString() },
          journal: {
            action: 'compact',
            newValue: {
              snapshot_id: snapshotId,
              rows_before: counts.before,
              rows_after: counts.written,
              tombstones_applied: values.length,
            },
          },
        });
      });
    } finally {
      await staged.abort();
    }
    this.#deps.faults.hit('compact.after_commit');
    const rewritten = await this.#finishErasure(ctx, name, dataset.bucket, file.key);
    return {
      snapshotId,
      rowsBefore: counts.before,
      rowsAfter: counts.written,
      rowsDropped: counts.before - counts.written,
      bytes: staged.size,
      filesRewritten: rewritten,
      durationMs: Math.round(performance.now() - started),
    };
  }

  /**
   * Finishes erasures a crash interrupted: every dataset with applied tombstones still on
   * record gets its files rewritten without those rows (run at start-up).
   */
  async resumeErasures(ctx: RequestContext): Promise<string[]> {
    const rows = await this.#deps.metastore.db
      .selectFrom('tombstones')
      .select('dataset')
      .distinct()
      .where('applied_snapshot_id', 'is not', null)
      .execute();
    const resumed: string[] = [];
    for (const { dataset: name } of rows) {
      const dataset = await this.#deps.catalog.find(name);
      if (!dataset) continue;
      await this.#finishErasure(ctx, name, dataset.bucket);
      resumed.push(name);
    }
    return resumed;
  }

  /**
   * Rewrites, in place and atomically, every Parquet file under the dataset's folder — of any
   * snapshot, or of none (a crash leftover) — that still holds a row with an applied
   * tombstone's key; then the applied tombstones are cleared, with a journal event.
   */
  async #finishErasure(
    ctx: RequestContext,
    name: string,
    bucket: string,
    /** The file the compaction just wrote: it holds no erased key, no need to scan it. */
    skip?: string,
  ): Promise<number> {
    const applied = await this.#deps.tombstones.erased(name);
    const erased = applied.filter((t) => t.appliedSnapshotId !== null);
    if (erased.length === 0) return 0;
    const keyColumn = erased[0]!.keyColumn;
    const values = erased.map((t) => t.value);
    const store = await this.#deps.buckets.store(ctx, bucket);
    const files = (await store.list(`datasets/${name}/`)).filter((f) => f.key.endsWith('.parquet'));
    const rewrites: { key: string; rows: number; bytes: number }[] = [];
    for (const { key } of files) {
      if (key === skip) continue;
      const rewrite = await this.#rewriteWithout(store.localPath(key)!, keyColumn, values);
      if (!rewrite) continue;
      const staged = await store.stageFile(rewrite.path);
      await staged.commit(key);
      rewrites.push({ key, rows: rewrite.rows, bytes: staged.size });
      this.#deps.faults.hit('compact.mid_rewrite');
    }
    await this.#deps.metastore.transaction(async (tx) => {
      for (const r of rewrites) {
        await tx
          .updateTable('snapshot_files')
          .set({ row_count: r.rows, size_bytes: r.bytes })
          .where('file_key', '=', r.key)
          .execute();
      }
      await tx
        .deleteFrom('tombstones')
        .where('dataset', '=', name)
        .where('applied_snapshot_id', 'is not', null)
        .execute();
      await this.#deps.journal.record(tx, ctx, {
        entityType: 'dataset',
        entityId: name,
        action: 'erase_files',
        newValue: {
          key_column: keyColumn,
          keys_erased: values.length,
          files_rewritten: rewrites.map((r) => r.key),
        },
      });
    });
    return rewrites.length;
  }

  /** A copy of the file without the erased keys' rows, in staging; null when it holds none. */
  async #rewriteWithout(
    path: string,
    keyColumn: string,
    values: readonly string[],
  ): Promise<{ path: string; rows: number } | null> {
    if (!(await stat(path).catch(() => null))) return null;
    return this.#deps.engine.withConnection(async (c) => {
      const columns = await c.query(
        `SELECT name FROM parquet_schema(${sqlString(path)}) WHERE name = ${sqlString(keyColumn)}`,
      );
      if (columns.rows.length === 0) return null; // written before the key column existed
      const keep = await keepFilter(c, keyColumn, values);
      const file = `read_parquet(${sqlString(path)})`;
      const total = await rowCount(c, `SELECT count(*) AS n FROM ${file}`);
      const kept = await rowCount(c, `SELECT count(*) AS n FROM ${file}${keep}`);
      if (kept === total) return null;
      const target = this.#deps.buckets.stagingPath('.parquet');
      await c.run(
        `COPY (SELECT * FROM ${file}${keep}) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
      );
      const written = await rowCount(
        c,
        `SELECT count(*) AS n FROM read_parquet(${sqlString(target)})`,
      );
      if (written !== kept)
        throw new AppError('internal', `rewriting ${path} wrote ${written} rows, expected ${kept}`);
      return { path: target, rows: written };
    });
  }
}

/**
 * ` WHERE key NOT IN (erased keys)` through a temp table on this connection ('' when none). A
 * NULL key is kept: `NULL NOT IN (…)` is not true, and such a row matches no tombstone.
 */
async function keepFilter(
  connection: EngineConnection,
  keyColumn: string | null,
  values: readonly string[],
): Promise<string> {
  if (!keyColumn || values.length === 0) return '';
  await connection.run('CREATE OR REPLACE TEMP TABLE erased_keys (value VARCHAR)');
  for (let i = 0; i < values.length; i += 1000) {
    const batch = values.slice(i, i + 1000).map((v) => `(${sqlString(v)})`);
    await connection.run(`INSERT INTO erased_keys VALUES ${batch.join(', ')}`);
  }
  const key = quoteIdentifier(keyColumn);
  return ` WHERE (${key} IS NULL OR CAST(${key} AS VARCHAR) NOT IN (SELECT value FROM erased_keys))`;
}

async function rowCount(connection: EngineConnection, sql: string): Promise<number> {
  return Number((await connection.query(sql)).rows[0]!['n']);
}

import { stat } from 'node:fs/promises';
import { AppError, uuidv7, type RequestContext } from '../../core/index.js';
import type { JournalService } from '../../journal/index.js';
import type { Metastore } from '../../metastore/index.js';
import type { DuckDbEngine, EngineConnection } from '../../query/index.js';
import { parquetScan, quoteIdentifier, sqlString } from '../../query/sql-text.js';
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
    const paths = await this.#deps.catalog.currentFilePaths(ctx, dataset);
    const target = this.#deps.buckets.stagingPath('.parquet');
    const counts = await this.#deps.engine.withConnection(async (c) => {
      const keep = await keepFilter(c, keyColumn, values);
      const before = await rowCount(c, `SELECT count(*) AS n FROM ${parquetScan(paths)}`);
      await c.run(
        `COPY (SELECT * FROM ${parquetScan(paths)}${keep}) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
      );
      const written = await rowCount(
        c,
        `SELECT count(*) AS n FROM read_parquet(${sqlString(target)})`,
      );
      const expected = await rowCount(c, `SELECT count(*) AS n FROM ${parquetScan(paths)}${keep}`);
      // Read back before committing: a short file never replaces the data.
      if (written !== expected)
        throw new AppError(
          'internal',
          `compaction wrote ${written} rows, expected ${expected}; nothing changed`,
        );
      return { before, written };
    });
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
        await tx.deleteFrom('tombstones').where('dataset', '=', name).execute();
        const { currentSnapshotId: _s, rowCount: _r, sizeBytes: _b, ...rest } = current;
        await commitSnapshot(tx, ctx, this.#deps.journal, {
          snapshotId,
          isNew: false,
          operation: 'compact',
          keptFiles: [],
          newFiles: [{ staged, file }],
          jobId: null,
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
    const rewritten = keyColumn
      ? await this.#eraseFromOlderFiles(ctx, name, dataset.bucket, keyColumn, values)
      : 0;
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

  /** Rewrites, in place and atomically, every file of any snapshot that still holds an erased key. */
  async #eraseFromOlderFiles(
    ctx: RequestContext,
    name: string,
    bucket: string,
    keyColumn: string,
    values: readonly string[],
  ): Promise<number> {
    const rows = await this.#deps.metastore.db
      .selectFrom('snapshot_files')
      .innerJoin('snapshots', 'snapshots.id', 'snapshot_files.snapshot_id')
      .select('snapshot_files.file_key')
      .distinct()
      .where('snapshots.dataset', '=', name)
      .execute();
    const store = await this.#deps.buckets.store(ctx, bucket);
    let rewritten = 0;
    for (const { file_key: key } of rows) {
      const path = store.localPath(key)!;
      if (!(await stat(path).catch(() => null))) continue;
      const changed = await this.#deps.engine.withConnection(async (c) => {
        const keep = await keepFilter(c, keyColumn, values);
        const hits = await rowCount(
          c,
          `SELECT count(*) AS n FROM read_parquet(${sqlString(path)}) WHERE NOT (${keep.replace(' WHERE ', '')})`,
        );
        if (hits === 0) return null;
        const target = this.#deps.buckets.stagingPath('.parquet');
        await c.run(
          `COPY (SELECT * FROM read_parquet(${sqlString(path)})${keep}) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
        );
        return target;
      });
      if (!changed) continue;
      const staged = await store.stageFile(changed);
      await staged.commit(key);
      rewritten += 1;
    }
    return rewritten;
  }
}

/** ` WHERE key NOT IN (erased keys)` through a temp table on this connection ('' when none). */
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
  return ` WHERE CAST(${quoteIdentifier(keyColumn)} AS VARCHAR) NOT IN (SELECT value FROM erased_keys)`;
}

async function rowCount(connection: EngineConnection, sql: string): Promise<number> {
  return Number((await connection.query(sql)).rows[0]!['n']);
}

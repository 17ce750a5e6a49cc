import type { Executor } from '../metastore/index.js';
import { parseJson } from '../metastore/index.js';
import type { DatasetColumn } from './dataset.js';
import type { DataFile, FileKind, Snapshot, SnapshotOperation } from './snapshot.js';

export async function insertSnapshot(db: Executor, snapshot: Snapshot): Promise<void> {
  await db
    .insertInto('snapshots')
    .values({
      id: snapshot.id,
      dataset: snapshot.dataset,
      seq: snapshot.seq,
      operation: snapshot.operation,
      row_count: snapshot.rowCount,
      size_bytes: snapshot.sizeBytes,
      columns: JSON.stringify(snapshot.columns),
      job_id: snapshot.jobId,
      created_at: snapshot.createdAt,
      created_by: snapshot.createdBy,
    })
    .execute();
  if (snapshot.files.length === 0) return;
  await db
    .insertInto('snapshot_files')
    .values(
      snapshot.files.map((file, position) => ({
        snapshot_id: snapshot.id,
        position,
        file_key: file.key,
        kind: file.kind,
        row_count: file.rowCount,
        size_bytes: file.sizeBytes,
      })),
    )
    .execute();
}

export async function nextSnapshotSeq(db: Executor, dataset: string): Promise<number> {
  const row = await db
    .selectFrom('snapshots')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('dataset', '=', dataset)
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

export async function selectSnapshotFiles(db: Executor, snapshotId: string): Promise<DataFile[]> {
  const rows = await db
    .selectFrom('snapshot_files')
    .selectAll()
    .where('snapshot_id', '=', snapshotId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    key: r.file_key,
    kind: r.kind as FileKind,
    rowCount: Number(r.row_count),
    sizeBytes: Number(r.size_bytes),
  }));
}

/** A snapshot's identity and time, for reading the past. */
export interface SnapshotRef {
  readonly id: string;
  readonly dataset: string;
  readonly seq: number;
  readonly createdAt: string;
  readonly columns: readonly DatasetColumn[];
  readonly expiredAt: string | null;
}

export async function selectSnapshotRef(
  db: Executor,
  id: string,
): Promise<SnapshotRef | undefined> {
  const row = await db.selectFrom('snapshots').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRef(row);
}

/** The dataset's snapshot that was current at `at` (an ISO timestamp): the latest not after it. */
export async function selectSnapshotAt(
  db: Executor,
  dataset: string,
  at: string,
): Promise<SnapshotRef | undefined> {
  const row = await db
    .selectFrom('snapshots')
    .selectAll()
    .where('dataset', '=', dataset)
    .where('created_at', '<=', at)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toRef(row);
}

function toRef(row: {
  id: string;
  dataset: string;
  seq: number | string;
  created_at: string;
  columns: string;
  expired_at: string | null;
}): SnapshotRef {
  return {
    id: row.id,
    dataset: row.dataset,
    seq: Number(row.seq),
    createdAt: row.created_at,
    columns: parseJson<DatasetColumn[]>(row.columns) ?? [],
    expiredAt: row.expired_at,
  };
}

export async function selectSnapshots(
  db: Executor,
  dataset: string,
): Promise<(Omit<Snapshot, 'files'> & { expiredAt: string | null })[]> {
  const rows = await db
    .selectFrom('snapshots')
    .selectAll()
    .where('dataset', '=', dataset)
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    dataset: r.dataset,
    seq: Number(r.seq),
    operation: r.operation as SnapshotOperation,
    rowCount: Number(r.row_count),
    sizeBytes: Number(r.size_bytes),
    columns: parseJson<DatasetColumn[]>(r.columns) ?? [],
    jobId: r.job_id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    expiredAt: r.expired_at,
  }));
}

export { bumpCatalogVersion, selectCatalogVersion } from '../metastore/index.js';

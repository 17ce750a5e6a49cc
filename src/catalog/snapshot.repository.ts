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

export async function selectSnapshots(
  db: Executor,
  dataset: string,
): Promise<Omit<Snapshot, 'files'>[]> {
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
  }));
}

export { bumpCatalogVersion, selectCatalogVersion } from '../metastore/index.js';

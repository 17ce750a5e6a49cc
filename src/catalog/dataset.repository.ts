import type { Selectable } from 'kysely';
import type { DatasetsTable, Executor } from '../metastore/index.js';
import { parseJson } from '../metastore/index.js';
import type {
  Dataset,
  DatasetColumn,
  DatasetStatus,
  Lineage,
  SensitivityLevel,
} from './dataset.js';

export async function selectDataset(db: Executor, name: string): Promise<Dataset | undefined> {
  const row = await db
    .selectFrom('datasets')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  return row && toDataset(row);
}

export async function selectDatasets(db: Executor): Promise<Dataset[]> {
  return (await db.selectFrom('datasets').selectAll().orderBy('name').execute()).map(toDataset);
}

export async function countDatasets(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('datasets')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertDataset(db: Executor, dataset: Dataset): Promise<void> {
  await db.insertInto('datasets').values(toRow(dataset)).execute();
}

export async function updateDataset(db: Executor, dataset: Dataset): Promise<void> {
  const { name, ...rest } = toRow(dataset);
  await db.updateTable('datasets').set(rest).where('name', '=', name).execute();
}

function toRow(d: Dataset): Selectable<DatasetsTable> {
  return {
    name: d.name,
    bucket: d.bucket,
    description: d.description,
    owner: d.owner,
    sensitivity: d.sensitivity,
    tags: JSON.stringify(d.tags),
    row_key_column: d.rowKeyColumn,
    subject_key_column: d.subjectKeyColumn,
    columns: JSON.stringify(d.columns),
    lineage: JSON.stringify(d.lineage),
    freshness_interval_s: d.freshnessIntervalSeconds,
    last_data_at: d.lastDataAt,
    current_snapshot_id: d.currentSnapshotId,
    row_count: d.rowCount,
    size_bytes: d.sizeBytes,
    status: d.status,
    created_at: d.createdAt,
    created_by: d.createdBy,
    updated_at: d.updatedAt,
  };
}

function toDataset(row: Selectable<DatasetsTable>): Dataset {
  return {
    name: row.name,
    bucket: row.bucket,
    description: row.description,
    owner: row.owner,
    sensitivity: row.sensitivity as SensitivityLevel,
    tags: parseJson<string[]>(row.tags) ?? [],
    rowKeyColumn: row.row_key_column,
    subjectKeyColumn: row.subject_key_column,
    columns: parseJson<DatasetColumn[]>(row.columns) ?? [],
    lineage: parseJson<Lineage>(row.lineage)!,
    freshnessIntervalSeconds:
      row.freshness_interval_s === null ? null : Number(row.freshness_interval_s),
    lastDataAt: row.last_data_at,
    currentSnapshotId: row.current_snapshot_id,
    rowCount: Number(row.row_count),
    sizeBytes: Number(row.size_bytes),
    status: row.status as DatasetStatus,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

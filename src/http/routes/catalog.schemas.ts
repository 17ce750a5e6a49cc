import { Type } from '@sinclair/typebox';
import type { DatasetView } from '../../catalog/index.js';
import { Timestamp } from '../schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const ColumnSchema = Type.Object({
  name: Type.String(),
  type: Type.String(),
  nullable: Type.Boolean(),
  is_pii: Type.Boolean(),
  pii_category: Nullable(Type.String()),
  pii_kind: Nullable(Type.String()),
  sensitivity: Type.String(),
  description: Nullable(Type.String()),
  overridden: Type.Boolean(),
});

export const DatasetSchema = Type.Object({
  name: Type.String(),
  bucket: Type.String(),
  description: Type.String(),
  owner: Nullable(Type.String()),
  sensitivity: Type.String(),
  tags: Type.Array(Type.String()),
  row_key_column: Nullable(Type.String()),
  subject_key_column: Nullable(Type.String()),
  row_count: Type.Integer(),
  size_bytes: Type.Integer(),
  columns: Type.Array(ColumnSchema),
  lineage: Type.Object({
    source_system: Type.String(),
    source: Type.String(),
    format: Nullable(Type.String()),
    job_id: Nullable(Type.String()),
    actor: Type.String(),
    at: Timestamp,
    checksum: Nullable(Type.String()),
    mode: Type.String(),
    details: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'Source-specific lineage, e.g. a database import: redacted DSN, table, watermark',
      }),
    ),
  }),
  freshness: Type.Object({
    expected_update_interval_s: Nullable(Type.Number()),
    last_data_at: Timestamp,
    stale: Type.Boolean(),
  }),
  status: Type.String(),
  current_snapshot_id: Type.String(),
  created_at: Timestamp,
  created_by: Type.String(),
  updated_at: Timestamp,
});

export function datasetJson(d: DatasetView) {
  return {
    name: d.name,
    bucket: d.bucket,
    description: d.description,
    owner: d.owner,
    sensitivity: d.sensitivity,
    tags: [...d.tags],
    row_key_column: d.rowKeyColumn,
    subject_key_column: d.subjectKeyColumn,
    row_count: d.rowCount,
    size_bytes: d.sizeBytes,
    columns: d.columns.map((c) => ({
      name: c.name,
      type: c.type,
      nullable: c.nullable,
      is_pii: c.isPii,
      pii_category: c.piiCategory,
      pii_kind: c.piiKind,
      sensitivity: c.sensitivity,
      description: c.description,
      overridden: c.overridden,
    })),
    lineage: {
      source_system: d.lineage.sourceSystem,
      source: d.lineage.source,
      format: d.lineage.format,
      job_id: d.lineage.jobId,
      actor: d.lineage.actor,
      at: d.lineage.at,
      checksum: d.lineage.checksum,
      mode: d.lineage.mode,
      ...(d.lineage.details && { details: d.lineage.details }),
    },
    freshness: {
      expected_update_interval_s: d.freshnessIntervalSeconds,
      last_data_at: d.lastDataAt,
      stale: d.stale,
    },
    status: d.status,
    current_snapshot_id: d.currentSnapshotId,
    created_at: d.createdAt,
    created_by: d.createdBy,
    updated_at: d.updatedAt,
  };
}

import type { Generated } from 'kysely';

/**
 * Row types of the metastore tables. Portable across SQLite and PostgreSQL:
 * times are ISO-8601 UTC text of fixed width (so text order is time order),
 * JSON is text, booleans are 0/1 integers.
 */
export interface PrincipalsTable {
  id: string;
  name: string;
  kind: string;
  roles: string;
  created_at: string;
  created_by: string;
  disabled_at: string | null;
}

export interface ApiKeysTable {
  id: string;
  principal_id: string;
  name: string;
  key_hash: string;
  key_hint: string;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  last_used_at: string | null;
}

export interface BucketsTable {
  name: string;
  backend: string;
  protected: number;
  created_at: string;
  created_by: string;
}

export interface JournalEventsTable {
  seq: Generated<number>;
  id: string;
  ts: string;
  entity_type: string;
  entity_id: string;
  field: string | null;
  action: string;
  old_value: string | null;
  new_value: string | null;
  actor: string;
  source: string;
  workspace: string;
  request_id: string | null;
}

export interface DatasetsTable {
  name: string;
  bucket: string;
  description: string;
  owner: string | null;
  sensitivity: string;
  tags: string;
  row_key_column: string | null;
  subject_key_column: string | null;
  columns: string;
  lineage: string;
  freshness_interval_s: number | null;
  last_data_at: string;
  current_snapshot_id: string;
  /** bigint: PostgreSQL returns it as text, read it with Number(). */
  row_count: number | string;
  size_bytes: number | string;
  status: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface SnapshotsTable {
  id: string;
  dataset: string;
  seq: number;
  operation: string;
  row_count: number | string;
  size_bytes: number | string;
  columns: string;
  job_id: string | null;
  created_at: string;
  created_by: string;
  expired_at: string | null;
}

export interface SnapshotFilesTable {
  snapshot_id: string;
  position: number;
  file_key: string;
  kind: string;
  row_count: number | string;
  size_bytes: number | string;
}

export interface ColumnOverridesTable {
  dataset: string;
  column_name: string;
  is_pii: number | null;
  pii_category: string | null;
  sensitivity: string | null;
  description: string | null;
  updated_at: string;
  updated_by: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  state: string;
  dataset: string | null;
  params: string;
  progress: string;
  result: string | null;
  error: string | null;
  created_at: string;
  created_by: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
  /** The server (data directory) running it; null for jobs from before owners were kept. */
  owner: string | null;
}

export interface CatalogStateTable {
  id: number;
  version: number | string;
}

export interface QueryLogTable {
  id: string;
  ts: string;
  principal_id: string;
  source: string;
  request_id: string | null;
  sql: string;
  datasets: string;
  row_count: number | string | null;
  latency_ms: number;
  status: string;
  error_code: string | null;
  columns: string | null;
  decision: string | null;
}

export interface RolesTable {
  name: string;
  description: string;
  built_in: number;
  created_at: string;
  created_by: string;
}

export interface GrantsTable {
  role: string;
  object_type: string;
  object_name: string;
  privilege: string;
  created_at: string;
  created_by: string;
}

export interface ColumnMasksTable {
  role: string;
  dataset: string;
  column_name: string;
  kind: string;
  keep_prefix: number;
  keep_suffix: number;
  created_at: string;
  created_by: string;
}

export interface RowFiltersTable {
  role: string;
  dataset: string;
  predicate: string;
  created_at: string;
  created_by: string;
}

export interface PolicyRulesTable {
  id: string;
  name: string;
  task_class: string;
  priority: number;
  condition: string;
  action: string;
  message: string;
  enabled: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface AiViewsTable {
  name: string;
  dataset: string;
  description: string;
  columns: string;
  row_filter: string | null;
  redactions: string;
  created_at: string;
  created_by: string;
}

export interface TombstonesTable {
  dataset: string;
  key_column: string;
  value: string;
  reason: string;
  actor: string;
  created_at: string;
  snapshot_id: string;
  applied_snapshot_id: string | null;
}

/** One row of a subject's audit chain; `row_json` is the signed canonical JSON itself. */
export interface AuditRowsTable {
  subject_id: string;
  seq: number;
  ts: string;
  result: string;
  principal: string;
  row_json: string;
}

/** The last row of each subject's chain, HMAC-signed so a truncated chain shows. */
export interface AuditTipsTable {
  subject_id: string;
  seq: number;
  hash: string;
  tip_hmac: string;
  updated_at: string;
}

/** One data subject's manifest; consent, photo and erasure are JSON documents. */
export interface SubjectsTable {
  subject_id: string;
  storage_key: string;
  status: string;
  consent: string;
  last_interaction_at: string;
  general_pii_until: string;
  biometric_until: string | null;
  photo: string | null;
  erasure: string | null;
  created_at: string;
  updated_at: string;
}

/** A saved database source: its config with the password sealed (SavedSourceConfig JSON). */
export interface SourcesTable {
  id: string;
  name: string;
  system: string;
  config: string;
  created_at: string;
  created_by: string;
}

/** Where an imported dataset comes from, and its incremental watermark. */
export interface SourceImportsTable {
  dataset: string;
  /** The redacted DSN or the saved source's id. */
  source: string;
  schema_name: string;
  table_name: string;
  watermark_column: string | null;
  key_column: string | null;
  watermark: string | null;
  last_job_id: string | null;
  updated_at: string;
}

export interface MetastoreSchema {
  sources: SourcesTable;
  source_imports: SourceImportsTable;
  subjects: SubjectsTable;
  audit_rows: AuditRowsTable;
  audit_tips: AuditTipsTable;
  tombstones: TombstonesTable;
  ai_views: AiViewsTable;
  policy_rules: PolicyRulesTable;
  roles: RolesTable;
  grants: GrantsTable;
  column_masks: ColumnMasksTable;
  row_filters: RowFiltersTable;
  query_log: QueryLogTable;
  principals: PrincipalsTable;
  api_keys: ApiKeysTable;
  buckets: BucketsTable;
  journal_events: JournalEventsTable;
  datasets: DatasetsTable;
  snapshots: SnapshotsTable;
  snapshot_files: SnapshotFilesTable;
  column_overrides: ColumnOverridesTable;
  jobs: JobsTable;
  catalog_state: CatalogStateTable;
}

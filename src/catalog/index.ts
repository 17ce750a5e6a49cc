/** Catalog: dataset manifests, snapshots, column classification and schema evolution. */
export {
  CatalogService,
  WRITERS,
  type CatalogDeps,
  type MissingFilesReport,
} from './catalog.service.js';
export { classifyColumns, type PhysicalColumn } from './classify-columns.js';
export { selectOverrides } from './column-override.js';
export { assertValidRowKey, sampleColumnValues } from './data-checks.js';
export {
  validateDatasetName,
  viewDataset,
  SENSITIVITY_LEVELS,
  type Dataset,
  type DatasetColumn,
  type DatasetView,
  type Lineage,
  type PiiCategoryName,
  type SensitivityLevel,
} from './dataset.js';
export type { ColumnPatch, MetadataPatch } from './metadata-patch.js';
export { commitSnapshot, type NewDataFile, type SnapshotCommit } from './snapshot-commit.js';
export type { DataFile, FileKind, Snapshot, SnapshotOperation } from './snapshot.js';
export type { SnapshotRef } from './snapshot.repository.js';
export { datasetRelation, type LocatedFile } from './dataset-relation.js';
export { diffSchemas, type SchemaDiff, type ColumnSchema } from './schema/index.js';
export type { DatasetGate, DatasetPrivilege } from './dataset-gate.js';
export { AiViewService, type AiViewDeps, type AiViewInput } from './views/ai-view.service.js';
export type { AiView, Redaction, RedactionKind } from './views/ai-view.js';
export {
  TombstoneService,
  MAX_TOMBSTONES_PER_REQUEST,
  type Tombstone,
  type TombstoneOutcome,
  type TombstoneResult,
} from './tombstones/tombstone.service.js';
export { CompactionService, type CompactionResult } from './tombstones/compaction.service.js';
export { GarbageCollector, type GcOptions, type GcReport } from './gc/garbage-collector.js';

import type { DatasetColumn } from './dataset.js';

export type SnapshotOperation =
  'create' | 'append' | 'replace' | 'upsert' | 'tombstone' | 'compact';
export type FileKind = 'base' | 'delta';

/** A data file of a dataset, by its key inside the dataset's bucket. */
export interface DataFile {
  readonly key: string;
  readonly kind: FileKind;
  readonly rowCount: number;
  readonly sizeBytes: number;
}

/** One commit of a dataset: the complete list of files visible in it. */
export interface Snapshot {
  readonly id: string;
  readonly dataset: string;
  readonly seq: number;
  readonly operation: SnapshotOperation;
  readonly rowCount: number;
  readonly sizeBytes: number;
  readonly columns: readonly DatasetColumn[];
  readonly jobId: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly files: readonly DataFile[];
}

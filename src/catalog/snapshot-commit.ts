import type { RequestContext } from '../core/index.js';
import type { JournalEntry, JournalService } from '../journal/index.js';
import type { MetastoreTx } from '../metastore/index.js';
import type { StagedObject } from '../storage/index.js';
import type { Dataset } from './dataset.js';
import * as datasets from './dataset.repository.js';
import type { DataFile, Snapshot, SnapshotOperation } from './snapshot.js';
import * as snapshots from './snapshot.repository.js';

/** A file written and synced in staging, to become visible under `key` at commit. */
export interface NewDataFile {
  readonly staged: StagedObject;
  readonly file: DataFile;
}

export interface SnapshotCommit {
  readonly snapshotId: string;
  /** The dataset's state after the commit (snapshot id, counts and sizes are filled in here). */
  readonly dataset: Omit<Dataset, 'currentSnapshotId' | 'rowCount' | 'sizeBytes'>;
  readonly isNew: boolean;
  readonly operation: SnapshotOperation;
  /** Files of the previous snapshot that stay visible. */
  readonly keptFiles: readonly DataFile[];
  readonly newFiles: readonly NewDataFile[];
  readonly jobId: string | null;
  /**
   * Rows visible in the new snapshot when they are not simply the files' rows added up: upserts
   * replace rows, tombstones hide them. Files keep their physical counts.
   */
  readonly rowCount?: number;
  readonly journal: Omit<JournalEntry, 'entityType' | 'entityId'>;
  /** Called after the files are renamed into place, before the transaction commits (crash tests). */
  readonly afterFilesPlaced?: () => void;
}

/**
 * One commit of a dataset inside the caller's metastore transaction: snapshot row with its
 * complete file list, dataset row, journal event, catalog version — and, last, the staged
 * files renamed into place. If anything before the renames fails, the transaction rolls
 * back and no file becomes visible; staged leftovers are swept as garbage.
 */
export async function commitSnapshot(
  tx: MetastoreTx,
  ctx: RequestContext,
  journal: JournalService,
  commit: SnapshotCommit,
): Promise<Snapshot> {
  const files = [...commit.keptFiles, ...commit.newFiles.map((f) => f.file)];
  const snapshot: Snapshot = {
    id: commit.snapshotId,
    dataset: commit.dataset.name,
    seq: await snapshots.nextSnapshotSeq(tx, commit.dataset.name),
    operation: commit.operation,
    rowCount: commit.rowCount ?? files.reduce((sum, f) => sum + f.rowCount, 0),
    sizeBytes: files.reduce((sum, f) => sum + f.sizeBytes, 0),
    columns: commit.dataset.columns,
    jobId: commit.jobId,
    createdAt: ctx.clock.now().toISOString(),
    createdBy: ctx.principal.id,
    files,
  };
  await snapshots.insertSnapshot(tx, snapshot);
  const dataset: Dataset = {
    ...commit.dataset,
    currentSnapshotId: snapshot.id,
    rowCount: snapshot.rowCount,
    sizeBytes: snapshot.sizeBytes,
  };
  if (commit.isNew) await datasets.insertDataset(tx, dataset);
  else await datasets.updateDataset(tx, dataset);
  await journal.record(tx, ctx, {
    entityType: 'dataset',
    entityId: dataset.name,
    ...commit.journal,
  });
  await snapshots.bumpCatalogVersion(tx);
  for (const file of commit.newFiles) await file.staged.commit(file.file.key);
  commit.afterFilesPlaced?.();
  return snapshot;
}

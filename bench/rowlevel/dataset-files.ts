import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BenchApp } from '../support/bench-app.js';

/** A dataset's current files as the raw side reads them: copies, base first, deltas in order. */
export interface FileCopies {
  readonly base: readonly string[];
  /** Named in commit order (`delta-01.parquet`, …), which the raw merge relies on. */
  readonly deltas: readonly string[];
}

/**
 * Copies the files of the dataset's current snapshot into `dir`, in the snapshot's order.
 * Kinds come from the metastore; paths from the catalog (both list files by position).
 */
export async function copyCurrentFiles(
  app: BenchApp,
  name: string,
  dir: string,
): Promise<FileCopies> {
  const { catalog } = app.lakehouse.services;
  const dataset = await catalog.get(app.ctx, name);
  const files = await catalog.filesOf(dataset.currentSnapshotId);
  const paths = await catalog.currentFilePaths(app.ctx, dataset);
  await mkdir(dir, { recursive: true });
  const base: string[] = [];
  const deltas: string[] = [];
  for (const [i, file] of files.entries()) {
    const list = file.kind === 'delta' ? deltas : base;
    const target = path.join(
      dir,
      `${file.kind}-${String(list.length + 1).padStart(2, '0')}.parquet`,
    );
    if (!paths[i]?.endsWith(file.key))
      throw new Error(`file ${i} of ${name}: ${paths[i]} ≠ ${file.key}`);
    await copyFile(paths[i], target);
    list.push(target);
  }
  return { base, deltas };
}

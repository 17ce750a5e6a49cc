import type { IngestFileError } from './ingest-file-error.js';
import type { ReaderOptions } from './reader-sql.js';

export interface ReadFailure {
  /** What running `readerSql(path, options)` threw. */
  readonly error: Error;
  readonly path: string;
  readonly options: ReaderOptions;
  /** The first ≤ 64 KiB of the file; needed to locate CSV defects. */
  readonly head?: Buffer;
  /** The upload's file name, shown instead of the staged path. */
  readonly displayName?: string;
}

/**
 * Runs one SQL statement and returns its rows as plain objects (e.g. DuckDB's
 * `getRowObjectsJS()`). The caller owns the connection: this module never imports DuckDB.
 */
export type RunSql = (sql: string) => Promise<ReadonlyArray<Readonly<Record<string, unknown>>>>;

/** A second look at a failure; undefined when it learns nothing more precise. */
export type Refiner = (
  failure: ReadFailure,
  first: IngestFileError,
  run: RunSql,
) => Promise<IngestFileError | undefined>;

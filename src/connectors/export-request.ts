import type { EngineConnection } from '../query/index.js';
import type { SourceColumn, SourceTableRef } from './source-catalog.js';

/**
 * Incremental import: only rows whose `column` is greater than `after` (the `maxWatermark` of
 * the previous import, as the source's own text), or every row when `after` is null.
 */
export interface WatermarkRequest {
  readonly column: string;
  readonly after: string | null;
}

export interface ExportRequest extends SourceTableRef {
  readonly watermark?: WatermarkRequest;
}

/** The part of the query engine an export uses (DuckDbEngine satisfies it). */
export interface ExportEngine {
  withConnection<T>(work: (connection: EngineConnection) => Promise<T>): Promise<T>;
}

export type ExportPhase = 'reading' | 'writing';

/**
 * Where an export stands. `reading`: rows streamed from the source to the staging file so far;
 * `writing`: rows DuckDB has converted into Parquet. The ETA is from the source's row estimate
 * while reading (null when there is none, e.g. an incremental import), from DuckDB's own
 * progress while writing.
 */
export interface ExportProgress {
  readonly phase: ExportPhase;
  readonly rows: number;
  readonly stagedBytes: number;
  readonly estimatedRows: number | null;
  readonly rowsPerSecond: number;
  readonly etaSeconds: number | null;
}

export interface ExportOptions {
  /** Where the Parquet file goes; it exists only if the export succeeds. */
  readonly parquetPath: string;
  /** A directory for the staging file, removed when the export ends. Needs room for the table as CSV. */
  readonly stagingDir: string;
  readonly engine: ExportEngine;
  readonly onProgress?: (progress: ExportProgress) => void;
  readonly signal?: AbortSignal;
}

export interface ExportResult {
  readonly rows: number;
  readonly columns: readonly SourceColumn[];
  /**
   * The greatest watermark value among the exported rows, as the source's text, to pass back as
   * `after` next time; `after` itself when no row was newer; null without a watermark.
   */
  readonly maxWatermark: string | null;
  readonly stagedBytes: number;
}

import type { StagedColumn } from './staged-parquet.js';

/** A staged column with what discovery reports about it. */
export interface StagedSourceColumn extends StagedColumn {
  readonly nullable: boolean;
}

/** What a system's stager leaves behind: the CSV at the path it was given, and its shape. */
export interface StagedTable {
  readonly columns: readonly StagedSourceColumn[];
  readonly rows: number;
  /** Bytes of the longest staged row: the CSV reader must be able to hold one. */
  readonly longestRow: number;
  readonly maxWatermark: string | null;
}

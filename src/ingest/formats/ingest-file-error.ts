/** Why an uploaded file could not be read, phrased for the client that uploaded it. */
export interface IngestFileError {
  readonly code: 'malformed_file' | 'empty_file' | 'encoding_error' | 'unsupported_format';
  readonly message: string;
  /**
   * 1-based line for CSV/TSV and NDJSON. For CSV this is DuckDB's "CSV Error on Line", which
   * counts records (the header included), so a quoted field spanning lines counts once.
   */
  readonly line?: number;
  /** The column whose value could not be converted, when DuckDB names one. */
  readonly column?: string;
  /** 1-based element of a top-level JSON array, which has no useful line number. */
  readonly record?: number;
}

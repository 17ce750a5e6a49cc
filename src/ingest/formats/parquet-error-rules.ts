import type { ErrorRule } from './error-rule.js';

/*
 * read_parquet failures, as DuckDB 1.5.6 words them. A Parquet file ends with its footer and
 * the magic "PAR1", so a truncated upload fails before any row is read.
 */
export const PARQUET_ERROR_RULES: readonly ErrorRule[] = [
  {
    // "No magic bytes found at end of file '/tmp/…'"
    pattern: /No magic bytes found at end of file/,
    classify: (_match, context) => ({
      code: 'malformed_file',
      message: `${context.name} is not a complete Parquet file: it is truncated, or not Parquet at all`,
    }),
  },
  {
    // "File '/tmp/…' too small to be a Parquet file"
    pattern: /too small to be a Parquet file/,
    classify: (_match, context) => ({
      code: 'malformed_file',
      message: `${context.name} is too small to be a Parquet file`,
    }),
  },
];

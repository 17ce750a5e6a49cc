import { CSV_ERROR_RULES } from './csv-error-rules.js';
import { applyRules } from './error-rule.js';
import type { ErrorRule } from './error-rule.js';
import { quotedName, scrubbedSummary } from './error-text.js';
import { FORMAT_LABEL } from './file-format.js';
import type { FileFormat } from './file-format.js';
import type { IngestFileError } from './ingest-file-error.js';
import { JSON_ERROR_RULES } from './json-error-rules.js';
import { PARQUET_ERROR_RULES } from './parquet-error-rules.js';

const RULES: Record<FileFormat, readonly ErrorRule[]> = {
  csv: CSV_ERROR_RULES,
  tsv: CSV_ERROR_RULES,
  json: JSON_ERROR_RULES,
  ndjson: JSON_ERROR_RULES,
  parquet: PARQUET_ERROR_RULES,
};

/**
 * Turns a DuckDB reader error into a message for the client who uploaded the file: what is
 * wrong, and on which line when DuckDB says. `displayName` (the upload's file name) stands in for
 * the staged temp path, which never appears in the result; nor do the file's contents.
 */
export function classifyReaderError(
  error: Error,
  format: FileFormat,
  displayName?: string,
): IngestFileError {
  const context = {
    name: quotedName(displayName),
    label: FORMAT_LABEL[format],
    text: error.message,
  };
  return (
    applyRules(RULES[format], context) ?? {
      code: 'malformed_file',
      message: `could not read ${context.name} as ${context.label}: ${scrubbedSummary(error.message, displayName)}`,
    }
  );
}

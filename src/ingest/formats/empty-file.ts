import { FORMAT_LABEL } from './file-format.js';
import type { FileFormat } from './file-format.js';
import { quotedName } from './error-text.js';
import type { IngestFileError } from './ingest-file-error.js';

export interface FileSize {
  readonly byteSize?: number;
  /** Rows the reader produced, once known. */
  readonly rowCount?: number | bigint;
}

/** What "no rows" means for each format, in the client's terms. */
const NO_ROWS: Record<FileFormat, string> = {
  csv: 'has no data rows, only a header or blank lines',
  tsv: 'has no data rows, only a header or blank lines',
  json: 'holds no records (an empty array)',
  ndjson: 'holds no records',
  parquet: 'has no rows',
};

/**
 * An `empty_file` problem when the upload is 0 bytes or yielded no rows; call it before reading
 * (with byteSize) and after (with rowCount). DuckDB raises nothing for a CSV without data: it
 * returns zero rows and, for a 0-byte file, one invented VARCHAR column "column0".
 *
 * A header-only CSV counts as empty on purpose. It has names but no values to infer types from,
 * so every column would be VARCHAR, and that guessed schema would then clash with the first
 * upload that has data. Rejecting it costs the client nothing they meant to keep.
 */
export function emptyFileProblem(
  size: FileSize,
  format: FileFormat,
  displayName?: string,
): IngestFileError | undefined {
  const name = quotedName(displayName);
  if (size.byteSize === 0) return { code: 'empty_file', message: `${name} is empty (0 bytes)` };
  if (size.rowCount !== undefined && Number(size.rowCount) === 0) {
    return {
      code: 'empty_file',
      message: `${name} ${NO_ROWS[format]}; nothing to ingest as ${FORMAT_LABEL[format]}`,
    };
  }
  return undefined;
}

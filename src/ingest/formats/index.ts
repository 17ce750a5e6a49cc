/**
 * The file-format layer of ingest: which format an upload is, the DuckDB table-function call
 * that reads it, and what a reader failure means for the client. It only builds SQL text; the
 * caller runs it (DuckDB itself is confined to src/query/duckdb).
 */
export type { FileFormat } from './file-format.js';
export { FILE_FORMATS, FORMAT_LABEL, isFileFormat } from './file-format.js';
export type { FormatHints } from './detect-format.js';
export { detectFormat } from './detect-format.js';
export type { CsvDialect, CsvEncoding, CsvOptions } from './csv-options.js';
export { validateCsvOptions } from './csv-options.js';
export { csvOptionsFromQuery } from './csv-options-from-query.js';
export { csvOptionsFromHead } from './csv-options-from-head.js';
export { CSV_TYPE_CANDIDATES } from './csv-typing.js';
export type { ReaderOptions } from './reader-sql.js';
export { DEFAULT_SAMPLE_SIZE, readerSql } from './reader-sql.js';
export { csvDiagnosticSql } from './csv-diagnostic-sql.js';
export { sqlString } from './sql-literal.js';
export type { IngestFileError } from './ingest-file-error.js';
export { classifyReaderError } from './classify-reader-error.js';
export type { ReadFailure, RunSql } from './read-failure.js';
export { diagnoseReadFailure } from './diagnose-read-failure.js';
export type { FileSize } from './empty-file.js';
export { emptyFileProblem } from './empty-file.js';
export { FileRejectedError, InvalidOptionError, UnsupportedFormatError } from './errors.js';

import type { CsvOptions } from './csv-options.js';
import { csvDialectArguments } from './csv-dialect.js';
import { csvTypingArguments } from './csv-typing.js';
import type { DelimitedFormat } from './csv-dialect.js';
import { InvalidOptionError } from './errors.js';
import type { FileFormat } from './file-format.js';
import { validateReaderPath } from './reader-path.js';
import { jsonReaderSql } from './json-reader-sql.js';
import { tableFunctionCall } from './table-function.js';

export interface ReaderOptions {
  readonly format: FileFormat;
  readonly csv?: CsvOptions;
  /** Rows the type sniffer reads; -1 (the default) means all of them. */
  readonly sampleSize?: number;
}

/**
 * Sniff the whole file by default. DuckDB samples 20,480 rows otherwise, and what it misses is
 * not an error later but a loss: a JSON key first seen after the sample is silently dropped, and
 * a CSV column typed BIGINT from the sample fails the whole ingest at row 20,481. Ingest is a
 * one-off batch, so the second pass over the file is the cheaper price.
 */
export const DEFAULT_SAMPLE_SIZE = -1;

type ReaderBuilder = (path: string, options: ReaderOptions, sampleSize: number) => string;

const READERS: Record<FileFormat, ReaderBuilder> = {
  csv: (path, options, sampleSize) => delimitedReader(path, 'csv', sampleSize, options.csv),
  tsv: (path, options, sampleSize) => delimitedReader(path, 'tsv', sampleSize, options.csv),
  json: (path, _options, sampleSize) => jsonReaderSql(path, 'json', sampleSize),
  ndjson: (path, _options, sampleSize) => jsonReaderSql(path, 'ndjson', sampleSize),
  parquet: (path) => tableFunctionCall('read_parquet', path, []),
};

/** The DuckDB table-function call that reads the file at `path`, e.g. `read_csv('…', …)`. */
export function readerSql(path: string, options: ReaderOptions): string {
  const sampleSize = validateSampleSize(options.sampleSize ?? DEFAULT_SAMPLE_SIZE);
  return READERS[options.format](validateReaderPath(path), options, sampleSize);
}

function delimitedReader(
  path: string,
  format: DelimitedFormat,
  sampleSize: number,
  csv: CsvOptions = {},
): string {
  return tableFunctionCall('read_csv', path, [
    ...csvDialectArguments(format, csv),
    ...csvTypingArguments(csv, sampleSize),
  ]);
}

function validateSampleSize(sampleSize: number): number {
  if (sampleSize === -1 || (Number.isSafeInteger(sampleSize) && sampleSize > 0)) return sampleSize;
  throw new InvalidOptionError(
    'sampleSize',
    'must be a positive integer, or -1 for the whole file',
  );
}

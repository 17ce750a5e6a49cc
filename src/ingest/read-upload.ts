import { rm } from 'node:fs/promises';
import { AppError } from '../core/index.js';
import type { PhysicalColumn } from '../catalog/index.js';
import type { EngineConnection } from '../query/index.js';
import { quoteIdentifier } from '../query/sql-text.js';
import { describeReader, parquetRowCount, writeParquet } from './convert.js';
import { predictDecimals, guardedDecimalCasts, DECIMAL_MISMATCH } from './predict-decimals.js';
import {
  FileRejectedError,
  csvOptionsFromHead,
  diagnoseReadFailure,
  emptyFileProblem,
  readerSql,
  type CsvOptions,
  type FileFormat,
  type ReaderOptions,
} from './formats/index.js';
import { refineNumericText } from './refine-numeric-text.js';
import type { StagedUpload } from './staged-upload.js';

/** Rows DuckDB's sniffer reads to type a delimited file on the fast path (its default). */
const FAST_SAMPLE_ROWS = 20_480;
const HUGE_INTEGERS = new Set(['HUGEINT', 'UHUGEINT']);
const CONVERSION_FAILURE = /Could not convert|Error when converting|Conversion Error/i;

export interface ReadOutcome {
  readonly rows: number;
  readonly incoming: PhysicalColumn[];
}

export type OnProgress = (fraction: number, rows: number) => void;

/**
 * Reads an upload into one Parquet file with exact types, in as few passes as the data allows.
 * Fast path (delimited files): types sniffed from the first rows, fractional columns cast to
 * exact DECIMALs while writing, guarded so that a value the sample did not foresee fails the
 * pass instead of being rounded. If the sample misled (a later value does not fit), the safe
 * path reruns with the whole file sniffed, fractions as text, and exact types derived after.
 */
export async function readUploadToParquet(
  connection: EngineConnection,
  upload: StagedUpload,
  format: FileFormat,
  csv: CsvOptions | undefined,
  target: string,
  onProgress: OnProgress,
): Promise<ReadOutcome> {
  const empty = emptyFileProblem({ byteSize: upload.size }, format, upload.displayName);
  if (empty) throw new FileRejectedError(empty);
  // The delimiter and encoding come from the file's first bytes unless the caller set them:
  // DuckDB's own guess silently reads a ragged file as one column.
  const options: ReaderOptions = {
    format,
    csv: { ...csvOptionsFromHead(upload.head, format), ...csv },
  };
  const delimited = format === 'csv' || format === 'tsv';
  if (delimited) {
    try {
      return await attempt(
        connection,
        upload,
        { ...options, sampleSize: FAST_SAMPLE_ROWS },
        target,
        onProgress,
        true,
      );
    } catch (error) {
      if (!sampleMisled(error)) throw await readFailure(error, connection, upload, options);
      await rm(target, { force: true });
    }
  }
  try {
    return await attempt(connection, upload, options, target, onProgress, false);
  } catch (error) {
    throw await readFailure(error, connection, upload, options);
  }
}

async function attempt(
  connection: EngineConnection,
  upload: StagedUpload,
  options: ReaderOptions,
  target: string,
  onProgress: OnProgress,
  predict: boolean,
): Promise<ReadOutcome> {
  const { reader, incoming } = await exactReader(connection, readerSql(upload.path, options));
  const prediction = await predictDecimals(connection, reader, incoming);
  const decimals = predict ? prediction.decimals : new Map<string, string>();
  const source = decimals.size
    ? `(SELECT * REPLACE (${guardedDecimalCasts(decimals).join(', ')}) FROM ${reader})`
    : reader;
  await writeParquet(connection, source, target, onProgress);
  const rows = await parquetRowCount(connection, target); // what was written, not what was claimed
  const empty = emptyFileProblem({ rowCount: rows }, options.format, upload.displayName);
  if (empty) throw new FileRejectedError(empty);
  const typed = incoming.map((c) =>
    decimals.has(c.name) ? { ...c, type: decimals.get(c.name)! } : c,
  );
  // Only text columns whose first rows were all plain numbers can turn out numeric: checking
  // the others (ids, names) over the whole file would cost a full scan for nothing.
  const checkable = new Set([
    ...prediction.numericLooking,
    ...(predict ? [] : prediction.decimals.keys()),
  ]);
  return {
    rows,
    incoming: await refineNumericText(connection, target, typed, `${target}.refined`, checkable),
  };
}

/** A later value that the sampled types could not hold: worth one more, slower pass. */
function sampleMisled(error: unknown): boolean {
  if (!(error instanceof Error) || error instanceof AppError) return false;
  return error.message.includes(DECIMAL_MISMATCH) || CONVERSION_FAILURE.test(error.message);
}

/**
 * The reader as a query whose columns Parquet can hold exactly. read_json types integer
 * columns that mix signs as HUGEINT, which the Parquet writer would store as DOUBLE (rounded):
 * such columns are read as text and made exact again by refineNumericText.
 */
async function exactReader(
  connection: EngineConnection,
  reader: string,
): Promise<{ reader: string; incoming: PhysicalColumn[] }> {
  const incoming = await describeReader(connection, reader);
  const huge = incoming.filter((c) => HUGE_INTEGERS.has(c.type));
  if (huge.length === 0) return { reader, incoming };
  const casts = huge.map(
    (c) => `CAST(${quoteIdentifier(c.name)} AS VARCHAR) AS ${quoteIdentifier(c.name)}`,
  );
  const wrapped = `(SELECT * REPLACE (${casts.join(', ')}) FROM ${reader})`;
  return { reader: wrapped, incoming: await describeReader(connection, wrapped) };
}

/** Turns an engine failure while reading the upload into a precise 4xx (line, column, reason). */
async function readFailure(
  error: unknown,
  connection: EngineConnection,
  upload: StagedUpload,
  options: ReaderOptions,
): Promise<unknown> {
  if (error instanceof AppError || !(error instanceof Error)) return error;
  const problem = await diagnoseReadFailure(
    { error, path: upload.path, options, head: upload.head, displayName: upload.displayName },
    async (sql) => (await connection.query(sql)).rows,
  );
  return new FileRejectedError(problem);
}

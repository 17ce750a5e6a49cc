import { rm } from 'node:fs/promises';
import { AppError } from '../core/index.js';
import type { EngineConnection } from '../query/index.js';
import { quoteIdentifier, sqlString } from '../query/sql-text.js';
import { loadExpression, stagedType, type ColumnMapping } from './column-mapping.js';
import type { ExportEngine } from './export-request.js';
import type { ProgressMeter } from './progress-meter.js';

/**
 * Rows per Parquet row group, as for file ingest: small enough that selective queries skip
 * most of a file, large enough to compress well.
 */
const ROW_GROUP_SIZE = 16_384;
/**
 * The CSV reader's buffer, which must hold the longest row. DuckDB sizes its default buffer
 * from `max_line_size` (2 MB) and, reading in parallel, keeps several: measured on a 1.7 GB
 * staging file of 1 KB rows, 8 MB buffers gave the lowest peak memory (~290 MB, 2 threads),
 * larger ones more. Buffers grow only for a table whose longest row needs it.
 */
const MIN_BUFFER_BYTES = 8 * 1024 * 1024;
const PROGRESS_POLL_MS = 250;
/** DuckDB measures a query's progress only with its progress bar on; it must not print. */
const TRACK_PROGRESS = 'SET enable_progress_bar = true; SET enable_progress_bar_print = false';
const UNTRACK_PROGRESS = 'RESET enable_progress_bar; RESET enable_progress_bar_print';
const CONVERSION = /Error when converting column "c(\d+)"\.\s*([^\n]*)/;
const OUR_FAILURE = /Invalid Input Error: (column "[^\n]*)/;

export interface StagedColumn {
  readonly name: string;
  readonly sourceType: string;
  readonly mapping: ColumnMapping;
}

export interface StagedFile {
  readonly csvPath: string;
  readonly columns: readonly StagedColumn[];
  /** Bytes of the longest row in the file. */
  readonly longestRow: number;
  readonly parquetPath: string;
}

/**
 * Converts a staged CSV (no header, RFC 4180 quoting, empty unquoted field = NULL, `""` = empty
 * string) into one zstd Parquet file with the mapped types. Returns the rows written. On
 * failure no Parquet file is left behind.
 */
export async function writeStagedParquet(
  engine: ExportEngine,
  staged: StagedFile,
  meter: ProgressMeter,
  signal?: AbortSignal,
): Promise<number> {
  assertDistinctNames(staged.columns);
  return engine.withConnection(async (connection) => {
    const onAbort = (): void => connection.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    const startedAt = performance.now();
    const timer = setInterval(() => {
      const progress = connection.progress();
      if (progress.percentage >= 0) meter.writing(progress.percentage / 100, startedAt);
    }, PROGRESS_POLL_MS);
    try {
      signal?.throwIfAborted();
      await connection.run(TRACK_PROGRESS);
      return await copyToParquet(connection, staged);
    } catch (error) {
      await rm(staged.parquetPath, { force: true });
      signal?.throwIfAborted();
      throw conversionFailure(error, staged.columns);
    } finally {
      clearInterval(timer);
      signal?.removeEventListener('abort', onAbort);
      await connection.run(UNTRACK_PROGRESS); // the connection goes back to a shared pool
    }
  });
}

async function copyToParquet(connection: EngineConnection, staged: StagedFile): Promise<number> {
  const types = staged.columns.map((c, i) => `'c${i}': ${sqlString(stagedType(c.mapping))}`);
  const buffer = bufferBytes(staged.longestRow);
  const reader =
    `read_csv(${sqlString(staged.csvPath)}, columns = {${types.join(', ')}}, header = false, ` +
    `auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\\n', ` +
    `allow_quoted_nulls = false, max_line_size = ${buffer}, buffer_size = ${buffer})`;
  const values = staged.columns.map(
    (c, i) => `${loadExpression(c.mapping, `c${i}`, c.name)} AS ${quoteIdentifier(c.name)}`,
  );
  // Without PRESERVE_ORDER the writer need not hold back batches a slower thread overtook,
  // which made peak memory grow with the file; rows of a source table have no order anyway.
  const result = await connection.query(
    `COPY (SELECT ${values.join(', ')} FROM ${reader}) TO ${sqlString(staged.parquetPath)} ` +
      `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE}, PRESERVE_ORDER false)`,
  );
  return Number(result.rows[0]?.['Count'] ?? 0);
}

/** A power of two that holds the longest row (with room for the reader's bookkeeping). */
function bufferBytes(longestRow: number): number {
  let bytes = MIN_BUFFER_BYTES;
  while (bytes < longestRow * 2) bytes *= 2;
  return bytes;
}

/** DuckDB column names are case-insensitive; PostgreSQL's and MySQL's (on Linux) are not. */
function assertDistinctNames(columns: readonly StagedColumn[]): void {
  const seen = new Map<string, string>();
  for (const { name } of columns) {
    const other = seen.get(name.toLowerCase());
    if (other !== undefined) {
      throw new AppError(
        'invalid_source',
        `columns "${other}" and "${name}" differ only in case, which Parquet datasets cannot tell apart`,
        { details: { columns: [other, name] } },
      );
    }
    seen.set(name.toLowerCase(), name);
  }
}

/** A value the mapped type cannot hold becomes a 400 naming the column; anything else as is. */
function conversionFailure(error: unknown, columns: readonly StagedColumn[]): unknown {
  if (!(error instanceof Error)) return error;
  // DuckDB quotes the whole offending row; rows of people data do not belong in logs.
  error.message = error.message.replace(/^Original Line: .*$/m, 'Original Line: (withheld)');
  const ours = OUR_FAILURE.exec(error.message);
  if (ours) return new AppError('invalid_value', ours[1]!, { cause: error });
  const conversion = CONVERSION.exec(error.message);
  const column = conversion ? columns[Number(conversion[1])] : undefined;
  if (!conversion || column === undefined) return error;
  return new AppError(
    'invalid_value',
    `column "${column.name}" (${column.sourceType}) holds a value that ${column.mapping.duckdbType} cannot hold: ${conversion[2]}`,
    {
      details: {
        column: column.name,
        sourceType: column.sourceType,
        type: column.mapping.duckdbType,
      },
      cause: error,
    },
  );
}

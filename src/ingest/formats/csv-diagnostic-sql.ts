import type { CsvOptions } from './csv-options.js';
import { csvDialectArguments, resolveDialect } from './csv-dialect.js';
import type { DelimitedFormat } from './csv-dialect.js';
import { firstRecordWidth } from './first-record-width.js';
import { validateReaderPath } from './reader-path.js';
import { sqlString } from './sql-literal.js';
import { sqlBoolean, tableFunctionCall } from './table-function.js';

/**
 * A query that re-reads a CSV file with the sniffer switched off, to locate a defect the sniffer
 * only reported as "Error when sniffing file". With `auto_detect=false` and the columns given,
 * DuckDB parses row by row and names the line ("CSV Error on Line: 3 … Expected Number of
 * Columns: 3 Found: 4"). Every column is VARCHAR, so only structure and encoding are checked;
 * count(*) keeps the result to one row whatever the file's size.
 *
 * Returns undefined when the head has no first record to count columns from.
 */
export function csvDiagnosticSql(
  path: string,
  format: DelimitedFormat,
  csv: CsvOptions,
  head: Buffer,
): string | undefined {
  const width = firstRecordWidth(head, resolveDialect(format, csv));
  if (width === undefined) return undefined;
  const reader = tableFunctionCall('read_csv', validateReaderPath(path), [
    ...csvDialectArguments(format, csv),
    // header=false: the header is read as a record too, so line numbers match the first read's.
    ['header', sqlBoolean(false)],
    ['auto_detect', sqlBoolean(false)],
    ['columns', varcharColumns(width)],
  ]);
  return `SELECT count(*) AS row_count FROM ${reader}`;
}

function varcharColumns(width: number): string {
  const columns = Array.from({ length: width }, (_, i) => `${sqlString(`column${i}`)}: 'VARCHAR'`);
  return `{${columns.join(', ')}}`;
}

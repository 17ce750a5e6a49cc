import { classifyReaderError } from './classify-reader-error.js';
import { csvDiagnosticSql } from './csv-diagnostic-sql.js';
import type { DelimitedFormat } from './csv-dialect.js';
import type { Refiner } from './read-failure.js';

/**
 * A CSV defect in the first 2,048 rows fails DuckDB's dialect sniffer, whose message names no
 * line. Re-reading with the sniffer off (csvDiagnosticSql) makes DuckDB report the line.
 */
export const locateCsvDefect: Refiner = async (failure, first, run) => {
  const { path, options, head, displayName } = failure;
  const alreadyPrecise = first.line !== undefined || first.code !== 'malformed_file';
  if (alreadyPrecise || head === undefined) return undefined;
  const format = options.format as DelimitedFormat;
  const sql = csvDiagnosticSql(path, format, options.csv ?? {}, head);
  if (sql === undefined) return undefined;
  try {
    await run(sql);
    return undefined;
  } catch (reread) {
    if (!(reread instanceof Error)) return undefined;
    const located = classifyReaderError(reread, format, displayName);
    return located.line === undefined ? undefined : located;
  }
};

import { sqlString } from './sql-literal.js';
import { sqlBoolean, tableFunctionCall } from './table-function.js';

export type JsonFormat = 'json' | 'ndjson';

const LAYOUT: Record<JsonFormat, string> = { json: 'array', ndjson: 'newline_delimited' };

export function jsonReaderSql(path: string, format: JsonFormat, sampleSize: number): string {
  return tableFunctionCall('read_json', path, [
    ['format', sqlString(LAYOUT[format])],
    // A table needs objects; an array of scalars is refused rather than read as one "json" column.
    ['records', sqlBoolean(true)],
    ['sample_size', String(sampleSize)],
  ]);
}

/**
 * Counts top-level values whatever they are. With records=true DuckDB cannot bind a file that
 * has no records at all ("expected records, but got non-record JSON"), so `[]` and a blank
 * NDJSON file look malformed; this tells them apart from files of bare values.
 */
export function jsonValueCountSql(path: string, format: JsonFormat): string {
  const reader = tableFunctionCall('read_json', path, [
    ['format', sqlString(LAYOUT[format])],
    ['records', sqlBoolean(false)],
  ]);
  return `SELECT count(*) AS value_count FROM ${reader}`;
}

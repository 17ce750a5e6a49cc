import type { DatasetColumn } from '../catalog/index.js';
import { quoteIdentifier } from './sql-text.js';

const FIXED_WIDTH: Record<string, number> = {
  BOOLEAN: 1,
  TINYINT: 1,
  UTINYINT: 1,
  SMALLINT: 2,
  USMALLINT: 2,
  INTEGER: 4,
  UINTEGER: 4,
  DATE: 4,
  FLOAT: 4,
  BIGINT: 8,
  UBIGINT: 8,
  DOUBLE: 8,
  TIME: 8,
  TIMESTAMP: 8,
  'TIMESTAMP WITH TIME ZONE': 8,
  HUGEINT: 16,
  UHUGEINT: 16,
  UUID: 16,
  INTERVAL: 16,
};

/**
 * SQL estimating the bytes a table's data takes in DuckDB's memory: fixed-width values at their
 * width, strings at their length plus DuckDB's 16-byte string header, DECIMALs at 8 or 16 bytes.
 * Per-table, so one table's figure is not disturbed by others growing or shrinking.
 */
export function tableBytesSql(table: string, columns: readonly DatasetColumn[]): string {
  const terms = columns.map((column) => {
    const width = widthOf(column.type);
    const name = quoteIdentifier(column.name);
    if (width !== undefined) return `count(*) * ${width}`;
    // strlen is the UTF-8 byte length; other variable types are measured as their text.
    const length =
      column.type === 'BLOB'
        ? `octet_length(${name})`
        : column.type === 'VARCHAR'
          ? `strlen(${name})`
          : `strlen(CAST(${name} AS VARCHAR))`;
    return `count(*) * 16 + coalesce(sum(${length}), 0)`;
  });
  return `SELECT ${terms.length ? terms.join(' + ') : '0'} AS bytes FROM ${table}`;
}

function widthOf(type: string): number | undefined {
  const decimal = /^DECIMAL\((\d+)/.exec(type);
  if (decimal) return Number(decimal[1]) <= 18 ? 8 : 16;
  return FIXED_WIDTH[type];
}

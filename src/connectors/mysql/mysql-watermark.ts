import type mysql from 'mysql2/promise';
import type { ExportRequest } from '../export-request.js';
import { findWatermarkColumn, invalidWatermarkValue, unorderedWatermark } from '../watermark.js';
import type { MysqlColumnRow } from './mysql-catalog.js';
import type { MysqlSession } from './mysql-client.js';
import { mysqlIdentifier } from './mysql-identifier.js';

/**
 * How a stored watermark is read back for `col > ?`: MySQL compares a number column with a
 * string parameter as DOUBLE, which rounds 64-bit values, so the parameter is cast to the
 * column's kind first. Text compares in the column's collation, as max() orders it.
 */
const WATERMARK_CASTS: Readonly<Record<string, (column: MysqlColumnRow) => string | null>> = {
  ...Object.fromEntries(
    ['tinyint', 'smallint', 'mediumint', 'int', 'bigint', 'year'].map((t) => [
      t,
      (c: MysqlColumnRow) => (c.type.columnType.includes('unsigned') ? 'UNSIGNED' : 'SIGNED'),
    ]),
  ),
  decimal: (c) => `DECIMAL(${c.type.precision ?? 65},${c.type.scale ?? 0})`,
  float: () => 'DOUBLE',
  double: () => 'DOUBLE',
  date: () => 'DATE',
  datetime: () => 'DATETIME(6)',
  timestamp: () => 'DATETIME(6)',
  time: () => 'TIME(6)',
  char: () => null,
  varchar: () => null,
};

/** ` WHERE col > CAST(? AS type)` and its parameter; empty for a full import. */
export interface WatermarkFilter {
  readonly sql: string;
  readonly params: readonly string[];
}

export function watermarkFilter(
  request: ExportRequest,
  columns: readonly MysqlColumnRow[],
): WatermarkFilter {
  if (request.watermark === undefined) return { sql: '', params: [] };
  const column = findWatermarkColumn(columns, request.watermark);
  const cast = WATERMARK_CASTS[column.type.dataType];
  if (cast === undefined || column.type.columnType === 'tinyint(1)') {
    throw unorderedWatermark(column.name, column.sourceType);
  }
  if (request.watermark.after === null) return { sql: '', params: [] };
  const type = cast(column);
  const parameter = type === null ? '?' : `CAST(? AS ${type})`;
  return {
    sql: ` WHERE ${mysqlIdentifier(column.name)} > ${parameter}`,
    params: [request.watermark.after],
  };
}

/** The newest watermark among the rows exported, in the server's text; `after` if none. */
export async function maxWatermarkOf(
  session: MysqlSession,
  request: ExportRequest,
  columns: readonly MysqlColumnRow[],
  filter: WatermarkFilter,
): Promise<string | null> {
  const watermark = request.watermark!;
  const column = findWatermarkColumn(columns, watermark);
  const table = `${mysqlIdentifier(request.schema)}.${mysqlIdentifier(request.table)}`;
  const sql = `SELECT MAX(${mysqlIdentifier(column.name)}) FROM ${table}${filter.sql}`;
  // A CAST of a malformed value is a warning in MySQL, not an error: check it ourselves.
  if (watermark.after !== null) await assertWatermarkValue(session, column, watermark.after);
  const [rows] = await session.connection.execute<mysql.RowDataPacket[]>(
    { sql, rowsAsArray: true },
    [...filter.params],
  );
  const max: unknown = (rows[0] as unknown as unknown[] | undefined)?.[0] ?? null;
  return max === null ? watermark.after : String(max);
}

/** The stored watermark must read back as a value of the column's type without warnings. */
async function assertWatermarkValue(
  session: MysqlSession,
  column: MysqlColumnRow,
  after: string,
): Promise<void> {
  const type = WATERMARK_CASTS[column.type.dataType]!(column);
  if (type === null) return;
  const [rows] = await session.connection.query<mysql.RowDataPacket[]>(
    `SELECT CAST(? AS ${type}) IS NOT NULL AS ok`,
    [after],
  );
  const [warnings] = await session.connection.query<mysql.RowDataPacket[]>(
    'SELECT @@warning_count AS count',
  );
  if (Number(rows[0]?.['ok']) !== 1 || Number(warnings[0]?.['count']) !== 0) {
    throw invalidWatermarkValue(column.name, column.sourceType, undefined);
  }
}

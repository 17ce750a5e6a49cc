import pg from 'pg';
import type { ExportRequest, WatermarkRequest } from '../export-request.js';
import { findWatermarkColumn, invalidWatermarkValue, unorderedWatermark } from '../watermark.js';
import type { PgColumnRow } from './pg-catalog.js';

/** Types with a total order that `>` and max() agree on, fit to mark "newer than". */
const ORDERED_TYPES = new Set([
  ...['int2', 'int4', 'int8', 'oid', 'numeric', 'float4', 'float8'],
  ...['date', 'time', 'timestamp', 'timestamptz', 'text', 'varchar', 'bpchar', 'name', 'uuid'],
]);

/** ` WHERE col > 'after'`: the literal takes the column's type, as a parameter would. */
export function watermarkFilter(
  columns: readonly PgColumnRow[],
  watermark: WatermarkRequest,
): string {
  const column = findWatermarkColumn(columns, watermark);
  if (column.type.element !== null || !ORDERED_TYPES.has(column.type.name)) {
    throw unorderedWatermark(column.name, column.sourceType);
  }
  if (watermark.after === null) return '';
  // COPY takes no bind parameters, hence an escaped literal.
  return ` WHERE ${pg.escapeIdentifier(column.name)} > ${pg.escapeLiteral(watermark.after)}`;
}

/** The newest watermark among the rows exported, in the source's own text; `after` if none. */
export async function maxWatermarkOf(
  client: pg.Client,
  request: ExportRequest,
  columns: readonly PgColumnRow[],
  filter: string,
): Promise<string | null> {
  const watermark = request.watermark!;
  const column = findWatermarkColumn(columns, watermark);
  const table = `${pg.escapeIdentifier(request.schema)}.${pg.escapeIdentifier(request.table)}`;
  const sql = `SELECT max(${pg.escapeIdentifier(column.name)})::text AS max FROM ${table}${filter}`;
  try {
    const result = await client.query<{ max: string | null }>(sql);
    return result.rows[0]?.max ?? watermark.after;
  } catch (error) {
    const sqlState = String((error as { code?: unknown }).code);
    // Class 22, data exception: the stored text is not a value of the column's type.
    if (sqlState.startsWith('22')) {
      throw invalidWatermarkValue(column.name, column.sourceType, error);
    }
    throw error;
  }
}

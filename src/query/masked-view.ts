import type { ColumnMask, DatasetAccess } from '../access/index.js';
import type { DatasetColumn } from '../catalog/index.js';
import { quoteIdentifier } from './sql-text.js';

/**
 * The SELECT a restricted caller's view stands for: every column, masked where a mask applies,
 * over only the rows every row filter admits. Because masks and filters are inside the view,
 * they hold for every query shape built on it (joins, aggregates, CTEs, EXPLAIN…).
 */
export function maskedViewSql(
  source: string,
  columns: readonly DatasetColumn[],
  access: DatasetAccess,
): string {
  if (access.unrestricted) return `SELECT * FROM ${source}`;
  const select = columns.map((column) => {
    const mask = access.masks.get(column.name.toLowerCase());
    const name = quoteIdentifier(column.name);
    return mask ? `${maskExpression(name, column.type, mask)} AS ${name}` : name;
  });
  const where = access.filters.length
    ? ` WHERE ${access.filters.map((f) => `(\n${f}\n)`).join(' AND ')}`
    : '';
  return `SELECT ${select.join(', ')} FROM ${source}${where}`;
}

function maskExpression(column: string, type: string, mask: ColumnMask): string {
  if (mask.kind === 'null') return `CAST(NULL AS ${type})`;
  const text = `CAST(${column} AS VARCHAR)`;
  if (mask.kind === 'hash') return `sha256(${text})`;
  const kept = mask.keepPrefix + mask.keepSuffix;
  // Values no longer than the kept characters are starred out entirely: nothing leaks.
  return (
    `CASE WHEN ${column} IS NULL THEN NULL WHEN length(${text}) <= ${kept} THEN repeat('*', length(${text})) ` +
    `ELSE left(${text}, ${mask.keepPrefix}) || repeat('*', length(${text}) - ${kept}) || right(${text}, ${mask.keepSuffix}) END`
  );
}

/** Building blocks for SQL text that services generate (never from caller-supplied SQL). */

/** A SQL string literal: single quotes doubled; NUL refused (DuckDB strings cannot hold it). */
export function sqlString(value: string): string {
  if (value.includes('\0')) throw new Error('SQL string literals cannot contain NUL');
  return `'${value.replaceAll("'", "''")}'`;
}

/** A double-quoted identifier, embedded quotes doubled. */
export function quoteIdentifier(name: string): string {
  if (name.includes('\0')) throw new Error('identifiers cannot contain NUL');
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A scan over a dataset's Parquet files. `union_by_name` lines up columns by name, so files
 * written before a compatible schema change (added column, widened type) read as one table.
 */
export function parquetScan(paths: readonly string[]): string {
  if (paths.length === 0) throw new Error('a dataset scan needs at least one file');
  return `read_parquet([${paths.map(sqlString).join(', ')}], union_by_name = true)`;
}

import { InvalidOptionError } from './errors.js';

/**
 * A SQL string literal. DuckDB strings are standard SQL: a quote is escaped by doubling it and
 * backslashes are literal, so doubling quotes is the whole job.
 */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A SQL list of string literals: ['a', 'b']. */
export function sqlStringList(values: readonly string[]): string {
  return `[${values.map(sqlString).join(', ')}]`;
}

/** NUL ends a C string inside DuckDB, so a value holding one would be silently cut short. */
export function assertNoNul(option: string, value: string): string {
  if (value.includes('\0')) throw new InvalidOptionError(option, 'must not contain NUL');
  return value;
}

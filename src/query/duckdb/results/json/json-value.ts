import type { DuckDBValue } from '@duckdb/node-api';

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A value that is not SQL NULL; converters never see NULL, their callers map it to `null`. */
export type PresentValue = Exclude<DuckDBValue, null>;

/** Converts one non-NULL value of the DuckDB type it was built for. */
export type ToJson = (value: PresentValue) => JsonValue;

export function convertNullable(value: DuckDBValue, convert: ToJson): JsonValue {
  return value === null ? null : convert(value);
}

/** node-api handed over a value of another shape than its column type promises. */
export function mismatch(value: unknown, expected: string): never {
  const actual = typeof value === 'object' ? (value?.constructor.name ?? 'null') : typeof value;
  throw new TypeError(`expected a ${expected} value from DuckDB, got ${actual}`);
}

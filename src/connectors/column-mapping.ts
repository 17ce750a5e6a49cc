import { sqlString } from '../query/sql-text.js';

/** DuckDB's widest DECIMAL; wider source decimals travel as exact text instead of a lossy float. */
export const MAX_DECIMAL_WIDTH = 38;

/**
 * How a source column's values travel. The source sends each value as text (a PostgreSQL CSV
 * field, or the MySQL driver's value written as CSV); DuckDB reads that text and turns it into
 * `duckdbType`. With `fromText` null the text is DuckDB's own literal form for the type and
 * the CSV reader parses it directly (fastest); otherwise `fromText` builds the DuckDB
 * expression that converts it, given a VARCHAR expression and the column's name for errors.
 */
export interface ColumnMapping {
  readonly duckdbType: string;
  readonly fromText: ((text: string, column: string) => string) | null;
}

export function nativeMapping(duckdbType: string): ColumnMapping {
  return { duckdbType, fromText: null };
}

export const TEXT_MAPPING = nativeMapping('VARCHAR');

/** Bytes the source sends as hex (`prefix` is stripped first, e.g. PostgreSQL's `\x`). */
export function hexBlobMapping(prefixLength = 0): ColumnMapping {
  const skip = (text: string): string =>
    prefixLength === 0 ? text : `substr(${text}, ${prefixLength + 1})`;
  return { duckdbType: 'BLOB', fromText: (text) => `unhex(${skip(text)})` };
}

export const JSON_MAPPING: ColumnMapping = {
  duckdbType: 'JSON',
  fromText: (text) => `CAST(${text} AS JSON)`,
};

/**
 * A DECIMAL that holds every value of a source decimal with `precision` significant digits and
 * `scale` digits after the point. PostgreSQL allows scale < 0 (rounded to tens, hundreds…) and
 * scale > precision (only fractions); DuckDB needs 0 ≤ scale ≤ width, so the width grows to
 * cover both. Beyond DuckDB's 38 digits the value stays exact text.
 */
export function decimalMapping(precision: number, scale: number): ColumnMapping {
  const width = Math.max(precision, scale) + Math.max(0, -scale);
  if (width > MAX_DECIMAL_WIDTH) return TEXT_MAPPING;
  return nativeMapping(`DECIMAL(${width},${Math.max(scale, 0)})`);
}

/** The type DuckDB's CSV reader parses the staged column as. */
export function stagedType(mapping: ColumnMapping): string {
  return mapping.fromText === null ? mapping.duckdbType : 'VARCHAR';
}

/** The expression that turns the staged column `ref` (already of stagedType) into the value. */
export function loadExpression(mapping: ColumnMapping, ref: string, column: string): string {
  return mapping.fromText === null ? ref : mapping.fromText(ref, column);
}

/** The expression that turns a VARCHAR `text` into the value (list elements arrive as text). */
export function textExpression(mapping: ColumnMapping, text: string, column: string): string {
  if (mapping.fromText !== null) return mapping.fromText(text, column);
  return mapping.duckdbType === 'VARCHAR' ? text : `CAST(${text} AS ${mapping.duckdbType})`;
}

/**
 * DuckDB's `error()` as an expression: the load fails with a message that names the column,
 * which the staging step reports as an invalid value.
 */
export function failExpression(column: string, problem: string, value?: string): string {
  const message = sqlString(`column "${column}": ${problem}`);
  return value === undefined ? `error(${message})` : `error(${message} || ${value})`;
}

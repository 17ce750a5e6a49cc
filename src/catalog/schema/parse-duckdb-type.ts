import type { DuckDbType, StructField } from './duckdb-types.js';
import { MAX_DECIMAL_PRECISION } from './duckdb-types.js';
import { formatFields } from './format-duckdb-type.js';
import { foldIdentifier } from './quote-identifier.js';
import { TokenCursor } from './token-cursor.js';
import { TypeSyntaxError, tokenizeType } from './type-tokens.js';
import { readArgumentText } from './type-arguments.js';
import { canonicalTypeName } from './type-aliases.js';

const DEFAULT_DECIMAL: DuckDbType = { kind: 'decimal', precision: 18, scale: 3 }; // DuckDB's

/**
 * Parses DuckDB type text, case- and whitespace-insensitively. Text it cannot read (a typo, a
 * DECIMAL wider than 38 digits) is kept as an opaque scalar that equals only itself, so such a
 * column can still be appended to unchanged but never widened.
 */
export function parseDuckDbType(text: string): DuckDbType {
  try {
    const cursor = new TokenCursor(tokenizeType(text));
    const type = parseType(cursor);
    cursor.expectEnd();
    return type;
  } catch (error) {
    if (!(error instanceof TypeSyntaxError)) throw error;
    return { kind: 'scalar', name: text.trim().replace(/\s+/g, ' ').toUpperCase() };
  }
}

function parseType(cursor: TokenCursor): DuckDbType {
  let type = parseBaseType(cursor);
  while (cursor.skip('[')) {
    const size = cursor.peek()?.kind === 'number' ? cursor.expectNumber() : null;
    cursor.expect(']');
    type = size === null ? { kind: 'list', element: type } : { kind: 'array', element: type, size };
  }
  return type;
}

type ArgumentParser = (cursor: TokenCursor) => DuckDbType;

const ARGUMENT_PARSERS: Partial<Record<string, ArgumentParser>> = {
  DECIMAL: parseDecimalArguments,
  STRUCT: (cursor) => ({ kind: 'struct', fields: parseFields(cursor) }),
  MAP: parseMapArguments,
  // No widening rules for unions, but their member types still need normalising to compare.
  UNION: (cursor) => ({ kind: 'scalar', name: `UNION(${formatFields(parseFields(cursor))})` }),
};

function parseBaseType(cursor: TokenCursor): DuckDbType {
  const name = canonicalTypeName(cursor.expectWords());
  const parseArguments = ARGUMENT_PARSERS[name];
  if (parseArguments) return parseArguments(cursor);
  if (!cursor.skip('(')) return { kind: 'scalar', name };
  const argumentText = readArgumentText(cursor);
  // DuckDB ignores a VARCHAR's length, so VARCHAR(255) is plain VARCHAR.
  return { kind: 'scalar', name: name === 'VARCHAR' ? name : `${name}(${argumentText})` };
}

function parseDecimalArguments(cursor: TokenCursor): DuckDbType {
  if (!cursor.skip('(')) return DEFAULT_DECIMAL;
  const precision = cursor.expectNumber();
  const scale = cursor.skip(',') ? cursor.expectNumber() : 0;
  cursor.expect(')');
  if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale > precision) {
    throw new TypeSyntaxError(`DECIMAL(${precision},${scale}) is not a valid decimal`);
  }
  return { kind: 'decimal', precision, scale };
}

function parseMapArguments(cursor: TokenCursor): DuckDbType {
  cursor.expect('(');
  const key = parseType(cursor);
  cursor.expect(',');
  const value = parseType(cursor);
  cursor.expect(')');
  return { kind: 'map', key, value };
}

/** `(a INTEGER, "b c" VARCHAR)`; DuckDB rejects field names that differ only in case. */
function parseFields(cursor: TokenCursor): StructField[] {
  cursor.expect('(');
  const fields: StructField[] = [];
  do fields.push({ name: cursor.expectName(), type: parseType(cursor) });
  while (cursor.skip(','));
  cursor.expect(')');
  const distinctNames = new Set(fields.map((field) => foldIdentifier(field.name)));
  if (distinctNames.size < fields.length) throw new TypeSyntaxError('duplicate field name');
  return fields;
}

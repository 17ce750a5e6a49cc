/** A DuckDB double-quoted identifier: `weird "name"` → `"weird ""name"""`. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * DuckDB compares identifiers case-insensitively, folding ASCII letters only, so `Ä` and `ä`
 * stay distinct while `Email` and `email` are the same column.
 */
export function foldIdentifier(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Struct field names print bare when DuckDB would read them back unchanged, quoted otherwise. */
export function formatFieldName(name: string): string {
  return PLAIN_IDENTIFIER.test(name) ? name : quoteIdentifier(name);
}

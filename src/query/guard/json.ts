/** The JSON that json_serialize_sql produces, and small readers for it. */

export type Json = null | boolean | number | string | readonly Json[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: Json;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field, or undefined when it is absent or not a string. */
export function stringField(node: JsonObject, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * DuckDB folds identifier case for ASCII letters only: `WITH "ü" …` does not match `"Ü"`, and a
 * table `"Ü"` is not found as `"ü"`. Folding more than DuckDB (String#toLowerCase) would let a
 * name pass as a CTE that DuckDB then resolves in the catalog, so names are compared this way.
 */
export function asciiLower(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

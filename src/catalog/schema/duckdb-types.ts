/**
 * A parsed DuckDB type. A scalar's `name` is its canonical text: aliases resolved and upper-cased
 * (`int4` → `INTEGER`), including any arguments this module has no rules for (`ENUM('a', 'b')`),
 * so two scalars are the same type exactly when their names are equal.
 */
export type DuckDbType =
  | { readonly kind: 'scalar'; readonly name: string }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'list'; readonly element: DuckDbType } // INTEGER[]
  | { readonly kind: 'array'; readonly element: DuckDbType; readonly size: number } // INTEGER[3]
  | { readonly kind: 'struct'; readonly fields: readonly StructField[] }
  | { readonly kind: 'map'; readonly key: DuckDbType; readonly value: DuckDbType };

export interface StructField {
  readonly name: string;
  readonly type: DuckDbType;
}

export function isScalarNamed(type: DuckDbType, names: readonly string[]): boolean {
  return type.kind === 'scalar' && names.includes(type.name);
}

export const MAX_DECIMAL_PRECISION = 38;

/** A column's type as PostgreSQL's catalog describes it, with domains resolved to their base. */
export interface PgType {
  /** `pg_type.typname` of the base type, e.g. `numeric`, `int4`, `timestamptz`. */
  readonly name: string;
  /** The type's schema: `pg_catalog` for built-ins, else an extension's or the user's. */
  readonly schema: string;
  /** `pg_type.typtype`: b base, e enum, c composite, r range, m multirange. */
  readonly kind: string;
  /** The type modifier (precision, length…); -1 when unconstrained. */
  readonly typmod: number;
  /** For an array type, its element type. */
  readonly element: PgType | null;
}

/**
 * Precision and scale of a `numeric(p,s)` type modifier, or null for unconstrained `numeric`.
 * The modifier is `((p << 16) | (s & 0x7ff)) + 4`, scale an 11-bit two's complement since
 * PostgreSQL 15 allows it below zero and above the precision.
 */
export function numericTypmod(typmod: number): { precision: number; scale: number } | null {
  if (typmod < 4) return null;
  const packed = typmod - 4;
  return { precision: (packed >> 16) & 0xffff, scale: ((packed & 0x7ff) ^ 1024) - 1024 };
}

/** DuckDB's fixed-width integers: signedness, storage width, and the decimal digits they need. */
export interface IntegerType {
  readonly signed: boolean;
  readonly bits: number;
  /** Digits of the largest magnitude, i.e. the integer part a DECIMAL needs to hold any value. */
  readonly decimalDigits: number;
}

const INTEGER_TYPES = {
  TINYINT: { signed: true, bits: 8, decimalDigits: 3 },
  SMALLINT: { signed: true, bits: 16, decimalDigits: 5 },
  INTEGER: { signed: true, bits: 32, decimalDigits: 10 },
  BIGINT: { signed: true, bits: 64, decimalDigits: 19 },
  HUGEINT: { signed: true, bits: 128, decimalDigits: 39 },
  UTINYINT: { signed: false, bits: 8, decimalDigits: 3 },
  USMALLINT: { signed: false, bits: 16, decimalDigits: 5 },
  UINTEGER: { signed: false, bits: 32, decimalDigits: 10 },
  UBIGINT: { signed: false, bits: 64, decimalDigits: 20 },
  UHUGEINT: { signed: false, bits: 128, decimalDigits: 39 },
} satisfies Record<string, IntegerType>;

export type IntegerTypeName = keyof typeof INTEGER_TYPES;

export function isIntegerTypeName(name: string): name is IntegerTypeName {
  return Object.hasOwn(INTEGER_TYPES, name);
}

export function integerType(name: IntegerTypeName): IntegerType {
  return INTEGER_TYPES[name];
}

/** Bits that carry the magnitude: a signed type spends one on the sign. */
export function magnitudeBits(type: IntegerType): number {
  return type.signed ? type.bits - 1 : type.bits;
}

const SIGNED_LADDER: readonly IntegerTypeName[] = [
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'HUGEINT',
];

/**
 * The narrowest integer type holding every value of both, or null. Same signedness climbs its
 * own ladder; mixing needs a signed type strictly wider than the unsigned one (UINTEGER and
 * SMALLINT → BIGINT), so UBIGINT only fits HUGEINT and UHUGEINT fits no signed type.
 */
export function commonIntegerType(a: IntegerTypeName, b: IntegerTypeName): IntegerTypeName | null {
  const [typeA, typeB] = [INTEGER_TYPES[a], INTEGER_TYPES[b]];
  if (typeA.signed === typeB.signed) return typeA.bits >= typeB.bits ? a : b;
  const [signed, unsigned] = typeA.signed ? [typeA, typeB] : [typeB, typeA];
  const fitsBoth = (name: IntegerTypeName) =>
    INTEGER_TYPES[name].bits >= signed.bits && INTEGER_TYPES[name].bits > unsigned.bits;
  return SIGNED_LADDER.find(fitsBoth) ?? null;
}

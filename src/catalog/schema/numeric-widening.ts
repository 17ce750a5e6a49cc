import type { DuckDbType } from './duckdb-types.js';
import { MAX_DECIMAL_PRECISION } from './duckdb-types.js';
import type { IntegerTypeName } from './integer-types.js';
import {
  commonIntegerType,
  integerType,
  isIntegerTypeName,
  magnitudeBits,
} from './integer-types.js';

export type NumericType =
  | { readonly family: 'integer'; readonly name: IntegerTypeName }
  | { readonly family: 'float'; readonly name: FloatTypeName }
  | { readonly family: 'decimal'; readonly precision: number; readonly scale: number };

type FloatTypeName = 'FLOAT' | 'DOUBLE';

// Significand bits: a float holds every integer up to 2^bits exactly, and nothing wider.
const FLOAT_SIGNIFICAND_BITS: Record<FloatTypeName, number> = { FLOAT: 24, DOUBLE: 53 };
const FLOAT_LADDER: readonly FloatTypeName[] = ['FLOAT', 'DOUBLE'];

export function asNumeric(type: DuckDbType): NumericType | null {
  if (type.kind === 'decimal') {
    return { family: 'decimal', precision: type.precision, scale: type.scale };
  }
  if (type.kind !== 'scalar') return null;
  if (isIntegerTypeName(type.name)) return { family: 'integer', name: type.name };
  if (type.name === 'FLOAT' || type.name === 'DOUBLE') return { family: 'float', name: type.name };
  return null;
}

/** The narrowest numeric type holding every value of both exactly, or null. */
export function widenNumeric(a: NumericType, b: NumericType): DuckDbType | null {
  if (a.family === 'integer' && b.family === 'integer') {
    const common = commonIntegerType(a.name, b.name);
    return common && { kind: 'scalar', name: common };
  }
  if (a.family === 'float' || b.family === 'float') return commonFloat(a, b);
  const decimal = combinedDecimal(a, b);
  return decimal && decimal.precision <= MAX_DECIMAL_PRECISION ? decimal : null;
}

/** Floats only absorb integers their significand covers; decimals never (0.1 is inexact). */
function commonFloat(a: NumericType, b: NumericType): DuckDbType | null {
  const fits = (float: FloatTypeName) => fitsFloat(a, float) && fitsFloat(b, float);
  const name = FLOAT_LADDER.find(fits);
  return name ? { kind: 'scalar', name } : null;
}

function fitsFloat(type: NumericType, float: FloatTypeName): boolean {
  const significand = FLOAT_SIGNIFICAND_BITS[float];
  if (type.family === 'float') return FLOAT_SIGNIFICAND_BITS[type.name] <= significand;
  if (type.family === 'integer') return magnitudeBits(integerType(type.name)) <= significand;
  return false;
}

/** An integer is the decimal with its digit count and no scale: INTEGER is DECIMAL(10,0). */
function asDecimal(type: NumericType): { precision: number; scale: number } | null {
  if (type.family === 'integer') {
    return { precision: integerType(type.name).decimalDigits, scale: 0 };
  }
  return type.family === 'decimal' ? type : null;
}

/**
 * The decimal holding both exactly: enough integer digits for either, and the larger scale, so
 * (10,2) and (5,4) → (12,4). Its precision may exceed DuckDB's 38; null when either is a float.
 */
export function combinedDecimal(
  a: NumericType,
  b: NumericType,
): { kind: 'decimal'; precision: number; scale: number } | null {
  const [decimalA, decimalB] = [asDecimal(a), asDecimal(b)];
  if (!decimalA || !decimalB) return null;
  const scale = Math.max(decimalA.scale, decimalB.scale);
  const integerDigits = Math.max(
    decimalA.precision - decimalA.scale,
    decimalB.precision - decimalB.scale,
  );
  return { kind: 'decimal', precision: integerDigits + scale, scale };
}

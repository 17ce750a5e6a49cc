import type { DuckDbType } from './duckdb-types.js';
import { formatDuckDbType, sameType } from './format-duckdb-type.js';
import { explainIncompatibility } from './incompatibility-reasons.js';
import { widenNested } from './nested-widening.js';
import { asNumeric, widenNumeric } from './numeric-widening.js';
import { parseDuckDbType } from './parse-duckdb-type.js';
import { widenTemporal } from './temporal-widening.js';

/** The type two column types widen to without losing a value, or why there is none. */
export type Widening =
  | { readonly ok: true; readonly type: DuckDbType }
  | { readonly ok: false; readonly reason: string };

/**
 * Widening is symmetric: the result holds every value of either side, whichever is the dataset.
 * The one asymmetry is in structs, where fields keep the first type's order and spelling.
 */
export function widen(first: DuckDbType, second: DuckDbType): Widening {
  if (sameType(first, second)) return { ok: true, type: first };
  const scalar = widenScalar(first, second);
  if (scalar) return { ok: true, type: scalar };
  const nested = widenNested(first, second, widen);
  return nested ?? { ok: false, reason: explainIncompatibility(first, second) };
}

function widenScalar(a: DuckDbType, b: DuckDbType): DuckDbType | null {
  const [numericA, numericB] = [asNumeric(a), asNumeric(b)];
  if (numericA && numericB) return widenNumeric(numericA, numericB);
  return widenTemporal(a, b);
}

/** The normalised type both `a` and `b` widen to safely, or null when there is none. */
export function widerType(a: string, b: string): string | null {
  const widening = widen(parseDuckDbType(a), parseDuckDbType(b));
  return widening.ok ? formatDuckDbType(widening.type) : null;
}

import type { DuckDbType } from './duckdb-types.js';
import { MAX_DECIMAL_PRECISION, isScalarNamed } from './duckdb-types.js';
import { formatDuckDbType } from './format-duckdb-type.js';
import { asNumeric, combinedDecimal } from './numeric-widening.js';
import { NAIVE_TEMPORAL_TYPES, NAIVE_TIME_LADDER, ZONED_TYPES } from './temporal-widening.js';

/** Why two types have no safe common type, for the first rule that matches either way round. */
interface Explanation {
  readonly applies: (a: DuckDbType, b: DuckDbType) => boolean;
  readonly explain: (a: DuckDbType, b: DuckDbType) => string;
}

const family = (type: DuckDbType) => asNumeric(type)?.family ?? null;
const text = formatDuckDbType;

const EXPLANATIONS: readonly Explanation[] = [
  {
    applies: (a, b) => isScalarNamed(a, ['JSON']) && isScalarNamed(b, ['VARCHAR']),
    explain: () =>
      'JSON and VARCHAR are not interchangeable, as text need not be valid JSON and JSON kept as text loses its structure',
  },
  {
    applies: (_a, b) => isScalarNamed(b, ['VARCHAR']),
    explain: (a) =>
      `only VARCHAR holds both, which would turn ${text(a)} values into text that sorts, compares and aggregates as strings`,
  },
  {
    applies: (a, b) => isScalarNamed(a, ZONED_TYPES) && isScalarNamed(b, NAIVE_TEMPORAL_TYPES),
    explain: (a, b) =>
      `${text(b)} is a wall-clock time and ${text(a)} an instant, so converting between them depends on a time zone`,
  },
  {
    applies: (a, b) => isScalarNamed(a, ['TIMESTAMP_NS']) && isScalarNamed(b, NAIVE_TIME_LADDER),
    explain: (_a, b) =>
      `TIMESTAMP_NS only spans the years 1677–2262, and ${text(b)} drops its nanoseconds`,
  },
  {
    applies: (a, b) => family(a) === 'integer' && family(b) === 'float',
    explain: (a, b) =>
      `${text(b)} cannot hold every ${text(a)} exactly, as large values would be rounded`,
  },
  {
    applies: (a, b) => family(a) === 'decimal' && family(b) === 'float',
    explain: (a, b) =>
      `${text(b)} cannot hold ${text(a)} values exactly, since binary floating point rounds decimal fractions such as 0.1`,
  },
  {
    applies: (a, b) => family(a) === 'decimal' && family(b) !== null,
    explain: (a, b) =>
      `holding both exactly needs ${decimalDigitsForBoth(a, b)} decimal digits, more than DuckDB's maximum of ${MAX_DECIMAL_PRECISION}`,
  },
  {
    applies: (a, b) => family(a) === 'integer' && family(b) === 'integer',
    explain: (a, b) =>
      `no integer type holds both ${text(a)} and ${text(b)}, as that would need more than 128 bits`,
  },
];

function decimalDigitsForBoth(a: DuckDbType, b: DuckDbType): number | null {
  const [numericA, numericB] = [asNumeric(a), asNumeric(b)];
  return numericA && numericB ? (combinedDecimal(numericA, numericB)?.precision ?? null) : null;
}

export function explainIncompatibility(a: DuckDbType, b: DuckDbType): string {
  for (const { applies, explain } of EXPLANATIONS) {
    if (applies(a, b)) return explain(a, b);
    if (applies(b, a)) return explain(b, a);
  }
  return `no type holds every ${text(a)} and ${text(b)} value without loss`;
}

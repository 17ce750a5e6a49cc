import { expect } from 'vitest';

/**
 * How one column is compared: the same canonical text computed independently on each side,
 * `source` in the source's SQL and `parquet` in DuckDB's, over the column `ref` (quoted).
 * Independent means neither side reuses the import's own conversions: dates as day numbers,
 * timestamps as epoch microseconds, bytes as hex, floats as numbers.
 */
export interface ValueCheck {
  readonly column: string;
  readonly source: (ref: string) => string;
  readonly parquet: (ref: string) => string;
  /** How the canonical texts compare: as text, doubles, floats, JSON, or JSON lists of doubles. */
  readonly compare: 'text' | 'double' | 'float' | 'json' | 'double-list';
}

export interface Mismatch {
  readonly id: unknown;
  readonly column: string;
  readonly source: unknown;
  readonly parquet: unknown;
}

/** Rows of canonical texts, `id` first, from one side. */
export type CanonicalRows = readonly Record<string, unknown>[];

export function selectList(
  checks: readonly ValueCheck[],
  side: 'source' | 'parquet',
  quote: (name: string) => string,
): string {
  return checks.map((c) => `${c[side](quote(c.column))} AS ${quote(c.column)}`).join(', ');
}

/** Every value of every row equal on both sides (reports the first mismatches, shortened). */
export function expectSameValues(
  source: CanonicalRows,
  parquet: CanonicalRows,
  checks: readonly ValueCheck[],
): void {
  expect(parquet.map((r) => String(r['id']))).toEqual(source.map((r) => String(r['id'])));
  const mismatches: Mismatch[] = [];
  source.forEach((row, i) => {
    for (const check of checks) {
      const a = row[check.column] ?? null;
      const b = parquet[i]![check.column] ?? null;
      if (!same(a, b, check.compare)) {
        mismatches.push({
          id: row['id'],
          column: check.column,
          source: shorten(a),
          parquet: shorten(b),
        });
      }
    }
  });
  expect(mismatches.slice(0, 10)).toEqual([]);
}

function same(a: unknown, b: unknown, compare: ValueCheck['compare']): boolean {
  if (a === null || b === null) return a === b;
  switch (compare) {
    case 'text':
      return String(a) === String(b);
    case 'double':
      return Object.is(parseFloatText(a), parseFloatText(b));
    case 'float':
      return Object.is(Math.fround(parseFloatText(a)), Math.fround(parseFloatText(b)));
    case 'json':
      return JSON.stringify(JSON.parse(String(a))) === JSON.stringify(JSON.parse(String(b)));
    case 'double-list': {
      const [x, y] = [a, b].map((v) => JSON.parse(String(v)) as (string | null)[]);
      return x!.length === y!.length && x!.every((v, i) => same(v, y![i] ?? null, 'double'));
    }
  }
}

/** Numbers as PostgreSQL, MySQL and DuckDB print them, special values included. */
function parseFloatText(value: unknown): number {
  const text = String(value).trim().toLowerCase();
  if (text === 'nan') return Number.NaN;
  if (text === 'infinity' || text === 'inf') return Number.POSITIVE_INFINITY;
  if (text === '-infinity' || text === '-inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

function shorten(value: unknown): unknown {
  return typeof value === 'string' && value.length > 80
    ? `${value.slice(0, 80)}… (${value.length})`
    : value;
}

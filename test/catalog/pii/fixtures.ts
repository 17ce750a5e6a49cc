import type { ColumnSample } from '../../../src/catalog/pii/index.js';

/** A fixed day so ages computed from dates of birth never drift. */
export const TODAY = new Date('2025-06-15T00:00:00Z');

export function column(name: string, type: string, values: readonly unknown[] = []): ColumnSample {
  return { name, type, values };
}

export function times<T>(count: number, make: (index: number) => T): T[] {
  return Array.from({ length: count }, (_, index) => make(index));
}

/** `count` values cycling through `examples`. */
export function cycle<T>(examples: readonly T[], count = 20): T[] {
  return times(count, (index) => examples[index % examples.length]!);
}

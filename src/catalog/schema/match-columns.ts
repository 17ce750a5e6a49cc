import type { ColumnSchema } from './column-schema.js';
import { foldIdentifier } from './quote-identifier.js';

export interface ColumnMatching {
  /** The incoming column for each dataset column that has one, keyed by folded name. */
  readonly incomingByName: ReadonlyMap<string, ColumnSchema>;
  /** Incoming columns without a dataset column, in incoming order. */
  readonly unmatched: readonly UnmatchedColumn[];
}

export interface UnmatchedColumn {
  readonly column: ColumnSchema;
  /** The earlier incoming spelling of the same name (`Email` after `email`), if any. */
  readonly repeats: string | null;
}

/** Pairs incoming columns with dataset columns by name, ignoring case as DuckDB does. */
export function matchColumns(
  current: readonly ColumnSchema[],
  incoming: readonly ColumnSchema[],
): ColumnMatching {
  const datasetNames = new Set(current.map((column) => foldIdentifier(column.name)));
  const firstSpellings = new Map<string, string>();
  const incomingByName = new Map<string, ColumnSchema>();
  const unmatched: UnmatchedColumn[] = [];
  for (const column of incoming) {
    const name = foldIdentifier(column.name);
    const repeats = firstSpellings.get(name) ?? null;
    firstSpellings.set(name, repeats ?? column.name);
    if (repeats === null && datasetNames.has(name)) incomingByName.set(name, column);
    else unmatched.push({ column, repeats });
  }
  return { incomingByName, unmatched };
}

import type { DuckDBResult } from '@duckdb/node-api';

export interface ResultColumn {
  readonly name: string;
  /** DuckDB's type text, e.g. BIGINT, DECIMAL(18,2), TIMESTAMP WITH TIME ZONE, VARCHAR[]. */
  readonly type: string;
}

export function resultColumns(result: DuckDBResult): ResultColumn[] {
  const types = result.columnTypes();
  return result.columnNames().map((name, i) => ({ name, type: String(types[i]) }));
}

/**
 * Names usable as object keys. SQL allows `SELECT 1 AS a, 2 AS a`; the first 'a' keeps its name
 * and each repeat takes the first free suffix `_1`, `_2`, … that no column already has, so
 * ['a', 'a', 'a_1'] becomes ['a', 'a_2', 'a_1']. (node-api's deduplicatedColumnNames() writes
 * 'a:1', which is awkward in most client languages.)
 */
export function uniqueColumnNames(names: readonly string[]): string[] {
  const taken = new Set(names);
  const seen = new Set<string>();
  return names.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let suffix = 1;
    while (taken.has(`${name}_${suffix}`)) suffix++;
    const unique = `${name}_${suffix}`;
    taken.add(unique);
    return unique;
  });
}

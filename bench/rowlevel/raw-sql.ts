/** The raw side's SQL: what a DuckDB user writes for each step, over copies of our files. */
import { datasetRelation } from '../../src/catalog/index.js';
import { quoteIdentifier, sqlString } from '../../src/query/sql-text.js';
import type { FileCopies } from './dataset-files.js';
import { KEY_COLUMN, ROW_GROUP_SIZE } from './plan.js';

const KEY = quoteIdentifier(KEY_COLUMN);

export interface ColumnType {
  readonly name: string;
  readonly type: string;
}

export function parquet(paths: readonly string[]): string {
  return `read_parquet([${paths.map(sqlString).join(', ')}])`;
}

/** `COPY (select) TO target` as Parquet, zstd, in the product's row groups. */
export function copyToParquet(select: string, target: string): string {
  return `COPY (${select}) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`;
}

/** A CSV batch as a delta file: read (default sniffing), cast to the dataset's types, written. */
export function deltaWriteSql(csv: string, columns: readonly ColumnType[], target: string): string {
  const casts = columns
    .map((c) => `CAST(${quoteIdentifier(c.name)} AS ${c.type}) AS ${quoteIdentifier(c.name)}`)
    .join(', ');
  return copyToParquet(`SELECT ${casts} FROM read_csv(${sqlString(csv)})`, target);
}

/**
 * Latest wins over a base and delta files, minus tombstoned keys: the recipe of
 * PERFORMANCE-NOTES.md (`base ANTI JOIN delta UNION ALL delta`), with the latest version of a
 * key across deltas chosen by file order (the delta copies are named in commit order), and
 * tombstones as a key table joined away.
 */
export function mergedSql(
  base: readonly string[],
  deltas: readonly string[],
  tombstones: string | null,
): string {
  let merged = `SELECT * FROM ${parquet(base)}`;
  if (deltas.length > 0) {
    const latest =
      `SELECT * EXCLUDE (filename) FROM read_parquet([${deltas.map(sqlString).join(', ')}], filename = true) ` +
      `QUALIFY row_number() OVER (PARTITION BY ${KEY} ORDER BY filename DESC) = 1`;
    merged =
      `SELECT b.* FROM ${parquet(base)} AS b ANTI JOIN ${parquet(deltas)} AS d ON b.${KEY} = d.${KEY} ` +
      `UNION ALL BY NAME ${latest}`;
  }
  if (tombstones === null) return merged;
  return `SELECT m.* FROM (${merged}) AS m ANTI JOIN ${tombstones} AS t ON m.${KEY} = t.value`;
}

/** The base file without the tombstoned keys: what compaction's erasure does to older files. */
export function withoutTombstonedSql(file: string, tombstones: string): string {
  return `SELECT f.* FROM ${parquet([file])} AS f ANTI JOIN ${tombstones} AS t ON f.${KEY} = t.value`;
}

/** A table of the tombstoned keys, as the raw side keeps them. */
export function tombstoneTableSql(table: string, keys: readonly string[]): string {
  return `CREATE OR REPLACE TABLE ${table} AS SELECT unnest([${keys.map(sqlString).join(', ')}]) AS value`;
}

/**
 * The SQL our product runs over the same files, replayed on raw DuckDB: its relation
 * (`datasetRelation`: one scan per delta file, ranked, `union_by_name`) and its tombstone
 * filter (`query/namespace.ts` and compaction: `CAST(key AS VARCHAR) NOT IN (SELECT value FROM
 * <key table>)`). Beside the recipe above, it tells what our SQL costs from what our path adds.
 */
export function oursMergedSql(files: FileCopies, tombstones: string | null): string {
  const relation = datasetRelation(
    [
      ...files.base.map((path) => ({ path, kind: 'base' as const })),
      ...files.deltas.map((path) => ({ path, kind: 'delta' as const })),
    ],
    KEY_COLUMN,
  );
  if (tombstones === null) return `SELECT * FROM ${relation}`;
  return `SELECT * FROM ${relation} WHERE CAST(${KEY} AS VARCHAR) NOT IN (SELECT value FROM ${tombstones})`;
}

import type pg from 'pg';
import type { SourceTableKind, SourceTableRef } from '../source-catalog.js';
import type { PgType } from './pg-type.js';

/** One column of a listed relation, with what the relation itself is. */
export interface PgColumnRow {
  readonly schema: string;
  readonly table: string;
  readonly kind: SourceTableKind;
  readonly estimatedRows: number | null;
  readonly name: string;
  readonly sourceType: string;
  readonly nullable: boolean;
  readonly type: PgType;
}

const RELATION_KINDS: Readonly<Record<string, SourceTableKind>> = {
  r: 'table',
  p: 'partitioned_table',
  v: 'view',
  m: 'materialized_view',
  f: 'foreign_table',
};

/**
 * Relations that can be read with SELECT, outside the system schemas. Partitions are left out:
 * their parent lists (and reads) them all. `reltuples` is -1 before the first ANALYZE (≥ 14).
 */
const COLUMNS_SQL = `
SELECT n.nspname AS schema, c.relname AS "table", c.relkind AS kind,
       CASE WHEN c.relkind IN ('r', 'm', 'f') AND c.reltuples >= 0 THEN c.reltuples::float8 END AS estimated_rows,
       a.attname AS name, a.atttypid::int8 AS type_oid, a.atttypmod AS typmod,
       NOT a.attnotnull AS nullable, format_type(a.atttypid, a.atttypmod) AS source_type
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
  AND ($1::text IS NULL OR (n.nspname = $1 AND c.relname = $2))
ORDER BY n.nspname, c.relname, a.attnum`;

/**
 * The types behind some type oids: a domain names its base type (and the modifier it applies),
 * an array its element type. `is_array` holds for an element's one true array type, not for
 * array-like built-ins such as int2vector.
 */
const TYPES_SQL = `
SELECT t.oid::int8 AS oid, t.typname AS name, n.nspname AS schema, t.typtype AS kind,
       t.typbasetype::int8 AS base_oid, t.typtypmod AS base_typmod, t.typelem::int8 AS element_oid,
       EXISTS (SELECT 1 FROM pg_type e WHERE e.oid = t.typelem AND e.typarray = t.oid) AS is_array
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.oid = ANY($1::oid[])`;

interface TypeRow {
  readonly oid: string;
  readonly name: string;
  readonly schema: string;
  readonly kind: string;
  readonly base_oid: string;
  readonly base_typmod: number;
  readonly element_oid: string;
  readonly is_array: boolean;
}

interface ColumnRow {
  readonly schema: string;
  readonly table: string;
  readonly kind: string;
  readonly estimated_rows: number | null;
  readonly name: string;
  readonly type_oid: string;
  readonly typmod: number;
  readonly nullable: boolean;
  readonly source_type: string;
}

/** Columns of every readable relation, or of one (none when it does not exist). */
export async function listPgColumns(
  client: pg.Client,
  only?: SourceTableRef,
): Promise<PgColumnRow[]> {
  const result = await client.query<ColumnRow>(COLUMNS_SQL, [
    only?.schema ?? null,
    only?.table ?? null,
  ]);
  const types = await loadTypes(
    client,
    result.rows.map((r) => r.type_oid),
  );
  return result.rows.map((row) => ({
    schema: row.schema,
    table: row.table,
    kind: RELATION_KINDS[row.kind] ?? 'table',
    estimatedRows: row.estimated_rows === null ? null : Math.round(row.estimated_rows),
    name: row.name,
    sourceType: row.source_type,
    nullable: row.nullable,
    type: resolve(types, row.type_oid, row.typmod),
  }));
}

/** Loads type rows until every domain base and array element they name is loaded too. */
async function loadTypes(
  client: pg.Client,
  oids: readonly string[],
): Promise<Map<string, TypeRow>> {
  const types = new Map<string, TypeRow>();
  let wanted = [...new Set(oids)];
  while (wanted.length > 0) {
    const result = await client.query<TypeRow>(TYPES_SQL, [wanted]);
    for (const row of result.rows) types.set(row.oid, row);
    const next = result.rows.flatMap((r) => [
      ...(r.kind === 'd' ? [r.base_oid] : []),
      ...(r.is_array ? [r.element_oid] : []),
    ]);
    wanted = [...new Set(next)].filter((oid) => !types.has(oid));
  }
  return types;
}

function resolve(types: ReadonlyMap<string, TypeRow>, oid: string, typmod: number): PgType {
  const row = types.get(oid);
  if (row === undefined) throw new Error(`type ${oid} vanished from pg_type while being read`);
  // A domain applies its own modifier to its base type: numeric(10,2) behind `money_amount`.
  if (row.kind === 'd') return resolve(types, row.base_oid, row.base_typmod);
  return {
    name: row.name,
    schema: row.schema,
    kind: row.kind,
    typmod,
    element: row.is_array ? resolve(types, row.element_oid, typmod) : null,
  };
}

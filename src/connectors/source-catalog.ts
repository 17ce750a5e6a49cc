import type { SourceSystem } from './source-config.js';

/** One column of a source table, and the DuckDB type it lands as in Parquet. */
export interface SourceColumn {
  readonly name: string;
  /** The type as the source declares it, e.g. `numeric(12,2)`, `bigint unsigned`, `integer[]`. */
  readonly sourceType: string;
  readonly nullable: boolean;
  /** DuckDB type text, e.g. `DECIMAL(12,2)`; see docs/CONNECTOR-TYPES.md. */
  readonly duckdbType: string;
}

export type SourceTableKind =
  | 'table'
  | 'partitioned_table'
  | 'view'
  | 'materialized_view'
  | 'foreign_table'
  | 'system_versioned_table';

export interface SourceTable {
  readonly name: string;
  readonly kind: SourceTableKind;
  /** The server's statistics estimate; null when it has none (views, never-analysed tables). */
  readonly estimatedRows: number | null;
  readonly columns: readonly SourceColumn[];
}

export interface SourceSchema {
  readonly name: string;
  readonly tables: readonly SourceTable[];
}

/** What discovery finds: PostgreSQL schemas of one database, or MySQL databases (schemas). */
export interface SourceCatalog {
  readonly system: SourceSystem;
  readonly schemas: readonly SourceSchema[];
}

/** A table of a source: `schema` is a PostgreSQL schema or a MySQL database. */
export interface SourceTableRef {
  readonly schema: string;
  readonly table: string;
}

/** One column as discovery queries return it: consecutive rows of a table, tables in order. */
export interface CatalogColumnRow extends SourceColumn {
  readonly schema: string;
  readonly table: string;
  readonly kind: SourceTableKind;
  readonly estimatedRows: number | null;
}

/** Groups column rows (ordered by schema, table, position) into schemas of tables. */
export function catalogFromRows(
  system: SourceSystem,
  rows: readonly CatalogColumnRow[],
): SourceCatalog {
  const schemas = new Map<string, Map<string, SourceTable & { columns: SourceColumn[] }>>();
  for (const { schema, table, kind, estimatedRows, ...column } of rows) {
    const tables =
      schemas.get(schema) ?? new Map<string, SourceTable & { columns: SourceColumn[] }>();
    schemas.set(schema, tables);
    const entry = tables.get(table) ?? { name: table, kind, estimatedRows, columns: [] };
    tables.set(table, entry);
    entry.columns.push(column);
  }
  return {
    system,
    schemas: [...schemas].map(([name, tables]) => ({ name, tables: [...tables.values()] })),
  };
}

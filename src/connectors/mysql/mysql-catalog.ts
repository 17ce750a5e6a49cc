import type mysql from 'mysql2/promise';
import type { SourceTableKind } from '../source-catalog.js';
import type { MysqlType } from './mysql-type-mapping.js';

export interface MysqlColumnRow {
  readonly schema: string;
  readonly table: string;
  readonly kind: SourceTableKind;
  readonly estimatedRows: number | null;
  readonly name: string;
  readonly sourceType: string;
  readonly nullable: boolean;
  readonly type: MysqlType;
}

/** The system schemas: never a source of user data. */
const SYSTEM_SCHEMAS = "('mysql', 'information_schema', 'performance_schema', 'sys')";

const COLUMNS_SQL = `
SELECT c.TABLE_SCHEMA AS table_schema, c.TABLE_NAME AS table_name, t.TABLE_TYPE AS table_type,
       t.TABLE_ROWS AS table_rows, c.COLUMN_NAME AS column_name, c.DATA_TYPE AS data_type,
       c.COLUMN_TYPE AS column_type, c.IS_NULLABLE AS is_nullable,
       c.NUMERIC_PRECISION AS numeric_precision, c.NUMERIC_SCALE AS numeric_scale
FROM information_schema.COLUMNS c
JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
WHERE c.TABLE_SCHEMA NOT IN ${SYSTEM_SCHEMAS}
  AND (? IS NULL OR c.TABLE_SCHEMA = ?) AND (? IS NULL OR c.TABLE_NAME = ?)
ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION`;

/** MariaDB's JSON columns: a `json_valid(`col`)` check MariaDB adds to the LONGTEXT it stores. */
const MARIADB_JSON_SQL = `
SELECT CONSTRAINT_SCHEMA AS table_schema, TABLE_NAME AS table_name, CHECK_CLAUSE AS check_clause
FROM information_schema.CHECK_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA NOT IN ${SYSTEM_SCHEMAS} AND (? IS NULL OR CONSTRAINT_SCHEMA = ?)
  AND CHECK_CLAUSE LIKE 'json\\\\_valid(%'`;
const JSON_CHECK = /^json_valid\(`((?:[^`]|``)+)`\)$/;

const TABLE_KINDS: Readonly<Record<string, SourceTableKind>> = {
  'BASE TABLE': 'table',
  VIEW: 'view',
  'SYSTEM VERSIONED': 'system_versioned_table',
};

export interface ColumnListing {
  /** Only this schema (MySQL database); every non-system one when null. */
  readonly schema: string | null;
  /** Only this table of it. */
  readonly table?: string;
  readonly mariadb: boolean;
}

/**
 * Columns of the visible tables, in order. information_schema compares names case-insensitively,
 * so one table is matched exactly here: on Linux `Users` and `users` are different tables.
 */
export async function listMysqlColumns(
  connection: mysql.Connection,
  listing: ColumnListing,
): Promise<MysqlColumnRow[]> {
  const table = listing.table ?? null;
  const [rows] = await connection.query<mysql.RowDataPacket[]>(COLUMNS_SQL, [
    ...[listing.schema, listing.schema, table, table],
  ]);
  const json = listing.mariadb ? await mariadbJsonColumns(connection, listing.schema) : new Set();
  return rows
    .filter(
      (r) => table === null || (r['table_name'] === table && r['table_schema'] === listing.schema),
    )
    .map((r) =>
      columnRow(r, json.has(columnKey(r['table_schema'], r['table_name'], r['column_name']))),
    );
}

function columnRow(r: mysql.RowDataPacket, json: boolean): MysqlColumnRow {
  const number = (value: unknown): number | null => (value === null ? null : Number(value));
  return {
    schema: String(r['table_schema']),
    table: String(r['table_name']),
    kind: TABLE_KINDS[String(r['table_type'])] ?? 'table',
    estimatedRows: number(r['table_rows']),
    name: String(r['column_name']),
    sourceType: json ? 'json' : String(r['column_type']),
    nullable: r['is_nullable'] === 'YES',
    type: {
      dataType: String(r['data_type']).toLowerCase(),
      columnType: String(r['column_type']).toLowerCase(),
      precision: number(r['numeric_precision']),
      scale: number(r['numeric_scale']),
      json,
    },
  };
}

async function mariadbJsonColumns(
  connection: mysql.Connection,
  schema: string | null,
): Promise<Set<string>> {
  const [rows] = await connection.query<mysql.RowDataPacket[]>(MARIADB_JSON_SQL, [schema, schema]);
  const columns = new Set<string>();
  for (const r of rows) {
    const match = JSON_CHECK.exec(String(r['check_clause']));
    if (match)
      columns.add(columnKey(r['table_schema'], r['table_name'], match[1]!.replaceAll('``', '`')));
  }
  return columns;
}

function columnKey(schema: unknown, table: unknown, column: unknown): string {
  return JSON.stringify([schema, table, column]);
}

/**
 * Which functions user SQL may call. Names are matched after ASCII lowercasing and ignoring any
 * schema or catalog: `main.read_csv(…)`, `system.main.current_setting(…)` and `"READ_CSV"(…)`
 * are all `read_csv`. (The schema slot cannot be trusted anyway: DuckDB serialises the method
 * call `col.read_text()` as function `read_text` in schema `col`.)
 */

/** The only table functions allowed in FROM: they generate rows and read nothing. */
export const ALLOWED_TABLE_FUNCTIONS: ReadonlySet<string> = new Set([
  'range',
  'generate_series',
  'unnest',
]);

export interface DeniedFunctionGroup {
  /** Completes "Function "x" is not allowed: it …". */
  readonly why: string;
  readonly names: readonly string[];
  readonly prefixes: readonly string[];
}

/** Scalar, aggregate and table functions refused wherever they appear. */
export const DENIED_FUNCTIONS: readonly DeniedFunctionGroup[] = [
  {
    // File and foreign-database readers (table functions in DuckDB 1.5.6, denied in every
    // position anyway), plus readers from extensions that autoloading could bring in.
    why: 'reads files or other databases',
    names: ['glob', 'sniff_csv', 'arrow_scan', 'arrow_scan_dumb', 'seq_scan'],
    prefixes: [
      'read_',
      'parquet_',
      'st_read',
      'iceberg_',
      'delta_',
      'ducklake_',
      'sqlite_',
      'postgres_',
      'mysql_',
      'http_',
      'load_aws_',
    ],
  },
  {
    // SQL inside a string is invisible to the guard; json_serialize_plan binds its argument
    // against the whole catalog, so its answer reveals what exists outside the namespace.
    why: 'runs SQL the guard cannot see',
    names: [
      'query',
      'query_table',
      'json_execute_serialized_sql',
      'json_serialize_plan',
      'sql_auto_complete',
    ],
    prefixes: [],
  },
  {
    // Catalog, settings and session introspection. current_schema and friends reveal the
    // namespace id and database name; the pg_get_*/format_type/get_block_size macros expand to
    // queries over duckdb_views(), duckdb_constraints(), duckdb_types(), pragma_database_size().
    why: 'reveals server internals',
    names: [
      'current_setting',
      'getvariable',
      'getenv',
      'current_database',
      'current_catalog',
      'current_schema',
      'current_schemas',
      'in_search_path',
      'which_secret',
      'pg_get_viewdef',
      'pg_get_constraintdef',
      'format_type',
      'get_block_size',
      'current_connection_id',
      'current_query_id',
      'current_transaction_id',
      'txid_current',
    ],
    prefixes: ['duckdb_', 'pragma_'],
  },
  {
    // Pooled connections outlive the query: these change their state or the database.
    why: 'changes server or connection state',
    names: [
      'setvariable',
      'set_variable',
      'checkpoint',
      'force_checkpoint',
      'load_extension',
      'install_extension',
      'nextval',
      'currval',
      'setseed',
      'write_log',
      'truncate_duckdb_logs',
      'check_peg_parser',
    ],
    prefixes: ['enable_', 'disable_'],
  },
  {
    // Holds a pooled connection without doing any work.
    why: 'stalls a shared connection',
    names: ['sleep_ms', 'pg_sleep'],
    prefixes: [],
  },
];

/** The group that denies a lowercased function name, if any. */
export function deniedFunctionGroup(name: string): DeniedFunctionGroup | undefined {
  return DENIED_FUNCTIONS.find(
    (group) => group.names.includes(name) || group.prefixes.some((p) => name.startsWith(p)),
  );
}

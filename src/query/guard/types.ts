/** What the statement guard needs from its caller, and what it reports back. */

export interface GuardScope {
  /** Lowercased names of the views in the caller's namespace (unqualified references must be one of these or a CTE). */
  readonly tables: ReadonlySet<string>;
  /** Lowercased names of system views the caller may read as lakehouse.<name>. */
  readonly systemTables: ReadonlySet<string>;
}

/**
 * Runs DuckDB's parser: returns the text of `SELECT json_serialize_sql($1::VARCHAR)` for the SQL
 * (the caller executes it on a DuckDB connection). The cast matters: DuckDB 1.5 refuses an
 * untyped parameter with "json_serialize_sql first argument must be a VARCHAR".
 */
export type SerializeSql = (sql: string) => Promise<string>;

export type StatementKind = 'select' | 'explain' | 'describe' | 'show';

export interface GuardedStatement {
  readonly kind: StatementKind;
  /** Namespace views the statement reads: lowercased, deduplicated, CTEs excluded. */
  readonly tables: readonly string[];
  /** System views (schema `lakehouse`) the statement reads: lowercased, deduplicated. */
  readonly systemTables: readonly string[];
}

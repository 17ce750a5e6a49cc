/** A column as the engine reports it: name and DuckDB type text. */
export interface EngineColumn {
  readonly name: string;
  readonly type: string;
}

/**
 * A materialised result with JSON-safe values: 64-bit integers and decimals as strings
 * (never rounded), dates and timestamps as ISO-8601 text.
 */
export interface EngineResult {
  readonly columns: readonly EngineColumn[];
  readonly rows: readonly Record<string, unknown>[];
}

export interface EngineProgress {
  /** -1 when unknown. */
  readonly percentage: number;
  readonly rowsProcessed: number;
  readonly totalRows: number;
}

/** One borrowed engine connection. SQL given here is built by services, never by callers. */
export interface EngineConnection {
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  query(sql: string, params?: readonly unknown[]): Promise<EngineResult>;
  progress(): EngineProgress;
  interrupt(): void;
}

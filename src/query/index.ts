/** Query: the engine interface and its DuckDB implementation. */
export type { EngineColumn, EngineConnection, EngineProgress, EngineResult } from './engine.js';
export { DuckDbEngine, type DuckDbEngineOptions } from './duckdb/duckdb-engine.js';

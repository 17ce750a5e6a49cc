/** Query: the engines (DuckDB behind our interfaces), namespaces, statement guard, query service. */
export type { EngineColumn, EngineConnection, EngineProgress, EngineResult } from './engine.js';
export { DuckDbEngine, type DuckDbEngineOptions } from './duckdb/duckdb-engine.js';
export {
  DuckDbQueryEngine,
  type QueryEngineOptions,
  type StreamFormat,
} from './duckdb/query-engine.js';
export { parseAsOf, type AsOf } from './as-of.js';
export { NamespaceRegistry, type Namespace } from './namespace.js';
export type { ReadAudit } from './query.service.js';
export { QueryLog, type QueryLogEntry, type QueryStatus } from './query-log.js';
export {
  QueryService,
  type QueryLimits,
  type QueryRequest,
  type QueryResult,
} from './query.service.js';
export { ConcurrencyGate } from './concurrency-gate.js';
export { ResultStore, type ResultStoreLimits } from './result-store.js';
export { JournalMirror } from './journal-mirror.js';
export { PinCache, type Pin, type PinStats } from './pin-cache.js';
export { validatePredicate } from './guard/index.js';
export { maskedViewSql } from './masked-view.js';

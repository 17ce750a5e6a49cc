import { guardStatement } from '../../src/query/guard/index.js';
import type { QuerySession } from '../../src/query/duckdb/query-engine.js';
import { readJsonRows } from '../../src/query/duckdb/results/index.js';
import { BENCH_ADMIN_KEY, type BenchApp } from '../support/bench-app.js';
import { interleaved, timeMs, type Sampler } from './measure.js';
import type { OursHttp } from './ours-http.js';
import type { BenchQuery } from './query-set.js';
import type { RawDuckDb } from './raw-duckdb.js';

/** Fewer runs than the headline figures: a dozen samplers per query, medians are enough. */
const BREAKDOWN_RUNS = 10;
const BREAKDOWN_WARMUPS = 2;

/**
 * The steps of one query, each timed alone (median ms), ours and raw. Ours: HTTP (the API key
 * checked against the metastore on every request) → QueryService
 * → namespace (catalog version, compiled views) → a borrowed connection bound with USE → the
 * statement guard (DuckDB's parser via json_serialize_sql, then a walk of the tree) → run and
 * convert to JSON values. Raw: the engine alone, then each way of converting its result.
 */
export const STEPS = [
  'http',
  'auth',
  'direct',
  'catalogVersion',
  'namespace',
  'session',
  'guard',
  'rules',
  'execute',
  'raw',
  'rawEngine',
  'rawStreamOurJson',
] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABELS: Record<Step, string> = {
  http: 'ours HTTP: POST /query/sql',
  auth: '  API key check (KeyService.authenticate)',
  direct: 'ours in process: QueryService.sql',
  catalogVersion: '  catalog version read (metastore)',
  namespace: '  namespace lookup (incl. catalog version)',
  session: '  borrow connection + USE schema',
  guard: '  guard: json_serialize_sql + walk',
  rules: '  policy rules check (catalog version + evaluate)',
  execute: '  run + convert rows (stream → JSON values)',
  raw: 'raw: runAndReadAll + getRowsJson',
  rawEngine: '  raw engine only: runAndReadAll',
  rawStreamOurJson: '  raw: stream + our JSON converter',
};

export type Breakdown = Record<Step, number>;

/** Times every step of `query` (see STEPS) on the running server and the raw instance. */
export async function breakdownOf(
  app: BenchApp,
  ours: OursHttp,
  raw: RawDuckDb,
  query: BenchQuery,
): Promise<Breakdown> {
  const { services, queryEngine, config } = app.lakehouse;
  const { sql } = query;
  const namespace = await services.query.namespaceFor(app.ctx);
  const timeoutMs = config.query.timeoutMs;
  const maxRows = config.query.maxInlineRows;
  /** Times `step` inside a session bound to the caller's namespace, as QueryService runs it. */
  const inSession =
    (step: (session: QuerySession) => Promise<unknown>): Sampler =>
    () =>
      queryEngine.session(namespace.schema, timeoutMs, (session) => timeMs(() => step(session)));
  const samplers: Record<Step, Sampler> = {
    http: async () => (await ours.sql(sql)).ms,
    auth: () => timeMs(() => services.keys.authenticate(BENCH_ADMIN_KEY)),
    direct: () => timeMs(() => services.query.sql(app.ctx, { sql })),
    catalogVersion: () => timeMs(() => services.catalog.version()),
    namespace: () => timeMs(() => services.query.namespaceFor(app.ctx)),
    session: () => timeMs(() => queryEngine.session(namespace.schema, timeoutMs, async () => {})),
    guard: inSession((session) => guardStatement(sql, namespace, session.serialize)),
    rules: () => timeMs(() => services.rules.check('query', policyContext(app, sql))),
    execute: inSession((session) => session.readJson(sql, [], maxRows)),
    raw: () => timeMs(() => raw.rows(sql)),
    rawEngine: () => timeMs(() => raw.connection.runAndReadAll(sql)),
    rawStreamOurJson: () =>
      timeMs(async () => readJsonRows(await raw.connection.stream(sql), maxRows)),
  };
  const summaries = await interleaved(samplers, {
    runs: BREAKDOWN_RUNS,
    warmups: BREAKDOWN_WARMUPS,
  });
  return Object.fromEntries(STEPS.map((s) => [s, summaries[s].p50])) as Breakdown;
}

/** What QueryService passes to the policy rules for a query (see its #guard). */
function policyContext(app: BenchApp, sql: string): unknown {
  const { principal } = app.ctx;
  return {
    task_class: 'query',
    principal: {
      id: principal.id,
      name: principal.name,
      kind: principal.kind,
      roles: principal.roles,
    },
    sql,
    statement: 'select',
    datasets: [],
    system_tables: [],
  };
}

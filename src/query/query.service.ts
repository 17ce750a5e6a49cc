import { AppError, NotFoundError, uuidv7, type RequestContext } from '../core/index.js';
import type { JournalMirror } from './journal-mirror.js';
import type { ResultStore } from './result-store.js';
import type { ConcurrencyGate } from './concurrency-gate.js';
import type { DuckDbQueryEngine, JsonResult, StreamFormat } from './duckdb/query-engine.js';
import { guardStatement, type GuardedStatement } from './guard/index.js';
import type { AsOf } from './as-of.js';
import type { Namespace, NamespaceRegistry } from './namespace.js';
import type { QueryLog, QueryStatus } from './query-log.js';

export interface QueryLimits {
  readonly timeoutMs: number;
  readonly maxInlineRows: number;
  /** Largest result kept for paging. */
  readonly maxPagedRows: number;
}

export interface PagedQuery {
  readonly queryId: string;
  readonly totalRows: number;
  readonly pageSize: number;
  readonly pages: number;
  readonly columns: JsonResult['columns'];
}

export interface ResultPage {
  readonly queryId: string;
  readonly page: number;
  readonly pageSize: number;
  readonly pages: number;
  readonly totalRows: number;
  readonly columns: JsonResult['columns'];
  readonly rows: unknown[][];
}

export interface QueryRequest {
  readonly sql: string;
  readonly params?: readonly unknown[];
  /** Read the datasets as they were at this point (a snapshot id or a timestamp). */
  readonly asOf?: AsOf;
}

export interface QueryResult extends JsonResult {
  readonly latencyMs: number;
  readonly datasets: readonly string[];
}

/**
 * Auditing of reads of person data (implemented by compliance): the audit rows for the subjects
 * in a result. Which tables are about people comes with the namespace. A failure to record fails
 * the query: the data is not returned.
 */
export interface ReadAudit {
  record(
    ctx: RequestContext,
    subjectIds: readonly string[],
    fields: readonly string[],
  ): Promise<void>;
}

export interface QueryDeps {
  readonly engine: DuckDbQueryEngine;
  readonly namespaces: NamespaceRegistry;
  readonly gate: ConcurrencyGate;
  readonly log: QueryLog;
  readonly results: ResultStore;
  readonly journalMirror: JournalMirror;
  /** Policy rules for the 'query' task class; throws 403 on reject/block. */
  readonly rules: { check(taskClass: string, context: unknown): Promise<unknown> };
  readonly limits: QueryLimits;
  /** Server paths that must never appear in an error message (the data directory). */
  readonly hiddenPaths: readonly string[];
  readonly readAudit?: ReadAudit;
}

/**
 * SQL for callers. Every query: the caller's namespace (only what they may read), DuckDB's
 * parser as the statement guard, the sandboxed engine, the concurrency gate and timeout —
 * and a query-log entry whatever the outcome.
 */
export class QueryService {
  readonly #deps: QueryDeps;

  constructor(deps: QueryDeps) {
    this.#deps = deps;
  }

  /** Runs a query and returns up to the inline row limit as JSON-safe values. */
  sql(ctx: RequestContext, request: QueryRequest): Promise<QueryResult> {
    return this.#run(ctx, request, this.#deps.limits.maxInlineRows);
  }

  /** Runs a query once and keeps its result for paging (bounded store, expiring). */
  async paged(ctx: RequestContext, request: QueryRequest, pageSize: number): Promise<PagedQuery> {
    const result = await this.#run(ctx, request, this.#deps.limits.maxPagedRows);
    if (result.truncated) {
      throw new AppError(
        'result_too_large',
        `the result has more than ${this.#deps.limits.maxPagedRows} rows; narrow the query or stream it (format=csv, ndjson or arrow)`,
      );
    }
    const bytes = Buffer.byteLength(JSON.stringify(result.rows));
    const stored = this.#deps.results.put(ctx.principal.id, result, bytes);
    return {
      queryId: stored.id,
      totalRows: result.rowCount,
      pageSize,
      pages: Math.ceil(result.rowCount / pageSize),
      columns: result.columns,
    };
  }

  /** Page `n` (1-based) of a paged result, `size` rows per page. */
  page(ctx: RequestContext, queryId: string, n: number, size: number): ResultPage {
    const stored = this.#deps.results.get(ctx.principal.id, queryId);
    const pages = Math.ceil(stored.rows.length / size);
    if (n > Math.max(1, pages))
      throw new NotFoundError('not_found', `page ${n} is past the last page (${pages})`);
    return {
      queryId,
      page: n,
      pageSize: size,
      pages,
      totalRows: stored.rows.length,
      columns: stored.columns,
      rows: stored.rows.slice((n - 1) * size, n * size),
    };
  }

  async #run(ctx: RequestContext, request: QueryRequest, maxRows: number): Promise<QueryResult> {
    return this.#logged(ctx, request.sql, async (note) => {
      const namespace = await this.#deps.namespaces.forContext(ctx, request.asOf);
      return this.#deps.gate.run(() =>
        this.#deps.engine.session(
          namespace.schema,
          this.#deps.limits.timeoutMs,
          async (session) => {
            const guarded = await this.#guard(ctx, request.sql, namespace, session.serialize);
            note(guarded.tables);
            const result = await session.readJson(request.sql, request.params ?? [], maxRows);
            await this.#auditSubjects(ctx, namespace, guarded.tables, result);
            return { ...result, datasets: guarded.tables };
          },
        ),
      );
    });
  }

  /**
   * Streams a query's whole result in CSV, NDJSON or Arrow IPC, chunk by chunk. The guard runs
   * before the first byte; the gate is held until the stream ends.
   */
  async stream(
    ctx: RequestContext,
    request: QueryRequest,
    format: StreamFormat,
  ): Promise<AsyncGenerator<string | Uint8Array>> {
    const namespace = await this.#deps.namespaces.forContext(ctx, request.asOf);
    const started = performance.now();
    let guarded: GuardedStatement | undefined;
    // The concurrency slot is held until the stream ends (the relay releases it).
    const release = await this.#deps.gate.acquire().catch((error: unknown) => {
      this.#record(ctx, request.sql, [], null, started, error);
      throw error;
    });
    await this.#auditBeforeStream(ctx, request, namespace).catch((error: unknown) => {
      release();
      this.#record(ctx, request.sql, [], null, started, error);
      throw translate(error, this.#deps.hiddenPaths);
    });
    const chunks = this.#deps.engine.streamFormat(
      namespace.schema,
      request.sql,
      request.params ?? [],
      format,
      async (serialize) => {
        guarded = await this.#guard(ctx, request.sql, namespace, serialize);
      },
      this.#deps.limits.timeoutMs,
    );
    // Pull the first chunk now, so a refusal or SQL error is an HTTP error, not a broken stream.
    const first = await chunks.next().catch((error: unknown) => {
      release();
      this.#record(ctx, request.sql, guarded?.tables ?? [], null, started, error);
      throw translate(error, this.#deps.hiddenPaths);
    });
    return this.#relay(
      ctx,
      request.sql,
      first,
      chunks,
      started,
      () => guarded?.tables ?? [],
      release,
    );
  }

  async *#relay(
    ctx: RequestContext,
    sql: string,
    first: IteratorResult<string | Uint8Array>,
    rest: AsyncGenerator<string | Uint8Array>,
    started: number,
    tables: () => readonly string[],
    release: () => void,
  ): AsyncGenerator<string | Uint8Array> {
    let failure: unknown;
    try {
      if (!first.done) yield first.value;
      yield* rest;
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      release();
      this.#record(ctx, sql, tables(), null, started, failure);
    }
  }

  /**
   * One audit row per subject whose id is in the result, when the query read subject-keyed data:
   * the ids are the values of result columns named like a subject key column.
   */
  async #auditSubjects(
    ctx: RequestContext,
    namespace: Namespace,
    tables: readonly string[],
    result: JsonResult,
  ): Promise<void> {
    const audit = this.#deps.readAudit;
    const keys = subjectKeysRead(namespace, tables);
    if (!audit || keys.size === 0) return;
    const positions = result.columns
      .map((c, i) => (keys.has(c.name.toLowerCase()) ? i : -1))
      .filter((i) => i >= 0);
    const ids = new Set<string>();
    for (const row of result.rows) {
      for (const i of positions) {
        const value = (row as unknown[])[i];
        if (value !== null && value !== undefined) ids.add(String(value));
      }
    }
    await audit.record(
      ctx,
      [...ids],
      result.columns.map((c) => c.name),
    );
  }

  /**
   * A stream's audit rows must be durable before its first byte: when it reads subject-keyed
   * data, the result's subject ids are found by running it once more, bounded (a stream of
   * person data larger than the paging limit is refused: it could not be audited first).
   */
  async #auditBeforeStream(
    ctx: RequestContext,
    request: QueryRequest,
    namespace: Namespace,
  ): Promise<void> {
    const audit = this.#deps.readAudit;
    if (!audit) return;
    await this.#deps.engine.session(
      namespace.schema,
      this.#deps.limits.timeoutMs,
      async (session) => {
        // The whole guard, policy rules included: a refused query must not run, nor be audited.
        const guarded = await this.#guard(ctx, request.sql, namespace, session.serialize);
        if (subjectKeysRead(namespace, guarded.tables).size === 0) return;
        const maxRows = this.#deps.limits.maxPagedRows;
        const result = await session.readJson(request.sql, request.params ?? [], maxRows);
        if (result.truncated) {
          throw new AppError(
            'result_too_large',
            `a stream of person data is audited per subject before it starts; narrow it below ${maxRows} rows or page it`,
          );
        }
        await this.#auditSubjects(ctx, namespace, guarded.tables, result);
      },
    );
  }

  /** The statement guard, then the system views the statement reads brought up to date. */
  async #guard(
    ctx: RequestContext,
    sql: string,
    namespace: Namespace,
    serialize: (sql: string) => Promise<string>,
  ): Promise<GuardedStatement> {
    const guarded = await guardStatement(sql, namespace, serialize);
    await this.#deps.rules.check('query', {
      task_class: 'query',
      principal: {
        id: ctx.principal.id,
        name: ctx.principal.name,
        kind: ctx.principal.kind,
        roles: ctx.principal.roles,
      },
      sql,
      statement: guarded.kind,
      datasets: guarded.tables,
      system_tables: guarded.systemTables,
    });
    if (guarded.systemTables.includes('journal')) await this.#deps.journalMirror.sync();
    return guarded;
  }

  async #logged(
    ctx: RequestContext,
    sql: string,
    run: (
      note: (tables: readonly string[]) => void,
    ) => Promise<QueryResult | Omit<QueryResult, 'latencyMs'>>,
  ): Promise<QueryResult> {
    const started = performance.now();
    let tables: readonly string[] = [];
    try {
      const result = await run((t) => (tables = t));
      const latencyMs = performance.now() - started;
      this.#record(
        ctx,
        sql,
        tables,
        result.rowCount,
        started,
        undefined,
        result.columns.map((c) => c.name),
      );
      return { ...result, latencyMs };
    } catch (error) {
      this.#record(ctx, sql, tables, null, started, error);
      throw translate(error, this.#deps.hiddenPaths);
    }
  }

  #record(
    ctx: RequestContext,
    sql: string,
    tables: readonly string[],
    rowCount: number | null,
    started: number,
    error?: unknown,
    columns: readonly string[] = [],
  ): void {
    this.#deps.log.record({
      id: uuidv7(),
      ts: ctx.clock.now().toISOString(),
      principalId: ctx.principal.id,
      source: ctx.source,
      requestId: ctx.requestId,
      sql,
      datasets: tables,
      rowCount,
      latencyMs: performance.now() - started,
      status: statusOf(error),
      errorCode: error === undefined ? null : error instanceof AppError ? error.code : 'sql_error',
      columns,
      decision: decisionOf(error),
    });
  }

  /** Drops every paged result kept for callers; returns how many. */
  evictCachedResults(): number {
    return this.#deps.results.clear();
  }

  namespaceFor(ctx: RequestContext): Promise<Namespace> {
    return this.#deps.namespaces.forContext(ctx);
  }
}

function decisionOf(error: unknown): string {
  if (error === undefined) return 'allowed';
  if (!(error instanceof AppError)) return 'error';
  if (error.code === 'query_refused') return 'refused';
  if (
    error.code === 'policy_rejected' ||
    error.code === 'policy_blocked' ||
    error.code === 'forbidden'
  )
    return error.code;
  return 'error';
}

function statusOf(error: unknown): QueryStatus {
  if (error === undefined) return 'ok';
  if (error instanceof AppError) {
    if (error.code === 'query_refused') return 'refused';
    if (error.code === 'query_timeout') return 'timeout';
    if (error.code === 'too_busy') return 'rejected';
  }
  return 'error';
}

/** Engine errors for a caller's SQL (binder, conversion, division by zero…) are 400s. */
export function translate(error: unknown, hiddenPaths: readonly string[]): unknown {
  if (error instanceof AppError || !(error instanceof Error)) return error;
  let message = error.message.split('\n')[0]!.slice(0, 2000);
  for (const hidden of hiddenPaths) message = message.replaceAll(hidden, '…');
  if (/^Out of Memory Error/i.test(message)) {
    return new AppError(
      'query_memory_exceeded',
      `the query needs more memory than the engine may use: ${message}`,
      { cause: error },
    );
  }
  return new AppError('invalid_sql', message, { cause: error });
}

/** The subject key columns of the people tables among those a statement read. */
function subjectKeysRead(namespace: Namespace, tables: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const table of tables) {
    const key = namespace.subjectKeys.get(table.toLowerCase());
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

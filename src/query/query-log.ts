import type { Logger } from '../core/index.js';
import { requireAdmin, type RequestContext } from '../core/index.js';
import type { Metastore } from '../metastore/index.js';
import { parseJson } from '../metastore/index.js';

export type QueryStatus = 'ok' | 'refused' | 'error' | 'timeout' | 'rejected';

export interface QueryLogEntry {
  readonly id: string;
  readonly ts: string;
  readonly principalId: string;
  readonly source: string;
  readonly requestId: string | null;
  readonly sql: string;
  readonly datasets: readonly string[];
  readonly rowCount: number | null;
  readonly latencyMs: number;
  readonly status: QueryStatus;
  readonly errorCode: string | null;
  /** Names of the columns the read returned (empty when nothing was returned). */
  readonly columns: readonly string[];
  /** allowed, or why not: refused (guard), denied (privilege), policy_rejected/blocked, error. */
  readonly decision: string;
}

const MAX_SQL_CHARS = 10_000;
const FLUSH_EVERY_MS = 200;
const FLUSH_AT = 200;

/**
 * The query log. Entries are buffered and written in batches (one transaction per batch), so
 * logging adds no disk sync to a query's latency; `flush` runs on shutdown.
 */
export class QueryLog {
  readonly #metastore: Metastore;
  readonly #logger: Logger;
  #buffer: QueryLogEntry[] = [];
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(metastore: Metastore, logger: Logger) {
    this.#metastore = metastore;
    this.#logger = logger;
  }

  record(entry: QueryLogEntry): void {
    this.#buffer.push({ ...entry, sql: entry.sql.slice(0, MAX_SQL_CHARS) });
    if (this.#buffer.length >= FLUSH_AT) void this.flush();
    else if (!this.#timer) {
      this.#timer = setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
      this.#timer.unref();
    }
  }

  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#buffer;
    this.#buffer = [];
    this.#flushing = this.#flushing.then(() => (batch.length ? this.#write(batch) : undefined));
    await this.#flushing;
  }

  async recent(ctx: RequestContext, limit: number, principalId?: string): Promise<QueryLogEntry[]> {
    requireAdmin(ctx, 'reading the query log');
    await this.flush();
    let query = this.#metastore.db
      .selectFrom('query_log')
      .selectAll()
      .orderBy('ts', 'desc')
      .orderBy('id', 'desc')
      .limit(limit);
    if (principalId) query = query.where('principal_id', '=', principalId);
    return (await query.execute()).map((r) => ({
      id: r.id,
      ts: r.ts,
      principalId: r.principal_id,
      source: r.source,
      requestId: r.request_id,
      sql: r.sql,
      datasets: parseJson<string[]>(r.datasets) ?? [],
      rowCount: r.row_count === null ? null : Number(r.row_count),
      latencyMs: Number(r.latency_ms),
      status: r.status as QueryStatus,
      errorCode: r.error_code,
      columns: parseJson<string[]>(r.columns) ?? [],
      decision: r.decision ?? 'unknown',
    }));
  }

  async #write(batch: QueryLogEntry[]): Promise<void> {
    try {
      await this.#metastore.db
        .insertInto('query_log')
        .values(
          batch.map((e) => ({
            id: e.id,
            ts: e.ts,
            principal_id: e.principalId,
            source: e.source,
            request_id: e.requestId,
            sql: e.sql,
            datasets: JSON.stringify(e.datasets),
            row_count: e.rowCount,
            latency_ms: Math.round(e.latencyMs),
            status: e.status,
            error_code: e.errorCode,
            columns: JSON.stringify(e.columns),
            decision: e.decision,
          })),
        )
        .execute();
    } catch (error) {
      this.#logger.error({ err: error, entries: batch.length }, 'could not write the query log');
    }
  }
}

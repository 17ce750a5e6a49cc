import { NotFoundError, randomToken, type Clock } from '../core/index.js';
import type { JsonResult } from './duckdb/query-engine.js';

export interface StoredResult {
  readonly id: string;
  readonly owner: string;
  readonly columns: JsonResult['columns'];
  readonly rows: unknown[][];
  readonly bytes: number;
  readonly createdAt: number;
  lastUsedAt: number;
}

export interface ResultStoreLimits {
  readonly maxResults: number;
  readonly maxBytes: number;
  readonly ttlMs: number;
}

/**
 * Results kept for paging: bounded by count and by bytes, least recently used evicted first,
 * and expired after a time to live. Only the caller who ran the query can page through it.
 */
export class ResultStore {
  readonly #limits: ResultStoreLimits;
  readonly #clock: Clock;
  readonly #entries = new Map<string, StoredResult>();
  #bytes = 0;

  constructor(limits: ResultStoreLimits, clock: Clock) {
    this.#limits = limits;
    this.#clock = clock;
  }

  get stats(): { results: number; bytes: number } {
    return { results: this.#entries.size, bytes: this.#bytes };
  }

  put(owner: string, result: Pick<JsonResult, 'columns' | 'rows'>, bytes: number): StoredResult {
    const now = this.#clock.now().getTime();
    const entry: StoredResult = {
      id: randomToken(18),
      owner,
      columns: result.columns,
      rows: result.rows,
      bytes,
      createdAt: now,
      lastUsedAt: now,
    };
    this.#entries.set(entry.id, entry);
    this.#bytes += bytes;
    this.#evict(now);
    return entry;
  }

  get(owner: string, id: string): StoredResult {
    const now = this.#clock.now().getTime();
    this.#expire(now);
    const entry = this.#entries.get(id);
    if (!entry || entry.owner !== owner) {
      throw new NotFoundError(
        'not_found',
        `no paged result ${id}: it expired, was evicted, or never existed`,
      );
    }
    // Map order is recency order: move to the end on use.
    this.#entries.delete(id);
    this.#entries.set(id, entry);
    entry.lastUsedAt = now;
    return entry;
  }

  /** Drops every kept result (an erasure must not leave a person's rows in a page). */
  clear(): number {
    const count = this.#entries.size;
    for (const [id, entry] of this.#entries) this.#remove(id, entry);
    return count;
  }

  #evict(now: number): void {
    this.#expire(now);
    for (const [id, entry] of this.#entries) {
      if (this.#entries.size <= this.#limits.maxResults && this.#bytes <= this.#limits.maxBytes)
        break;
      this.#remove(id, entry);
    }
  }

  #expire(now: number): void {
    for (const [id, entry] of this.#entries) {
      if (now - entry.lastUsedAt > this.#limits.ttlMs) this.#remove(id, entry);
    }
  }

  #remove(id: string, entry: StoredResult): void {
    this.#entries.delete(id);
    this.#bytes -= entry.bytes;
  }
}

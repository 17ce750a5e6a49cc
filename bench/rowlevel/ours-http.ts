import { BENCH_ADMIN_KEY } from '../support/bench-app.js';
import { expectStatus, HttpClient, type HttpAnswer } from '../support/http-client.js';
import { DATASET, KEY_COLUMN } from './plan.js';

/** A compaction at full scale takes seconds; nothing here should take 10 minutes. */
const TIMEOUT_MS = 600_000;

export interface UpsertAnswer {
  readonly rows_received: number;
  readonly rows_inserted: number;
  readonly rows_updated: number;
}

export interface TombstoneAnswer {
  readonly results: readonly { value: string; status: string }[];
}

export interface CompactAnswer {
  readonly rows_before: number;
  readonly rows_after: number;
  readonly rows_dropped: number;
  readonly bytes: number;
  readonly files_rewritten: number;
  readonly duration_ms: number;
}

export interface Timed<T> {
  readonly ms: number;
  readonly answer: T;
}

/**
 * Our row-level API as a client sees it, over keep-alive connections; every call is timed from
 * sending the request to the last byte of the answer (bodies are prepared before the clock).
 */
export class RowLevelHttp {
  readonly #client: HttpClient;

  constructor(baseUrl: string) {
    this.#client = new HttpClient(baseUrl, { token: BENCH_ADMIN_KEY, timeoutMs: TIMEOUT_MS });
  }

  /** `POST /ingest/file?mode=upsert&format=csv`, the file as the body, synchronous. */
  async upsertCsv(body: Buffer): Promise<Timed<UpsertAnswer>> {
    const query = new URLSearchParams({
      dataset: DATASET,
      mode: 'upsert',
      format: 'csv',
      filename: 'upsert.csv',
      async: 'false',
    });
    const answer = await this.#client.send('POST', `/ingest/file?${query}`, body, 'text/csv');
    return parsed(expectStatus(answer, 201, 'POST /ingest/file (upsert)'));
  }

  /** `POST /catalog/datasets/placements/rows` with `{rows: […]}` already as JSON text. */
  async upsertRows(json: string): Promise<Timed<UpsertAnswer>> {
    const answer = await this.#client.send('POST', `/catalog/datasets/${DATASET}/rows`, json);
    return parsed(expectStatus(answer, 200, 'POST …/rows'));
  }

  async tombstone(keys: readonly string[]): Promise<Timed<TombstoneAnswer>> {
    const answer = await this.#client.post(`/catalog/datasets/${DATASET}/tombstones`, {
      key_column: KEY_COLUMN,
      values: keys,
      reason: 'row-level benchmark',
    });
    return parsed(expectStatus(answer, 200, 'POST …/tombstones'));
  }

  async compact(): Promise<Timed<CompactAnswer>> {
    const answer = await this.#client.send('POST', `/catalog/datasets/${DATASET}/compact`);
    return parsed(expectStatus(answer, 200, 'POST …/compact'));
  }

  close(): void {
    this.#client.close();
  }
}

function parsed<T>(answer: HttpAnswer): Timed<T> {
  return { ms: answer.ms, answer: JSON.parse(answer.body) as T };
}

import { BENCH_ADMIN_KEY } from '../support/bench-app.js';
import { expectStatus, HttpClient } from '../support/http-client.js';

/** The parts of our answers the benchmark reads. */
export interface SqlAnswer {
  readonly rows: unknown[][];
  readonly row_count: number;
  readonly truncated: boolean;
  readonly latency_ms: number;
}

export interface PagedAnswer {
  readonly query_id: string;
  readonly total_rows: number;
  readonly pages: number;
}

export interface PageAnswer {
  readonly rows: unknown[][];
}

export interface PinAnswer {
  readonly dataset: string;
  readonly rows: number;
  readonly bytes: number;
}

/** A timed call and its parsed answer. */
export interface Timed<T> {
  readonly ms: number;
  readonly answer: T;
}

/**
 * Our query API as a client sees it, over one keep-alive connection. The clock covers sending
 * the request to receiving the last byte; parsing the JSON happens after, off the clock.
 */
export class OursHttp {
  readonly #client: HttpClient;

  constructor(baseUrl: string) {
    this.#client = new HttpClient(baseUrl, { token: BENCH_ADMIN_KEY });
  }

  async sql(sql: string, params?: readonly unknown[]): Promise<Timed<SqlAnswer>> {
    const body = params === undefined ? { sql } : { sql, params };
    const answer = expectStatus(
      await this.#client.post('/query/sql', body),
      200,
      'POST /query/sql',
    );
    const parsed = JSON.parse(answer.body) as SqlAnswer;
    if (parsed.truncated) throw new Error(`the result of ${sql} was truncated`);
    return { ms: answer.ms, answer: parsed };
  }

  async paged(sql: string, pageSize: number): Promise<Timed<PagedAnswer>> {
    const answer = expectStatus(
      await this.#client.post('/query/paged', { sql, page_size: pageSize }),
      200,
      'POST /query/paged',
    );
    return { ms: answer.ms, answer: JSON.parse(answer.body) as PagedAnswer };
  }

  async page(queryId: string, page: number, size: number): Promise<Timed<PageAnswer>> {
    const path = `/query/page/${encodeURIComponent(queryId)}/${page}?size=${size}`;
    const answer = expectStatus(await this.#client.get(path), 200, `GET ${path}`);
    return { ms: answer.ms, answer: JSON.parse(answer.body) as PageAnswer };
  }

  async pin(dataset: string): Promise<Timed<PinAnswer>> {
    const answer = expectStatus(
      await this.#client.post('/query/cache/pin', { dataset }),
      200,
      'POST /query/cache/pin',
    );
    return { ms: answer.ms, answer: JSON.parse(answer.body) as PinAnswer };
  }

  close(): void {
    this.#client.close();
  }
}

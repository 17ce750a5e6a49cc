import { expectStatus, HttpClient } from '../support/http-client.js';
import type { SqlAnswer, Timed } from '../query/ours-http.js';

/**
 * `POST /query/sql` as one caller (the admin or an analyst key) on its own keep-alive
 * connection; timed from sending the request to the last byte, as `OursHttp` times it.
 */
export class SqlCaller {
  readonly #client: HttpClient;

  constructor(baseUrl: string, token: string) {
    this.#client = new HttpClient(baseUrl, { token });
  }

  async sql(sql: string): Promise<Timed<SqlAnswer>> {
    const answer = expectStatus(
      await this.#client.post('/query/sql', { sql }),
      200,
      'POST /query/sql',
    );
    const parsed = JSON.parse(answer.body) as SqlAnswer;
    if (parsed.truncated) throw new Error(`the result of ${sql} was truncated`);
    return { ms: answer.ms, answer: parsed };
  }

  close(): void {
    this.#client.close();
  }
}

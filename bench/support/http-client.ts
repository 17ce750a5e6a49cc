import http from 'node:http';

/** One answer, its body as text, and the time from sending the request to its last byte. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
  readonly ms: number;
}

export interface HttpClientOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** Connections kept open to the server (keep-alive); one by default. */
  readonly connections?: number;
  /** A request without an answer after this long is aborted and fails. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * A small JSON client over `node:http` with a keep-alive agent, so a timed request measures the
 * server, not a TCP handshake. Bodies are serialised before the clock starts; the answer is
 * returned as text and parsed by the caller after it, as a client would do on its own time.
 */
export class HttpClient {
  readonly #base: URL;
  readonly #agent: http.Agent;
  readonly #headers: Record<string, string>;
  readonly #timeoutMs: number;

  constructor(baseUrl: string, options: HttpClientOptions = {}) {
    this.#base = new URL(baseUrl);
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: options.connections ?? 1 });
    this.#headers = options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  get(path: string): Promise<HttpAnswer> {
    return this.send('GET', path);
  }

  post(path: string, body: unknown): Promise<HttpAnswer> {
    return this.send('POST', path, JSON.stringify(body));
  }

  /**
   * `body` is prepared already (JSON text by default; the load generator prepares its bodies up
   * front), or raw bytes of another content type such as a CSV upload.
   */
  send(
    method: 'GET' | 'POST',
    path: string,
    body?: string | Buffer,
    contentType = 'application/json',
  ): Promise<HttpAnswer> {
    const headers: Record<string, string | number> = { ...this.#headers };
    if (body !== undefined) {
      headers['content-type'] = contentType;
      headers['content-length'] = Buffer.byteLength(body);
    }
    return new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const request = http.request(new URL(path, this.#base), {
        method,
        headers,
        agent: this.#agent,
        timeout: this.#timeoutMs,
      });
      request.on('timeout', () => request.destroy(new Error(`${method} ${path} timed out`)));
      request.on('error', reject);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
      });
      request.end(body);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

/** Throws unless the answer has the expected status; the message carries the server's reason. */
export function expectStatus(answer: HttpAnswer, status: number, what: string): HttpAnswer {
  if (answer.status === status) return answer;
  throw new Error(`${what} → ${answer.status}: ${answer.body.slice(0, 500)}`);
}

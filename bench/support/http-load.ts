import { runClosedLoop, type LoadBounds, type LoadResult } from './closed-loop.js';
import { HttpClient } from './http-client.js';

/** An HTTP load: one endpoint, bodies sent in turn, over keep-alive connections. */
export interface HttpLoadSpec extends LoadBounds {
  readonly baseUrl: string;
  readonly token?: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** JSON texts sent in turn (POST); request i sends bodies[i mod length]. */
  readonly bodies?: readonly string[];
  readonly timeoutMs: number;
}

/**
 * One keep-alive connection per caller (the agent's socket limit equals the concurrency), so
 * after the first round no request pays for a TCP handshake. Any status but 2xx is an error.
 */
export async function runHttpLoad(spec: HttpLoadSpec): Promise<LoadResult> {
  const client = new HttpClient(spec.baseUrl, {
    ...(spec.token !== undefined && { token: spec.token }),
    connections: spec.concurrency,
    timeoutMs: spec.timeoutMs,
  });
  const bodies = spec.bodies ?? [];
  try {
    return await runClosedLoop(spec, async (request) => {
      const body = bodies.length > 0 ? bodies[request % bodies.length] : undefined;
      const answer = await client.send(spec.method, spec.path, body);
      return answer.status >= 200 && answer.status < 300
        ? { ok: true }
        : { ok: false, kind: String(answer.status) };
    });
  } finally {
    client.close();
  }
}

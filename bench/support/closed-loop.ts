import { summarizeLatencies, type LatencySummary } from './percentile.js';

export interface LoadBounds {
  /** Callers running at once, each sending its next request when the last one is answered. */
  readonly concurrency: number;
  /** No request starts after this; those in flight are waited for. */
  readonly durationMs: number;
  /** A hard cap on requests, so even a very fast target ends a bounded run. */
  readonly maxRequests: number;
}

export interface LoadResult {
  /** Requests answered successfully. */
  readonly requests: number;
  readonly errors: number;
  /** Failed requests by HTTP status or error code. */
  readonly errorsByKind: Readonly<Record<string, number>>;
  /** From the first request sent to the last answer received. */
  readonly seconds: number;
  /** Successful requests per second. */
  readonly requestsPerSecond: number;
  /** Latencies of the successful requests, in milliseconds. */
  readonly latency: LatencySummary;
}

/** What one call reports: success, or why it failed ("503", "ECONNRESET"…). */
export type CallOutcome = { readonly ok: true } | { readonly ok: false; readonly kind: string };

/**
 * A closed-loop load: `concurrency` callers, each issuing calls back to back until the time or
 * the request cap runs out. Closed loop means latency and throughput are those of a saturated
 * server with `concurrency` clients, not of an open arrival rate.
 */
export async function runClosedLoop(
  bounds: LoadBounds,
  call: (request: number, caller: number) => Promise<CallOutcome>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const errorsByKind: Record<string, number> = {};
  let issued = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  const deadline = performance.now() + bounds.durationMs;
  const caller = async (index: number): Promise<void> => {
    while (performance.now() < deadline && issued < bounds.maxRequests) {
      const request = issued++;
      const sent = process.hrtime.bigint();
      const outcome = await call(request, index).catch((error: unknown): CallOutcome => ({
        ok: false,
        kind: errorKind(error),
      }));
      if (outcome.ok) latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
      else {
        errors += 1;
        errorsByKind[outcome.kind] = (errorsByKind[outcome.kind] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: bounds.concurrency }, (_, i) => caller(i)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (latencies.length === 0)
    throw new Error(`no request succeeded: ${JSON.stringify(errorsByKind)}`);
  return {
    requests: latencies.length,
    errors,
    errorsByKind,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    latency: summarizeLatencies(latencies),
  };
}

function errorKind(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string')
    return error.code;
  return error instanceof Error ? error.message.slice(0, 80) : String(error);
}

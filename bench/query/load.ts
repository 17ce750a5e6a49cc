import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { BenchScale } from '../support/benchmark.js';
import { BENCH_ADMIN_KEY } from '../support/bench-app.js';
import { runClosedLoop, type LoadBounds, type LoadResult } from '../support/closed-loop.js';
import type { HttpLoadSpec } from '../support/http-load.js';
import { QUERY_CONCURRENCY } from './query-app.js';
import { POINT_BY_PARAM_SQL, randomCandidateIds } from './query-set.js';
import { rowsOn, type RawDuckDb } from './raw-duckdb.js';

const WORKER_SCRIPT = fileURLToPath(new URL('./load-worker.ts', import.meta.url));
/** The repository root, where `--import tsx` resolves. */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Keep-alive connections of the HTTP load, as in the brief. */
export const LOAD_CONNECTIONS = 50;
/** Distinct ids the point load cycles through: enough that no one row is always hot. */
const DISTINCT_IDS = 1_000;
/** ~10 s at full scale; the small scale is for debugging the benchmark, so it is short. */
const LOAD_SECONDS: Record<BenchScale, number> = { full: 10, small: 3 };
/** Bounds the run even against a target answering far faster than expected. */
const MAX_REQUESTS = 1_000_000;
const REQUEST_TIMEOUT_MS = 30_000;

export function loadBounds(scale: BenchScale, concurrency: number): LoadBounds {
  return { concurrency, durationMs: LOAD_SECONDS[scale] * 1000, maxRequests: MAX_REQUESTS };
}

/** `GET /health`: authentication skipped, no work — what HTTP alone costs in this server. */
export function healthLoad(baseUrl: string, scale: BenchScale): Promise<LoadResult> {
  return spawnLoad({
    ...loadBounds(scale, LOAD_CONNECTIONS),
    baseUrl,
    method: 'GET',
    path: '/health',
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
}

/** `POST /query/sql` of one candidate by a random id passed as a parameter. */
export function pointLoad(baseUrl: string, scale: BenchScale): Promise<LoadResult> {
  return spawnLoad({
    ...loadBounds(scale, LOAD_CONNECTIONS),
    baseUrl,
    token: BENCH_ADMIN_KEY,
    method: 'POST',
    path: '/query/sql',
    bodies: randomCandidateIds(scale, DISTINCT_IDS).map((id) =>
      JSON.stringify({ sql: POINT_BY_PARAM_SQL, params: [id] }),
    ),
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
}

/**
 * The same point queries on raw DuckDB, in process, on as many connections as our server runs
 * queries at once: the engine's own throughput ceiling for this query on this machine.
 */
export async function rawPointLoad(raw: RawDuckDb, scale: BenchScale): Promise<LoadResult> {
  const ids = randomCandidateIds(scale, DISTINCT_IDS);
  const connections: DuckDBConnection[] = [];
  for (let i = 0; i < QUERY_CONCURRENCY; i += 1) connections.push(await raw.connect());
  try {
    return await runClosedLoop(loadBounds(scale, QUERY_CONCURRENCY), async (request, caller) => {
      await rowsOn(connections[caller]!, POINT_BY_PARAM_SQL, [ids[request % ids.length]!]);
      return { ok: true };
    });
  } finally {
    for (const connection of connections) connection.closeSync();
  }
}

function spawnLoad(spec: HttpLoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`load worker for ${spec.path} exited ${code}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as LoadResult);
    });
    child.stdin.end(JSON.stringify(spec));
  });
}

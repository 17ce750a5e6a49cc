import { mkdir } from 'node:fs/promises';
import { Lakehouse } from '../../src/app.js';
import { CLI_OPERATOR, createContext, createLogger, loadConfig } from '../../src/core/index.js';
import { BENCH_ADMIN_KEY, type BenchApp } from '../support/bench-app.js';
import { OursHttp } from './ours-http.js';

/**
 * Concurrent queries the server runs; the rest wait in its queue. Eight keeps two cores busy
 * while some queries wait on I/O, and leaves room above the 50 load-test connections' demand.
 */
export const QUERY_CONCURRENCY = 8;

/**
 * Paged results the server keeps. Each full-scale paged result is 1M rows held as JS values
 * (~0.5 GB of heap); the default of 64 would let repeated measurements exhaust the heap.
 */
const PAGED_RESULTS_KEPT = 2;

/**
 * The real application as `createBenchApp` builds it (no demo, no inbox watcher, silent), plus
 * the query settings this benchmark needs. Opening an existing data directory is a restart:
 * a new query engine, nothing compiled, nothing cached — what "cold" means here.
 */
export async function createQueryBenchApp(dataDir: string): Promise<BenchApp> {
  await mkdir(dataDir, { recursive: true });
  const config = loadConfig({
    LAKEHOUSE_DATA_DIR: dataDir,
    LAKEHOUSE_ADMIN_KEY: BENCH_ADMIN_KEY,
    LAKEHOUSE_DEMO: 'off',
    LAKEHOUSE_INBOX_WATCH: 'off',
    // Silent by default; BENCH_LOG_LEVEL=error shows what is behind a failed request.
    LAKEHOUSE_LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'silent',
    LAKEHOUSE_QUERY_CONCURRENCY: String(QUERY_CONCURRENCY),
    LAKEHOUSE_PAGED_RESULTS: String(PAGED_RESULTS_KEPT),
  });
  const lakehouse = await Lakehouse.create(config, { logger: createLogger(config.logLevel) });
  return {
    lakehouse,
    ctx: createContext(CLI_OPERATOR, 'cli'),
    listen: () => lakehouse.http.listen({ host: '127.0.0.1', port: 0 }),
    stop: () => lakehouse.stop(),
  };
}

/** A server on the data directory for the span of `work`, with a client connected to it. */
export async function withQueryServer<T>(
  dataDir: string,
  work: (app: BenchApp, ours: OursHttp, baseUrl: string) => Promise<T>,
): Promise<T> {
  const app = await createQueryBenchApp(dataDir);
  try {
    const baseUrl = await app.listen();
    const ours = new OursHttp(baseUrl);
    try {
      return await work(app, ours, baseUrl);
    } finally {
      ours.close();
    }
  } finally {
    await app.stop();
  }
}

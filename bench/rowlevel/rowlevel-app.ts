import { mkdir } from 'node:fs/promises';
import { Lakehouse } from '../../src/app.js';
import { CLI_OPERATOR, createContext, createLogger, loadConfig } from '../../src/core/index.js';
import { BENCH_ADMIN_KEY, type BenchApp } from '../support/bench-app.js';

/**
 * 10,000 placements as JSON are ~2.3 MB, over the default 1 MiB JSON body limit, so
 * `POST …/rows` could not take the batch the route allows (MAX_JSON_ROWS) without this.
 */
export const JSON_BODY_LIMIT = '8MiB';

/**
 * The real application as `createBenchApp()` builds it (no demo, no inbox watcher, silent),
 * with the JSON body limit raised so a 10K-row `POST …/rows` fits.
 */
export async function createRowLevelApp(dataDir: string): Promise<BenchApp> {
  await mkdir(dataDir, { recursive: true });
  const config = loadConfig({
    LAKEHOUSE_DATA_DIR: dataDir,
    LAKEHOUSE_ADMIN_KEY: BENCH_ADMIN_KEY,
    LAKEHOUSE_DEMO: 'off',
    LAKEHOUSE_INBOX_WATCH: 'off',
    // Silent by default; BENCH_LOG_LEVEL=error shows what is behind a failed request.
    LAKEHOUSE_LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'silent',
    LAKEHOUSE_MAX_JSON_BODY_BYTES: JSON_BODY_LIMIT,
  });
  const lakehouse = await Lakehouse.create(config, { logger: createLogger(config.logLevel) });
  return {
    lakehouse,
    ctx: createContext(CLI_OPERATOR, 'cli'),
    listen: () => lakehouse.http.listen({ host: '127.0.0.1', port: 0 }),
    stop: () => lakehouse.stop(),
  };
}

/** The app on `dataDir`, listening, for the span of `work`. */
export async function withRowLevelServer<T>(
  dataDir: string,
  work: (app: BenchApp, baseUrl: string) => Promise<T>,
): Promise<T> {
  const app = await createRowLevelApp(dataDir);
  try {
    return await work(app, await app.listen());
  } finally {
    await app.stop();
  }
}

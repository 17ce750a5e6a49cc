import { mkdir } from 'node:fs/promises';
import { Lakehouse } from '../../src/app.js';
import {
  CLI_OPERATOR,
  createContext,
  createLogger,
  loadConfig,
  type LogLevel,
  type RequestContext,
} from '../../src/core/index.js';

/** The admin key the bench app is configured with; HTTP requests send it as a bearer token. */
export const BENCH_ADMIN_KEY = 'bench-admin-key-0123456789';

export interface BenchApp {
  readonly lakehouse: Lakehouse;
  /** An admin context for in-process service calls (what the CLI uses). */
  readonly ctx: RequestContext;
  /** Starts the HTTP server on an ephemeral port of 127.0.0.1; returns its base URL. */
  listen(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The real application on a throwaway data directory, with everything that would compete with
 * the measurement switched off: no demo data, no inbox watcher, no logging.
 */
export async function createBenchApp(dataDir: string): Promise<BenchApp> {
  await mkdir(dataDir, { recursive: true });
  // Silent by default; BENCH_LOG_LEVEL=error shows what is behind a failed request.
  const logLevel = parseLogLevel(process.env['BENCH_LOG_LEVEL'] ?? 'silent');
  const config = loadConfig({
    LAKEHOUSE_DATA_DIR: dataDir,
    LAKEHOUSE_ADMIN_KEY: BENCH_ADMIN_KEY,
    LAKEHOUSE_DEMO: 'off',
    LAKEHOUSE_INBOX_WATCH: 'off',
    LAKEHOUSE_LOG_LEVEL: logLevel,
  });
  const lakehouse = await Lakehouse.create(config, { logger: createLogger(logLevel) });
  return {
    lakehouse,
    ctx: createContext(CLI_OPERATOR, 'cli'),
    listen: () => lakehouse.http.listen({ host: '127.0.0.1', port: 0 }),
    stop: () => lakehouse.stop(),
  };
}

const LOG_LEVELS: readonly string[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

function parseLogLevel(value: string): LogLevel {
  if (LOG_LEVELS.includes(value)) return value as LogLevel;
  throw new Error(`BENCH_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
}

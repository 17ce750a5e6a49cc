import pino from 'pino';
import { Lakehouse } from '../app.js';
import {
  CLI_OPERATOR,
  ConfigError,
  createContext,
  createLogger,
  loadConfig,
  type Config,
  type RequestContext,
} from '../core/index.js';

export interface CliRuntime {
  readonly lakehouse: Lakehouse;
  readonly ctx: RequestContext;
}

/** Loads config, reporting an invalid setting by name. */
export function loadCliConfig(overrides: Partial<Record<keyof Config, unknown>> = {}): Config {
  return loadConfig(undefined, { overrides });
}

/**
 * Opens the server's own data directory for an operator command. The CLI acts as the
 * local operator through the same services (and journal) as every other transport.
 */
export async function withLakehouse<T>(
  work: (runtime: CliRuntime) => Promise<T>,
  dataDir?: string,
): Promise<T> {
  const config = loadCliConfig(dataDir ? { dataDir } : {});
  // Logs go to stderr: a command's stdout is its output (often JSON for scripts).
  const lakehouse = await Lakehouse.create(config, {
    logger: createLogger('warn', pino.destination(2)),
  });
  try {
    printBootstrap(lakehouse);
    return await work({ lakehouse, ctx: createContext(CLI_OPERATOR, 'cli') });
  } finally {
    await lakehouse.stop();
  }
}

export function printBootstrap(lakehouse: Lakehouse): void {
  const key = lakehouse.bootstrap.generatedAdminKey;
  if (key !== undefined) {
    console.error(`First start: generated the admin API key (shown once, store it now):\n  ${key}`);
  }
}

export function describeStartupError(error: unknown): string {
  if (error instanceof ConfigError) return `Invalid configuration: ${error.message}`;
  const err = error as Error;
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.message}${cause}`;
}

import { AppError, type ErrorCode } from '../core/index.js';
import { redact, scrubError } from './redact.js';
import type { SourceTableRef } from './source-catalog.js';
import type { SourceConfig, SourceSystem } from './source-config.js';

const SYSTEM_NAMES: Readonly<Record<SourceSystem, string>> = {
  postgres: 'PostgreSQL',
  mysql: 'MySQL',
};

/** Socket-level failures: the server could not be reached or went away. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** Where a failure happened: while connecting, every failure without a server code is "unreachable". */
export interface FailureContext {
  readonly config: SourceConfig;
  readonly connecting: boolean;
  readonly table?: SourceTableRef;
}

/** `PostgreSQL at db.internal:5432`: how messages name a source (never with credentials). */
export function sourceLabel(config: SourceConfig): string {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `${SYSTEM_NAMES[config.system]} at ${host}:${config.port}`;
}

/**
 * The AppError for a driver failure. The password is removed from the message and from the
 * driver error kept as `cause` (drivers sometimes echo connection strings), so no log line,
 * API response or journal event built from either can contain it.
 */
export function sourceFailure(
  code: ErrorCode,
  context: FailureContext,
  detail: string,
  cause: unknown,
): AppError {
  const secrets = context.config.password.isEmpty ? [] : [context.config.password.reveal()];
  scrubError(cause, secrets);
  const message = redact(`${sourceLabel(context.config)}: ${detail}`, secrets);
  const { system, host, port, database } = context.config;
  const details = { system, host, port, database, ...context.table };
  return new AppError(code, message, { details, cause });
}

export function isNetworkFailure(error: unknown): boolean {
  return NETWORK_CODES.has(String((error as { code?: unknown } | null)?.code));
}

/** A driver error's own words; an AggregateError (one per address tried) lists its parts. */
export function driverMessage(error: unknown): string {
  if (error instanceof AggregateError && error.message === '') {
    return error.errors.map((inner: unknown) => driverMessage(inner)).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** "no answer within 10 s (…)": a timeout in the unit people think of it in. */
export function timeoutDetail(config: SourceConfig, reason: string): string {
  return `no answer within ${config.connectTimeoutMs / 1000} s (${reason})`;
}

function tableLabel(table: SourceTableRef): string {
  return `"${table.schema}"."${table.table}"`;
}

/** The table does not exist or is not visible to this user: the same answer either way. */
export function tableNotFound(context: FailureContext, table: SourceTableRef): AppError {
  return sourceFailure(
    'source_table_not_found',
    { ...context, table },
    `table ${tableLabel(table)} not found`,
    undefined,
  );
}

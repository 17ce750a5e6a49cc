import type { ErrorCode } from '../../core/index.js';
import type { AppError } from '../../core/index.js';
import {
  driverMessage,
  isNetworkFailure,
  sourceFailure,
  timeoutDetail,
  type FailureContext,
} from '../connector-errors.js';

/** SQLSTATEs with a meaning of their own (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
const SQLSTATE_CODES: Readonly<Record<string, ErrorCode>> = {
  '28000': 'source_auth_failed', // invalid_authorization_specification (also: unknown role)
  '28P01': 'source_auth_failed', // invalid_password
  '3D000': 'invalid_source', // invalid_catalog_name: the database does not exist
  '42501': 'source_permission_denied', // insufficient_privilege
  '42P01': 'source_table_not_found', // undefined_table
  '3F000': 'source_table_not_found', // invalid_schema_name
  '53300': 'source_unreachable', // too_many_connections
  '57P03': 'source_unreachable', // cannot_connect_now: starting up or shutting down
};

/** Maps a `pg` failure to an AppError without the password. */
export function pgFailure(error: unknown, context: FailureContext): AppError {
  const sqlState = (error as { code?: unknown } | null)?.code;
  const byState = typeof sqlState === 'string' ? SQLSTATE_CODES[sqlState] : undefined;
  const message = driverMessage(error);
  if (byState !== undefined) return sourceFailure(byState, context, message, error);
  if (typeof sqlState === 'string' && sqlState.startsWith('08')) {
    return sourceFailure('source_unreachable', context, message, error); // connection_exception
  }
  if (context.connecting && /timeout/i.test(message)) {
    return sourceFailure(
      'source_unreachable',
      context,
      timeoutDetail(context.config, message),
      error,
    );
  }
  if (context.connecting || isNetworkFailure(error)) {
    return sourceFailure('source_unreachable', context, message, error);
  }
  return sourceFailure('source_error', context, message, error);
}

import type { AppError, ErrorCode } from '../../core/index.js';
import {
  driverMessage,
  isNetworkFailure,
  sourceFailure,
  timeoutDetail,
  type FailureContext,
} from '../connector-errors.js';

/** Server error codes with a meaning of their own (mysql2 names them as MySQL's headers do). */
const SERVER_CODES: Readonly<Record<string, ErrorCode>> = {
  ER_ACCESS_DENIED_ERROR: 'source_auth_failed', // 1045: wrong user or password
  ER_ACCESS_DENIED_NO_PASSWORD_ERROR: 'source_auth_failed', // 1698
  ER_HOST_NOT_PRIVILEGED: 'source_auth_failed', // 1130: this host may not log in
  ER_NOT_SUPPORTED_AUTH_MODE: 'source_auth_failed', // 1251
  ER_MUST_CHANGE_PASSWORD_LOGIN: 'source_auth_failed', // 1862
  ER_DBACCESS_DENIED_ERROR: 'source_permission_denied', // 1044: no rights on the database
  ER_TABLEACCESS_DENIED_ERROR: 'source_permission_denied', // 1142
  ER_COLUMNACCESS_DENIED_ERROR: 'source_permission_denied', // 1143
  ER_SPECIFIC_ACCESS_DENIED_ERROR: 'source_permission_denied', // 1227
  ER_BAD_DB_ERROR: 'invalid_source', // 1049: the database does not exist
  ER_NO_SUCH_TABLE: 'source_table_not_found', // 1146
  ER_CON_COUNT_ERROR: 'source_unreachable', // 1040: too many connections
  ER_HOST_IS_BLOCKED: 'source_unreachable', // 1129
};

/** Maps a mysql2 failure to an AppError without the password. */
export function mysqlFailure(error: unknown, context: FailureContext): AppError {
  const code = String((error as { code?: unknown } | null)?.code);
  const message = driverMessage(error);
  const byCode = SERVER_CODES[code];
  if (byCode !== undefined) return sourceFailure(byCode, context, message, error);
  if (context.connecting && code === 'ETIMEDOUT') {
    return sourceFailure(
      'source_unreachable',
      context,
      timeoutDetail(context.config, message),
      error,
    );
  }
  if (context.connecting || isNetworkFailure(error) || code.startsWith('PROTOCOL_')) {
    return sourceFailure('source_unreachable', context, message, error);
  }
  return sourceFailure('source_error', context, message, error);
}

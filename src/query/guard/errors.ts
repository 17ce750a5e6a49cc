import { AppError } from '../../core/errors.js';

/** Machine-readable reasons a statement was refused; stable, so clients and audits can match them. */
export type RefusalReason =
  | 'multiple_statements'
  | 'statement_not_allowed'
  | 'show_not_allowed'
  | 'table_not_in_namespace'
  | 'table_function_not_allowed'
  | 'function_not_allowed'
  | 'unrecognised_parse_tree';

/** The guard said no: the statement could escape the caller's namespace or change the server. */
export class QueryRefusedError extends AppError {
  readonly reason: RefusalReason;

  constructor(reason: RefusalReason, message: string) {
    super('query_refused', message, { details: { reason } });
    this.name = 'QueryRefusedError';
    this.reason = reason;
  }
}

/** DuckDB could not parse the text: the caller's mistake, reported with DuckDB's own message. */
export function invalidSql(
  message: string,
  reason: 'syntax_error' | 'no_statement' = 'syntax_error',
): AppError {
  return new AppError('invalid_sql', message, { details: { reason } });
}

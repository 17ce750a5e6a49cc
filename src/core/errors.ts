/**
 * Domain errors. They know nothing about HTTP: each carries a stable code, and the
 * catalogue below is the one place that maps a code to a status.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  invalid_option: 400,
  malformed_file: 400,
  empty_file: 400,
  encoding_error: 400,
  invalid_object_key: 400,
  invalid_name: 400,
  invalid_bucket_name: 400,
  invalid_dataset_name: 400,
  invalid_row_key: 400,
  invalid_predicate: 400,
  invalid_mask: 400,
  role_not_found: 404,
  role_exists: 409,
  role_built_in: 403,
  invalid_sql: 400,
  invalid_rule: 400,
  unauthorized: 401,
  forbidden: 403,
  bucket_protected: 403,
  path_not_allowed: 403,
  query_refused: 403,
  policy_rejected: 403,
  policy_blocked: 403,
  not_found: 404,
  bucket_not_found: 404,
  object_not_found: 404,
  key_not_found: 404,
  job_not_found: 404,
  dataset_not_found: 404,
  snapshot_not_found: 404,
  subject_not_found: 404,
  source_not_found: 404,
  source_table_not_found: 404,
  route_not_found: 404,
  conflict: 409,
  bucket_exists: 409,
  bucket_not_empty: 409,
  last_admin_key: 409,
  dataset_exists: 409,
  tombstone_key_mismatch: 409,
  schema_conflict: 409,
  concurrent_modification: 409,
  duplicate_keys: 409,
  key_tombstoned: 409,
  subject_exists: 409,
  snapshot_expired: 410,
  invalid_value: 400,
  source_auth_failed: 400,
  invalid_source: 400,
  source_permission_denied: 403,
  consent_required: 403,
  audit_write_failed: 500,
  legal_token_not_configured: 503,
  source_unreachable: 502,
  source_error: 502,
  payload_too_large: 413,
  result_too_large: 413,
  pin_too_large: 413,
  dataset_files_missing: 409,
  unsupported_media_type: 415,
  unsupported_format: 415,
  query_timeout: 408,
  query_memory_exceeded: 422,
  too_many_requests: 429,
  internal: 500,
  not_ready: 503,
  shutting_down: 503,
  too_busy: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface AppErrorOptions {
  details?: unknown;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super('validation_failed', message, { details });
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends AppError {
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(code, message, { details });
    this.name = 'NotFoundError';
  }
}

export class UnauthorizedError extends AppError {
  constructor(message: string) {
    super('unauthorized', message);
    this.name = 'UnauthorizedError';
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, details?: unknown, code: ErrorCode = 'forbidden') {
    super(code, message, { details });
    this.name = 'ForbiddenError';
  }
}

export class ConflictError extends AppError {
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(code, message, { details });
    this.name = 'ConflictError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

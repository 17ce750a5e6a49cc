import { AppError } from '../../core/errors.js';
import type { RateDecision } from './types.js';

/** 429 with `retry_after_s`, which the HTTP layer turns into a Retry-After header. */
export class RateLimitedError extends AppError {
  constructor(decision: Pick<RateDecision, 'retryAfterSeconds' | 'limit'>) {
    super(
      'too_many_requests',
      `rate limit of ${decision.limit} requests per minute exceeded; retry in ${decision.retryAfterSeconds} s`,
      { details: { retry_after_s: decision.retryAfterSeconds, limit: decision.limit } },
    );
    this.name = 'RateLimitedError';
  }
}

/** For callers that only need "go on or fail": throws RateLimitedError when not allowed. */
export function throwIfLimited(decision: RateDecision): void {
  if (!decision.allowed) throw new RateLimitedError(decision);
}

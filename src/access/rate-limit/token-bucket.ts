import { AppError } from '../../core/errors.js';
import type { RateDecision, RateLimitPolicy } from './types.js';

/**
 * A token bucket as a value: pure functions from (state, policy, now) to the next state, so the
 * accounting is testable without a clock. Tokens refill continuously at rpm/60 per second up
 * to the capacity (the burst); each allowed request spends one whole token.
 */
export interface BucketState {
  readonly tokens: number;
  /** When `tokens` was last brought up to date, in milliseconds. */
  readonly refilledAt: number;
}

const MS_PER_MINUTE = 60_000;
/**
 * Refill is floating-point arithmetic, so a caller spaced exactly at the sustained rate can
 * arrive with 0.9999999999 tokens. Counting that as a whole token keeps the limiter fair; the
 * sliver overspent is carried as debt (tokens may dip to -TOKEN_EPSILON), so no window ever
 * admits more than burst + rpm whole requests.
 */
const TOKEN_EPSILON = 1e-9;

export function capacityOf(policy: RateLimitPolicy): number {
  return policy.burst ?? policy.requestsPerMinute;
}

export function isUnlimited(policy: RateLimitPolicy): boolean {
  return policy.requestsPerMinute === Infinity;
}

/** A bad policy is a configuration bug: fail loudly rather than allow or refuse everything. */
export function checkPolicy(policy: RateLimitPolicy): void {
  const { requestsPerMinute: rpm, burst } = policy;
  if (!(rpm > 0)) {
    throw new AppError('invalid_option', `requestsPerMinute must be positive, got ${rpm}`);
  }
  if (burst !== undefined && !(burst >= 1 && Number.isFinite(burst))) {
    throw new AppError('invalid_option', `burst must be a finite number >= 1, got ${burst}`);
  }
}

export function fullBucket(policy: RateLimitPolicy, now: number): BucketState {
  return { tokens: capacityOf(policy), refilledAt: now };
}

/** A clock that steps backwards adds nothing and does not move refilledAt back. */
export function refill(state: BucketState, policy: RateLimitPolicy, now: number): BucketState {
  const elapsedMs = Math.max(0, now - state.refilledAt);
  const earned = (elapsedMs * policy.requestsPerMinute) / MS_PER_MINUTE;
  return {
    tokens: Math.min(capacityOf(policy), state.tokens + earned),
    refilledAt: Math.max(state.refilledAt, now),
  };
}

export function takeToken(
  state: BucketState,
  policy: RateLimitPolicy,
  now: number,
): { readonly state: BucketState; readonly decision: RateDecision } {
  const current = refill(state, policy, now);
  const limit = policy.requestsPerMinute;
  if (current.tokens >= 1 - TOKEN_EPSILON) {
    const next = { ...current, tokens: current.tokens - 1 };
    const remaining = Math.max(0, Math.floor(next.tokens + TOKEN_EPSILON));
    return { state: next, decision: { allowed: true, remaining, retryAfterSeconds: 0, limit } };
  }
  const waitMs = ((1 - current.tokens) * MS_PER_MINUTE) / limit;
  // Whole seconds (Retry-After has no fractions), rounded up so retrying on time succeeds.
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  return { state: current, decision: { allowed: false, remaining: 0, retryAfterSeconds, limit } };
}

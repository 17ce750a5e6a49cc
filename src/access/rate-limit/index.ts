/** Per-key rate limits: token buckets refilled continuously, bounded in memory by LRU eviction. */
export type { RateDecision, RateLimitPolicy } from './types.js';
export { RateLimiter, DEFAULT_MAX_KEYS, type RateLimiterOptions } from './rate-limiter.js';
export { policyForRoles, UNLIMITED_RATE } from './roles.js';
export { RateLimitedError, throwIfLimited } from './errors.js';

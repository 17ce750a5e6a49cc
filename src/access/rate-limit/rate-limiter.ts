import { AppError } from '../../core/errors.js';
import {
  type BucketState,
  checkPolicy,
  fullBucket,
  isUnlimited,
  takeToken,
} from './token-bucket.js';
import type { RateDecision, RateLimitPolicy } from './types.js';

export const DEFAULT_MAX_KEYS = 100_000;

export interface RateLimiterOptions {
  /** Milliseconds; injectable so tests control time. Defaults to a monotonic clock. */
  readonly now?: () => number;
  /** Most buckets kept; beyond it the least recently used are forgotten. */
  readonly maxKeys?: number;
}

/**
 * One token bucket per key, in memory (per process). Memory is bounded by evicting the least
 * recently used bucket: forgetting a bucket resets it to full, and an idle bucket has usually
 * refilled to full anyway, so LRU eviction costs (almost) nothing in accuracy.
 */
export class RateLimiter {
  readonly #now: () => number;
  readonly #maxKeys: number;
  /** A Map iterates in insertion order; re-inserting on use keeps the LRU key first. */
  readonly #buckets = new Map<string, BucketState>();

  constructor(options: RateLimiterOptions = {}) {
    // performance.now() rather than Date.now(): wall-clock jumps must not refill or drain buckets.
    this.#now = options.now ?? (() => performance.now());
    this.#maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
    if (!Number.isSafeInteger(this.#maxKeys) || this.#maxKeys < 1) {
      throw new AppError(
        'invalid_option',
        `maxKeys must be a positive integer, got ${this.#maxKeys}`,
      );
    }
  }

  /** How many keys currently have a bucket. */
  get size(): number {
    return this.#buckets.size;
  }

  take(key: string, policy: RateLimitPolicy): RateDecision {
    checkPolicy(policy);
    if (isUnlimited(policy)) return unlimitedDecision();
    const now = this.#now();
    const previous = this.#buckets.get(key) ?? fullBucket(policy, now);
    const { state, decision } = takeToken(previous, policy, now);
    this.#buckets.delete(key);
    this.#buckets.set(key, state);
    this.#evictBeyondBound();
    return decision;
  }

  #evictBeyondBound(): void {
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= this.#maxKeys) return;
      this.#buckets.delete(key);
    }
  }
}

function unlimitedDecision(): RateDecision {
  return { allowed: true, remaining: Infinity, retryAfterSeconds: 0, limit: Infinity };
}

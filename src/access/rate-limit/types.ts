/** Per-key request rate limits: a token bucket per API key (or principal). */

export interface RateLimitPolicy {
  /** Sustained rate; Infinity means unlimited. Must be positive. */
  readonly requestsPerMinute: number;
  /** How many requests may arrive at once after a quiet spell; defaults to requestsPerMinute. */
  readonly burst?: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** Whole requests that could still be made right now (Infinity when unlimited). */
  readonly remaining: number;
  /** Seconds until the next request would be allowed; 0 when this one was. */
  readonly retryAfterSeconds: number;
  /** The policy's requests per minute, as reported to the caller. */
  readonly limit: number;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/access/rate-limit/index.js';

const WINDOW_MS = 60_000;

const policy = fc.record({
  requestsPerMinute: fc.integer({ min: 1, max: 120 }),
  burst: fc.integer({ min: 1, max: 40 }),
});
/** Gaps between calls: often simultaneous, often sub-second, sometimes long. */
const gapMs = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 50 }),
  fc.integer({ min: 1, max: 1_000 }),
  fc.integer({ min: 1_000, max: 90_000 }),
  fc.double({ min: 0, max: 5_000, noNaN: true }),
);
const calls = fc.array(fc.tuple(gapMs, fc.constantFrom('a', 'b', 'c')), { maxLength: 400 });

/** Runs the calls and returns, per key, the times at which a request was allowed. */
function allowedTimes(
  steps: readonly (readonly [number, string])[],
  limits: { requestsPerMinute: number; burst: number },
): Map<string, number[]> {
  let now = 0;
  const limiter = new RateLimiter({ now: () => now });
  const allowed = new Map<string, number[]>();
  for (const [gap, key] of steps) {
    now += gap;
    const decision = limiter.take(key, limits);
    expect(decision.remaining).toBeGreaterThanOrEqual(0);
    expect(decision.remaining).toBeLessThan(limits.burst);
    if (decision.allowed) allowed.set(key, [...(allowed.get(key) ?? []), now]);
  }
  return allowed;
}

/** The largest number of times that fall within any closed 60-second window. */
function busiestWindow(times: readonly number[]): number {
  let busiest = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while ((times[end] as number) - (times[start] as number) > WINDOW_MS) start += 1;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}

describe('rate limiter properties', () => {
  it('never allows more than burst + rpm per key in any 60-second window', () => {
    fc.assert(
      fc.property(calls, policy, (steps, limits) => {
        for (const times of allowedTimes(steps, limits).values()) {
          expect(busiestWindow(times)).toBeLessThanOrEqual(limits.burst + limits.requestsPerMinute);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('allows a request made exactly when the retry hint says', () => {
    fc.assert(
      fc.property(calls, policy, (steps, limits) => {
        let now = 0;
        const limiter = new RateLimiter({ now: () => now });
        for (const [gap, key] of steps) {
          now += gap;
          limiter.take(key, limits);
        }
        const refused = limiter.take('a', limits);
        if (refused.allowed) return;
        now += refused.retryAfterSeconds * 1000;
        expect(limiter.take('a', limits).allowed).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('allows everything when the calls are spaced at the sustained rate', () => {
    fc.assert(
      fc.property(policy, fc.integer({ min: 1, max: 200 }), (limits, count) => {
        let now = 0;
        const limiter = new RateLimiter({ now: () => now });
        const spacingMs = WINDOW_MS / limits.requestsPerMinute;
        for (let i = 0; i < count; i += 1) {
          expect(limiter.take('k', limits).allowed).toBe(true);
          now += spacingMs;
        }
      }),
    );
  });
});

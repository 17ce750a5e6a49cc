import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_KEYS,
  RateLimiter,
  type RateLimitPolicy,
} from '../../../src/access/rate-limit/index.js';
import { AppError } from '../../../src/core/errors.js';

/** A limiter on a clock the test moves by hand. */
function limiterAt(start = 0, maxKeys?: number) {
  let now = start;
  const limiter = new RateLimiter({ now: () => now, ...(maxKeys ? { maxKeys } : {}) });
  return {
    limiter,
    advance: (ms: number) => {
      now += ms;
    },
    setTime: (ms: number) => {
      now = ms;
    },
  };
}

const ONE_PER_SECOND: RateLimitPolicy = { requestsPerMinute: 60, burst: 3 };

describe('RateLimiter token accounting', () => {
  it('allows the burst, then refuses with the time until the next token', () => {
    const { limiter } = limiterAt();
    const decisions = Array.from({ length: 4 }, () => limiter.take('k', ONE_PER_SECOND));
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(decisions[0]).toMatchObject({ retryAfterSeconds: 0, limit: 60 });
    expect(decisions[3]).toMatchObject({ retryAfterSeconds: 1, limit: 60 });
  });

  it('defaults the burst to requests per minute', () => {
    const { limiter } = limiterAt();
    const allowed = Array.from({ length: 10 }, () => limiter.take('k', { requestsPerMinute: 6 }));
    expect(allowed.filter((d) => d.allowed)).toHaveLength(6);
    expect(allowed[6]).toMatchObject({ allowed: false, retryAfterSeconds: 10, limit: 6 });
  });

  it('counts the retry hint down as time passes, and recovers exactly on time', () => {
    const { limiter, advance } = limiterAt();
    const slow = { requestsPerMinute: 6, burst: 1 }; // one token every 10 s
    expect(limiter.take('k', slow).allowed).toBe(true);
    advance(4_000);
    expect(limiter.take('k', slow)).toMatchObject({ allowed: false, retryAfterSeconds: 6 });
    advance(5_999);
    expect(limiter.take('k', slow)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    advance(1);
    expect(limiter.take('k', slow)).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.take('k', slow)).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
  });

  it('refills partially and continuously', () => {
    const { limiter, advance } = limiterAt();
    const policy = { requestsPerMinute: 60, burst: 5 };
    for (let i = 0; i < 5; i += 1) limiter.take('k', policy);
    advance(2_500); // 2.5 tokens
    expect(limiter.take('k', policy)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limiter.take('k', policy)).toMatchObject({ allowed: true, remaining: 0 });
    // 0.5 tokens left: the next whole one is 500 ms away, reported as 1 s.
    expect(limiter.take('k', policy)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    advance(499);
    expect(limiter.take('k', policy).allowed).toBe(false);
    advance(1);
    expect(limiter.take('k', policy).allowed).toBe(true);
  });

  it('gives a saturating client exactly burst + rpm in the first minute', () => {
    const { limiter, advance } = limiterAt();
    const policy = { requestsPerMinute: 120, burst: 10 };
    let allowed = 0;
    for (let t = 0; t <= 60_000; t += 10) {
      if (limiter.take('k', policy).allowed) allowed += 1;
      advance(10);
    }
    expect(allowed).toBe(10 + 120);
  });

  it('refuses without spending: a refused request does not push recovery back', () => {
    const { limiter, advance } = limiterAt();
    const policy = { requestsPerMinute: 60, burst: 1 };
    limiter.take('k', policy);
    for (let i = 0; i < 50; i += 1) limiter.take('k', policy);
    advance(1_000);
    expect(limiter.take('k', policy).allowed).toBe(true);
  });

  it('never refills beyond the burst', () => {
    const { limiter, advance } = limiterAt();
    limiter.take('k', ONE_PER_SECOND);
    advance(3_600_000);
    const decisions = Array.from({ length: 4 }, () => limiter.take('k', ONE_PER_SECOND));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
  });

  it('supports fractional rates', () => {
    const { limiter, advance } = limiterAt();
    const policy = { requestsPerMinute: 0.5, burst: 1 }; // one every two minutes
    expect(limiter.take('k', policy).allowed).toBe(true);
    expect(limiter.take('k', policy)).toMatchObject({ allowed: false, retryAfterSeconds: 120 });
    advance(120_000);
    expect(limiter.take('k', policy).allowed).toBe(true);
  });

  it('keeps buckets per key', () => {
    const { limiter } = limiterAt();
    const policy = { requestsPerMinute: 60, burst: 1 };
    expect(limiter.take('alice', policy).allowed).toBe(true);
    expect(limiter.take('alice', policy).allowed).toBe(false);
    expect(limiter.take('bob', policy).allowed).toBe(true);
    expect(limiter.take('__proto__', policy).allowed).toBe(true);
    expect(limiter.take('__proto__', policy).allowed).toBe(false);
  });

  it('never limits an unlimited policy, and keeps no bucket for it', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 10_000; i += 1) {
      expect(limiter.take('admin', { requestsPerMinute: Infinity, burst: 1 })).toEqual({
        allowed: true,
        remaining: Infinity,
        retryAfterSeconds: 0,
        limit: Infinity,
      });
    }
    expect(limiter.size).toBe(0);
  });

  it('does not refill when the clock steps backwards', () => {
    const { limiter, setTime } = limiterAt(100_000);
    const policy = { requestsPerMinute: 60, burst: 1 };
    limiter.take('k', policy);
    setTime(40_000);
    expect(limiter.take('k', policy).allowed).toBe(false);
    setTime(100_999);
    expect(limiter.take('k', policy).allowed).toBe(false);
    setTime(101_000);
    expect(limiter.take('k', policy).allowed).toBe(true);
  });

  it('applies a lowered burst to an existing bucket at once', () => {
    const { limiter } = limiterAt();
    limiter.take('k', { requestsPerMinute: 60, burst: 10 });
    expect(limiter.take('k', { requestsPerMinute: 60, burst: 2 })).toMatchObject({
      allowed: true,
      remaining: 1,
    });
  });

  it.each<[string, RateLimitPolicy]>([
    ['zero rpm', { requestsPerMinute: 0 }],
    ['negative rpm', { requestsPerMinute: -5 }],
    ['NaN rpm', { requestsPerMinute: Number.NaN }],
    ['a burst below one', { requestsPerMinute: 60, burst: 0.5 }],
    ['an infinite burst', { requestsPerMinute: 60, burst: Infinity }],
  ])('refuses a policy with %s as a configuration error', (_label, policy) => {
    const { limiter } = limiterAt();
    expect(() => limiter.take('k', policy)).toThrow(
      expect.objectContaining({ code: 'invalid_option' }),
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxKeys %s', (maxKeys) => {
    expect(() => new RateLimiter({ maxKeys })).toThrow(AppError);
  });

  it('works on the default clock', () => {
    const limiter = new RateLimiter({});
    expect(limiter.take('k', { requestsPerMinute: 1 }).allowed).toBe(true);
    expect(limiter.take('k', { requestsPerMinute: 1 })).toMatchObject({
      allowed: false,
      retryAfterSeconds: 60,
    });
  });
});

describe('RateLimiter memory bound', () => {
  const policy = { requestsPerMinute: 60, burst: 1 };

  it('defaults to 100 000 keys', () => {
    expect(DEFAULT_MAX_KEYS).toBe(100_000);
  });

  it('evicts the least recently used bucket beyond maxKeys', () => {
    const { limiter } = limiterAt(0, 3);
    for (const key of ['a', 'b', 'c']) limiter.take(key, policy);
    limiter.take('a', policy); // a is now the most recently used; b the least
    limiter.take('d', policy);
    expect(limiter.size).toBe(3);
    // a, c and d still remember their spent token; b was forgotten and starts full again.
    expect(limiter.take('a', policy).allowed).toBe(false);
    expect(limiter.take('c', policy).allowed).toBe(false);
    expect(limiter.take('d', policy).allowed).toBe(false);
    expect(limiter.take('b', policy).allowed).toBe(true);
    expect(limiter.size).toBe(3);
  });

  it('stays bounded under many distinct keys', () => {
    const { limiter } = limiterAt(0, 100);
    for (let i = 0; i < 10_000; i += 1) limiter.take(`key-${i}`, policy);
    expect(limiter.size).toBe(100);
    expect(limiter.take('key-9999', policy).allowed).toBe(false);
    expect(limiter.take('key-0', policy).allowed).toBe(true);
  });
});

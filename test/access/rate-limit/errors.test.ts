import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  RateLimitedError,
  RateLimiter,
  throwIfLimited,
} from '../../../src/access/rate-limit/index.js';
import { AppError } from '../../../src/core/errors.js';
import { installErrorHandler } from '../../../src/http/error-handler.js';

describe('RateLimitedError', () => {
  it('is a 429 too_many_requests AppError carrying retry_after_s and limit', () => {
    const error = new RateLimitedError({ retryAfterSeconds: 7, limit: 30 });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('too_many_requests');
    expect(error.status).toBe(429);
    expect(error.details).toEqual({ retry_after_s: 7, limit: 30 });
    expect(error.message).toContain('30 requests per minute');
  });

  it('is thrown by throwIfLimited only for refused decisions', () => {
    const limiter = new RateLimiter({ now: () => 0 });
    const policy = { requestsPerMinute: 6, burst: 1 };
    expect(() => throwIfLimited(limiter.take('k', policy))).not.toThrow();
    expect(() => throwIfLimited(limiter.take('k', policy))).toThrow(RateLimitedError);
  });

  it('becomes a 429 with a Retry-After header over HTTP', async () => {
    const app = Fastify();
    installErrorHandler(app);
    app.get('/limited', () => {
      throw new RateLimitedError({ retryAfterSeconds: 12, limit: 60 });
    });
    const response = await app.inject({ method: 'GET', url: '/limited' });
    await app.close();
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('12');
    expect(response.json()).toMatchObject({ error: { code: 'too_many_requests' } });
  });
});

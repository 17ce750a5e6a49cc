import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({
    env: { LAKEHOUSE_RATE_LIMITS: 'admin=0,agent=120', LAKEHOUSE_RATE_LIMIT_DEFAULT: '600' },
  });
});
afterAll(async () => app.close());

describe('per-key rate limits', () => {
  it('answers 429 with Retry-After past the budget, then recovers; other keys are unaffected', async () => {
    const agent = (
      await app.request({
        method: 'POST',
        url: '/access/keys',
        body: { name: 'bot', kind: 'agent', roles: ['agent'] },
      })
    ).json().key;
    const statuses: number[] = [];
    for (let i = 0; i < 125; i += 1)
      statuses.push((await app.request({ method: 'GET', url: '/ready', key: agent })).statusCode);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(120);
    const limited = await app.request({ method: 'GET', url: '/ready', key: agent });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('too_many_requests');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await app.request({ method: 'GET', url: '/ready' })).statusCode).toBe(200); // admin: unlimited
    await new Promise((resolve) => setTimeout(resolve, 1100)); // 2 tokens a second
    expect((await app.request({ method: 'GET', url: '/ready', key: agent })).statusCode).toBe(200);
  });
});

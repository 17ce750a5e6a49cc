import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
// A query that keeps DuckDB busy for many seconds on 2 cores.
const HEAVY = 'SELECT sum(a.range * b.range) FROM range(200000) a, range(200000) b';

beforeAll(async () => {
  app = await startTestApp({
    env: {
      LAKEHOUSE_QUERY_TIMEOUT_MS: '700',
      LAKEHOUSE_QUERY_CONCURRENCY: '2',
      LAKEHOUSE_QUERY_QUEUE_MS: '1500',
    },
  });
});
afterAll(async () => app.close());

describe('query limits', () => {
  it('interrupts a query over the timeout and reports it', async () => {
    const started = Date.now();
    const response = await app.request({ method: 'POST', url: '/query/sql', body: { sql: HEAVY } });
    expect(response.statusCode).toBe(408);
    expect(response.json().error).toMatchObject({ code: 'query_timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
    const log = (await app.request({ method: 'GET', url: '/query/log?limit=5' })).json().queries;
    expect(log[0]).toMatchObject({ sql: HEAVY, status: 'timeout', error_code: 'query_timeout' });
  });

  it('survives 20 concurrent heavy queries: some wait, the rest are turned away, /health keeps answering', async () => {
    const queries = Array.from({ length: 20 }, () =>
      app.request({ method: 'POST', url: '/query/sql', body: { sql: HEAVY } }),
    );
    const healthLatencies: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = Date.now();
      const health = await app.request({ method: 'GET', url: '/health', key: null });
      expect(health.statusCode).toBe(200);
      healthLatencies.push(Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const statuses = (await Promise.all(queries)).map((r) => r.statusCode);
    expect(statuses.every((s) => s === 408 || s === 503)).toBe(true);
    expect(statuses.filter((s) => s === 408).length).toBeGreaterThanOrEqual(2);
    expect(statuses).toContain(503);
    expect(Math.max(...healthLatencies)).toBeLessThan(1000);
    const busy = (
      await Promise.all([
        app.request({ method: 'POST', url: '/query/sql', body: { sql: 'SELECT 1' } }),
      ])
    )[0]!;
    expect(busy.statusCode).toBe(200); // recovered
  });

  it('says when it is too busy, with Retry-After', async () => {
    const flood = Array.from({ length: 12 }, () =>
      app.request({ method: 'POST', url: '/query/sql', body: { sql: HEAVY } }),
    );
    const responses = await Promise.all(flood);
    const rejected = responses.find((r) => r.statusCode === 503)!;
    expect(rejected.json().error.code).toBe('too_busy');
    expect(Number(rejected.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('engine memory limit', () => {
  it('refuses a query that needs more memory than allowed, and keeps serving', async () => {
    const small = await startTestApp({ env: { LAKEHOUSE_ENGINE_MEMORY_LIMIT: '64MB' } });
    try {
      const response = await small.request({
        method: 'POST',
        url: '/query/sql',
        body: { sql: 'SELECT list(range) FROM range(60000000)' },
      });
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().error.code).toBe('query_memory_exceeded');
      const after = await small.request({
        method: 'POST',
        url: '/query/sql',
        body: { sql: 'SELECT 1 AS ok' },
      });
      expect(after.json().rows).toEqual([[1]]);
    } finally {
      await small.close();
    }
  });
});

describe('streamed results', () => {
  it('are interrupted at the timeout too, and hold a concurrency slot while they run', async () => {
    const response = await app.request({
      method: 'POST',
      url: '/query/sql',
      body: { sql: HEAVY, format: 'csv' },
    });
    expect(response.statusCode).toBe(408);
    expect(response.json().error.code).toBe('query_timeout');
  });
});

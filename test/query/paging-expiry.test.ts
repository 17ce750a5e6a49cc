import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

const clock = fixedClock('2026-06-01T00:00:00.000Z');
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({
    clock,
    env: { LAKEHOUSE_PAGED_TTL_MS: '60000', LAKEHOUSE_PAGED_RESULTS: '2' },
  });
});
afterAll(async () => app.close());

const paged = async (sql: string) =>
  (await app.request({ method: 'POST', url: '/query/paged', body: { sql, page_size: 10 } })).json()
    .query_id as string;
const page = (id: string, n = 1, key?: string) =>
  app.request({ method: 'GET', url: `/query/page/${id}/${n}?size=10`, ...(key && { key }) });

describe('paged result store', () => {
  it('expires results after their time to live', async () => {
    const id = await paged('SELECT * FROM range(100)');
    expect((await page(id)).statusCode).toBe(200);
    clock.set('2026-06-01T00:02:00.000Z');
    const expired = await page(id);
    expect(expired.statusCode).toBe(404);
    expect(expired.json().error.message).toContain('expired');
  });

  it('evicts the least recently used beyond its count limit', async () => {
    const first = await paged('SELECT 1');
    const second = await paged('SELECT 2');
    expect((await page(first)).statusCode).toBe(200); // first is now the most recent
    await paged('SELECT 3');
    expect((await page(second)).statusCode).toBe(404);
    expect((await page(first)).statusCode).toBe(200);
  });

  it('serves a result only to the caller who ran it', async () => {
    const id = await paged('SELECT 42');
    const other = (
      await app.request({
        method: 'POST',
        url: '/access/keys',
        body: { name: 'other', roles: ['admin'] },
      })
    ).json().key;
    expect((await page(id, 1, other)).statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;

const query = async (sql: string) =>
  (await app.request({ method: 'POST', url: '/query/sql', body: { sql } })).json();
const pin = (dataset: string) =>
  app.request({ method: 'POST', url: '/query/cache/pin', body: { dataset } });
const stats = async () => (await app.request({ method: 'GET', url: '/query/cache/stats' })).json();

beforeAll(async () => {
  app = await startTestApp({ env: { LAKEHOUSE_DEMO: 'on', LAKEHOUSE_PIN_BUDGET_BYTES: '8MiB' } });
  await app.lakehouse.loadDemoIfFresh();
}, 120_000);
afterAll(async () => app.close());

describe('hot dataset cache', () => {
  it('pins a dataset and answers the same from memory', async () => {
    const sql = 'SELECT state, count(*), sum(hourly_rate) FROM candidates GROUP BY 1 ORDER BY 1';
    const cold = await query(sql);
    const response = await pin('candidates');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ dataset: 'candidates', rows: 5000 });
    expect(response.json().bytes).toBeGreaterThan(0);
    expect((await stats()).pins.map((p: { dataset: string }) => p.dataset)).toEqual(['candidates']);
    expect((await query(sql)).rows).toEqual(cold.rows);
  });

  it('never serves a stale snapshot: an append is visible at once, then the pin reloads', async () => {
    const before = Number((await query('SELECT count(*) FROM candidates')).rows[0][0]);
    const csv = 'candidate_id,first_name,state\nCAND-999999,Zed,CO\n';
    const appended = await app.request({
      method: 'POST',
      url: '/ingest/file?dataset=candidates&mode=append&filename=one.csv',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(appended.statusCode, appended.body).toBe(201);
    expect(Number((await query('SELECT count(*) FROM candidates')).rows[0][0])).toBe(before + 1);
    const snapshot = appended.json().snapshot_id;
    for (let i = 0; i < 50 && (await stats()).pins[0]?.snapshot_id !== snapshot; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await stats()).pins[0].snapshot_id).toBe(snapshot);
    expect(Number((await query('SELECT count(*) FROM candidates')).rows[0][0])).toBe(before + 1);
  });

  it('keeps within the budget, evicting the least recently used', async () => {
    expect((await pin('placements')).statusCode).toBe(200);
    expect((await pin('timesheets')).statusCode).toBe(200);
    const current = await stats();
    expect(current.used_bytes).toBeLessThanOrEqual(current.budget_bytes);
    // candidates (~5.4 MB) and placements (~3.7 MB) do not fit in 8 MiB together: the least
    // recently used (candidates) goes; placements and timesheets (~2.6 MB) fit.
    expect(current.pins.map((p: { dataset: string }) => p.dataset).sort()).toEqual([
      'placements',
      'timesheets',
    ]);
  });

  it('evicts on request, and refuses unknown datasets', async () => {
    const evicted = await app.request({ method: 'POST', url: '/query/cache/evict', body: {} });
    expect(evicted.statusCode).toBe(200);
    expect((await stats()).pins).toEqual([]);
    expect((await pin('nope')).statusCode).toBe(404);
  });
});

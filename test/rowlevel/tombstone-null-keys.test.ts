import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
const ids = async () =>
  (
    await app.request({
      method: 'POST',
      url: '/query/sql',
      body: { sql: 'SELECT visit_id FROM visits ORDER BY visit_id' },
    })
  ).json().rows as unknown[][];

beforeAll(async () => {
  app = await startTestApp();
  const created = await app.request({
    method: 'POST',
    url: '/ingest/file?dataset=visits&format=csv&key=visit_id',
    body: 'visit_id,person_id\nV1,P1\nV2,\nV3,P2\nV4,P1',
    headers: { 'content-type': 'text/csv' },
  });
  expect(created.statusCode, created.body).toBe(201);
});
afterAll(async () => {
  await app.close();
});

describe('tombstones by a column that has NULLs', () => {
  it('hide only the matching rows: a row without a key stays visible, and survives compaction', async () => {
    const tombstoned = await app.request({
      method: 'POST',
      url: '/catalog/datasets/visits/tombstones',
      body: { key_column: 'person_id', values: ['P1'], reason: 'erasure' },
    });
    expect(tombstoned.statusCode, tombstoned.body).toBe(200);
    expect(await ids()).toEqual([['V2'], ['V3']]);
    expect(
      (await app.request({ method: 'GET', url: '/catalog/datasets/visits' })).json().row_count,
    ).toBe(2);
    const compacted = await app.request({
      method: 'POST',
      url: '/catalog/datasets/visits/compact',
    });
    expect(compacted.json()).toMatchObject({ rows_before: 4, rows_after: 2, rows_dropped: 2 });
    expect(await ids()).toEqual([['V2'], ['V3']]);
  });
});

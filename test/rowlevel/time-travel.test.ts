import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
const clock = fixedClock('2026-03-01T10:00:00.000Z');

const ingest = (dataset: string, mode: string, csv: string, extra = '') =>
  app.request({
    method: 'POST',
    url: `/ingest/file?dataset=${dataset}&mode=${mode}&format=csv${extra}`,
    body: csv,
    headers: { 'content-type': 'text/csv' },
  });
const sql = (body: Record<string, unknown>) =>
  app.request({ method: 'POST', url: '/query/sql', body });
const rows = async (body: Record<string, unknown>) => {
  const response = await sql(body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().rows as unknown[][];
};
const snapshotIds = async (name: string) =>
  (
    (await app.request({ method: 'GET', url: `/catalog/datasets/${name}/snapshots` })).json()
      .snapshots as { id: string; operation: string }[]
  ).map((s) => s.id);

let created: string;
beforeAll(async () => {
  app = await startTestApp({ clock });
  const csv = 'id,name,city\n1,Ada,Oslo\n2,Bob,Rome\n3,Cy,Lima';
  expect((await ingest('people', 'create', csv, '&key=id')).statusCode).toBe(201);
  [created] = await snapshotIds('people');
  clock.set('2026-03-02T10:00:00.000Z');
  const upsert = await app.request({
    method: 'POST',
    url: '/catalog/datasets/people/rows',
    body: {
      rows: [
        { id: 1, name: 'Ada L.', city: 'Paris' },
        { id: 4, name: 'Dee', city: 'Kyiv' },
      ],
    },
  });
  expect(upsert.statusCode, upsert.body).toBe(200);
  clock.set('2026-03-03T10:00:00.000Z');
  expect((await ingest('later', 'create', 'x\n1')).statusCode).toBe(201);
  await app.request({
    method: 'POST',
    url: '/catalog/views',
    body: { name: 'people_safe', dataset: 'people', columns: ['id', 'city'] },
  });
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe('time travel (as_of)', () => {
  it('reads the state at a snapshot id, and at a timestamp', async () => {
    const original = [
      ['1', 'Ada', 'Oslo'],
      ['2', 'Bob', 'Rome'],
      ['3', 'Cy', 'Lima'],
    ];
    const query = 'SELECT id, name, city FROM people ORDER BY id';
    const snapshots = (
      await app.request({ method: 'GET', url: '/catalog/datasets/people/snapshots' })
    ).json().snapshots;
    expect(snapshots.map((s: { created_at: string }) => s.created_at)).toEqual([
      '2026-03-02T10:00:00.000Z',
      '2026-03-01T10:00:00.000Z',
    ]);
    expect(await rows({ sql: query, as_of: created })).toEqual(original);
    expect(await rows({ sql: query, as_of: '2026-03-01T12:00:00Z' })).toEqual(original);
    expect(await rows({ sql: query, as_of: '2026-03-01 12:00' })).toEqual(original);
    expect(await rows({ sql: query, as_of: '2026-03-02T11:00:00+02:00' })).toEqual(original);
    expect(await rows({ sql: query, as_of: '2026-03-02T10:00:00Z' })).toEqual([
      ['1', 'Ada L.', 'Paris'],
      ['2', 'Bob', 'Rome'],
      ['3', 'Cy', 'Lima'],
      ['4', 'Dee', 'Kyiv'],
    ]);
    expect(await rows({ sql: query })).toHaveLength(4);
  });

  it('applies to views, paging and streamed formats alike', async () => {
    expect(await rows({ sql: 'SELECT city FROM people_safe ORDER BY id', as_of: created })).toEqual(
      [['Oslo'], ['Rome'], ['Lima']],
    );
    const paged = await app.request({
      method: 'POST',
      url: '/query/paged',
      body: { sql: 'SELECT * FROM people', page_size: 10, as_of: created },
    });
    expect(paged.json().total_rows).toBe(3);
    const csv = await sql({
      sql: 'SELECT name FROM people ORDER BY id',
      format: 'csv',
      as_of: created,
    });
    expect(csv.body.trim().split(/\r?\n/)).toEqual(['name', 'Ada', 'Bob', 'Cy']);
  });

  it('datasets that did not exist yet are absent; bad or unknown points are clear errors', async () => {
    const missing = await sql({ sql: 'SELECT * FROM later', as_of: created });
    expect(missing.statusCode).toBe(403);
    expect(
      await rows({ sql: 'SELECT count(*) FROM later', as_of: '2026-03-04T00:00:00Z' }),
    ).toEqual([['1']]);
    const before = await sql({ sql: 'SELECT * FROM people', as_of: '2020-01-01' });
    expect(before.statusCode).toBe(403);
    const bad = await sql({ sql: 'SELECT 1', as_of: 'last tuesday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const unknown = await sql({ sql: 'SELECT 1', as_of: '01890000-0000-7000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('snapshot_not_found');
  });

  it('a snapshot of a dataset the caller may not read is answered as unknown', async () => {
    const key = await app.request({
      method: 'POST',
      url: '/access/keys',
      body: { name: 'agent', roles: ['agent'] },
    });
    expect(key.statusCode, key.body).toBe(201);
    const response = await app.request({
      method: 'POST',
      url: '/query/sql',
      key: key.json().key,
      body: { sql: 'SELECT 1', as_of: created },
    });
    expect(response.statusCode).toBe(404);
  });

  it('erased rows are gone from every snapshot: hidden while tombstoned, absent after compaction', async () => {
    const tombstone = await app.request({
      method: 'POST',
      url: '/catalog/datasets/people/tombstones',
      body: { key_column: 'id', values: ['2'], reason: 'erasure' },
    });
    expect(tombstone.statusCode).toBe(200);
    const past = 'SELECT id FROM people ORDER BY id';
    expect(await rows({ sql: past, as_of: created })).toEqual([['1'], ['3']]);
    clock.set('2026-03-05T10:00:00.000Z');
    const compact = await app.request({ method: 'POST', url: '/catalog/datasets/people/compact' });
    expect(compact.statusCode, compact.body).toBe(200);
    expect(await rows({ sql: past, as_of: created })).toEqual([['1'], ['3']]);
    expect(await rows({ sql: 'SELECT name FROM people WHERE id = 1', as_of: created })).toEqual([
      ['Ada'],
    ]);
    expect(await rows({ sql: past })).toEqual([['1'], ['3'], ['4']]);
  });
});

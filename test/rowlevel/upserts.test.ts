import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;

const ingest = (dataset: string, mode: string, csv: string, extra = '') =>
  app.request({
    method: 'POST',
    url: `/ingest/file?dataset=${dataset}&mode=${mode}&format=csv${extra}`,
    body: csv,
    headers: { 'content-type': 'text/csv' },
  });
const query = async (sql: string) => {
  const response = await app.request({ method: 'POST', url: '/query/sql', body: { sql } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().rows as unknown[][];
};
const upsertRows = (dataset: string, rows: unknown[]) =>
  app.request({ method: 'POST', url: `/catalog/datasets/${dataset}/rows`, body: { rows } });
const datasetOf = async (name: string) =>
  (await app.request({ method: 'GET', url: `/catalog/datasets/${name}` })).json();

const BASE = [
  'id,name,salary,hired',
  '1,Ada,100.50,2020-01-01',
  '2,Bob,200.00,2021-02-02',
  '3,Cy,300.25,2022-03-03',
].join('\n');

beforeAll(async () => {
  app = await startTestApp();
  expect((await ingest('people', 'create', BASE, '&key=id')).statusCode).toBe(201);
  expect((await ingest('unkeyed', 'create', BASE)).statusCode).toBe(201);
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe('upserts', () => {
  it('an upserted file replaces rows by key and adds new ones (latest wins, even within the file)', async () => {
    const response = await ingest(
      'people',
      'upsert',
      [
        'id,name,salary,hired',
        '2,Bobby,210.00,2021-02-02',
        '4,Dee,400.00,2023-04-04',
        '2,Robert,220.00,2021-02-02',
      ].join('\n'),
    );
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      rows_received: 3,
      rows_inserted: 1,
      rows_updated: 1,
      rows_written: 2,
    });
    expect(body.dataset.row_count).toBe(4);
    expect(await query('SELECT id, name, salary FROM people ORDER BY id')).toEqual([
      ['1', 'Ada', '100.50'],
      ['2', 'Robert', '220.00'],
      ['3', 'Cy', '300.25'],
      ['4', 'Dee', '400.00'],
    ]);
    expect(await query('SELECT count(*), count(DISTINCT id) FROM people')).toEqual([['4', '4']]);
  });

  it('later deltas beat earlier ones; JSON rows are cast to the column types', async () => {
    const first = await upsertRows('people', [
      { id: 1, name: 'Ada L.', salary: '101.00', hired: '2020-01-01' },
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ rows_received: 1, rows_inserted: 0, rows_updated: 1 });
    const second = await upsertRows('people', [
      { ID: 1, Name: 'Ada Lovelace', salary: '102.00', hired: '2020-01-01' },
      { id: 5, name: null, salary: null, hired: null },
    ]);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().dataset.row_count).toBe(5);
    expect(
      await query('SELECT id, name, salary, hired FROM people WHERE id IN (1, 5) ORDER BY id'),
    ).toEqual([
      ['1', 'Ada Lovelace', '102.00', '2020-01-01'],
      ['5', null, null, null],
    ]);
    const types = await query('SELECT typeof(salary), typeof(hired) FROM people WHERE id = 1');
    const declared = new Map(
      ((await datasetOf('people')).columns as { name: string; type: string }[]).map((c) => [
        c.name,
        c.type,
      ]),
    );
    expect(types).toEqual([[declared.get('salary'), declared.get('hired')]]);
    expect(declared.get('salary')).toMatch(/^DECIMAL\(\d+,2\)$/);
  });

  it('each upsert is a snapshot and a journal event with the counts', async () => {
    const snapshots = (
      await app.request({ method: 'GET', url: '/catalog/datasets/people/snapshots' })
    ).json().snapshots as { operation: string; row_count: number }[];
    expect(snapshots.map((s) => s.operation)).toEqual(['upsert', 'upsert', 'upsert', 'create']);
    expect(snapshots.map((s) => s.row_count)).toEqual([5, 4, 4, 3]);
    const journal = await app.request({ method: 'GET', url: '/journal/history/people' });
    const upserts = (journal.json().events as { action: string; new_value: unknown }[]).filter(
      (e) => e.action === 'ingest_upsert',
    );
    expect(upserts).toHaveLength(3);
    expect(upserts.map((e) => e.new_value)).toContainEqual(
      expect.objectContaining({ rows_received: 3, rows_inserted: 1, rows_updated: 1 }),
    );
  });

  it('refuses bad batches whole: missing or unknown columns, NULL keys, bad values, no row key', async () => {
    const before = await datasetOf('people');
    const cases: [unknown[], number, string][] = [
      [[{ id: 9, name: 'x', salary: '1' }], 400, 'validation_failed'],
      [[{ id: 9, name: 'x', salary: '1', hired: null, extra: 1 }], 400, 'validation_failed'],
      [[{ id: null, name: 'x', salary: '1', hired: null }], 400, 'invalid_row_key'],
      [[{ id: 9, name: 'x', salary: 'lots', hired: null }], 400, 'invalid_value'],
      [[{ id: 9, name: 'x', salary: '1', hired: 'yesterday' }], 400, 'invalid_value'],
      [[], 400, 'validation_failed'],
    ];
    for (const [rows, status, code] of cases) {
      const response = await upsertRows('people', rows);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    const file = await ingest('people', 'upsert', 'id,name\n7,Seven');
    expect(file.statusCode).toBe(409);
    expect(file.json().error.code).toBe('schema_conflict');
    expect(file.json().error.details.missing).toEqual(['salary', 'hired']);
    const unkeyed = await upsertRows('unkeyed', [{ id: 1, name: 'a', salary: '1', hired: null }]);
    expect(unkeyed.statusCode).toBe(400);
    expect(unkeyed.json().error.code).toBe('invalid_row_key');
    const after = await datasetOf('people');
    expect(after.current_snapshot_id).toBe(before.current_snapshot_id);
    expect(after.row_count).toBe(before.row_count);
  });

  it('refuses to bring back a tombstoned key (deleting is done by tombstones)', async () => {
    const tombstoned = await app.request({
      method: 'POST',
      url: '/catalog/datasets/people/tombstones',
      body: { key_column: 'id', values: ['3'], reason: 'left' },
    });
    expect(tombstoned.statusCode, tombstoned.body).toBe(200);
    expect((await datasetOf('people')).row_count).toBe(4);
    const response = await upsertRows('people', [
      { id: 3, name: 'Cy again', salary: '1', hired: null },
    ]);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'key_tombstoned',
      details: { key_column: 'id', values: ['3'] },
    });
    expect(await query('SELECT count(*) FROM people WHERE id = 3')).toEqual([['0']]);
  });

  it('takes a full batch of 10,000 rows over the general JSON body limit, and refuses 10,001', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      id: 100_000 + i,
      name: 'x'.repeat(200),
      salary: '1.00',
      hired: null,
    }));
    const response = await upsertRows('people', rows);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ rows_received: 10_000, rows_inserted: 10_000 });
    const tooMany = await upsertRows('people', [...rows, rows[0]]);
    expect(tooMany.statusCode).toBe(400);
    const removed = await app.request({
      method: 'POST',
      url: '/catalog/datasets/people/tombstones',
      body: { key_column: 'id', values: rows.map((r) => String(r.id)), reason: 'test data' },
    });
    expect(removed.statusCode).toBe(200);
  });

  it('refuses to change the row key while deltas exist', async () => {
    const response = await app.request({
      method: 'PATCH',
      url: '/catalog/datasets/people/metadata',
      body: { row_key_column: 'name' },
    });
    expect(response.statusCode).toBe(409);
  });

  it('compaction folds the deltas into one base file with the latest rows', async () => {
    const latest = await query('SELECT * FROM people ORDER BY id');
    const response = await app.request({
      method: 'POST',
      url: '/catalog/datasets/people/compact',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows_after: 4 });
    expect(await query('SELECT * FROM people ORDER BY id')).toEqual(latest);
    expect((await datasetOf('people')).row_count).toBe(4);
  });

  it('appending an existing key to a keyed dataset is refused (upsert replaces)', async () => {
    const response = await ingest(
      'people',
      'append',
      'id,name,salary,hired\n2,Dup,1.00,2020-01-01',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_row_key');
  });
});

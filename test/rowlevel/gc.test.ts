import { copyFileSync, existsSync, readdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
const clock = fixedClock('2026-03-01T10:00:00.000Z');
const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T10:00:00.000Z`;

const gc = (body?: unknown, url = '/catalog/datasets/people/gc', key?: string) =>
  app.request({ method: 'POST', url, ...(body !== undefined && { body }), ...(key && { key }) });
const snapshots = async () =>
  (await app.request({ method: 'GET', url: '/catalog/datasets/people/snapshots' })).json()
    .snapshots as { id: string; operation: string; expired_at: string | null }[];
const datasetDir = () => path.join(app.dataDir, 'buckets', 'primary', 'datasets', 'people');
const filesOnDisk = () => readdirSync(datasetDir()).sort();
const count = async (asOf?: string) => {
  const response = await app.request({
    method: 'POST',
    url: '/query/sql',
    body: { sql: 'SELECT count(*) FROM people', ...(asOf && { as_of: asOf }) },
  });
  return { status: response.statusCode, body: response.json() };
};

beforeAll(async () => {
  app = await startTestApp({ clock });
  const ingest = (mode: string, csv: string, extra = '') =>
    app.request({
      method: 'POST',
      url: `/ingest/file?dataset=people&mode=${mode}&format=csv${extra}`,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
  expect((await ingest('create', 'id,name\n1,a\n2,b', '&key=id')).statusCode).toBe(201);
  clock.set(day(2));
  const upsert = await app.request({
    method: 'POST',
    url: '/catalog/datasets/people/rows',
    body: { rows: [{ id: 1, name: 'a2' }] },
  });
  expect(upsert.statusCode).toBe(200);
  clock.set(day(3));
  expect((await ingest('append', 'id,name\n3,c')).statusCode).toBe(201);
  clock.set(day(4));
  expect(
    (await app.request({ method: 'POST', url: '/catalog/datasets/people/compact' })).statusCode,
  ).toBe(200);
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe('garbage collection', () => {
  it('keeps every file a retained snapshot references (the window start keeps its snapshot)', async () => {
    clock.set(day(10));
    const before = filesOnDisk();
    expect(before).toHaveLength(4); // create, upsert delta, append, compacted
    const response = await gc({ retention: '7d', dry_run: false });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    const [compacted, appended, upserted, created] = await snapshots();
    expect(report).toMatchObject({ dry_run: false, cutoff: day(3) });
    // The append (day 3) is inside the window, the upsert was current at its start: only the
    // create expires — and its base file is still referenced by the upsert and the append.
    expect(report.snapshots_expired).toEqual([created!.id]);
    expect(report.files_deleted).toEqual([]);
    expect(filesOnDisk()).toEqual(before);
    expect(created!.expired_at).toBe(day(10));
    expect([compacted, appended, upserted].map((s) => s!.expired_at)).toEqual([null, null, null]);
    expect((await count(day(2))).body.rows).toEqual([['2']]);
  });

  it('is a dry run by default: reports, journals, changes nothing', async () => {
    clock.set(day(20));
    const response = await gc({ retention: '1d' });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.dry_run).toBe(true);
    expect(report.snapshots_expired).toHaveLength(2);
    expect(report.files_deleted.map((f: { key: string }) => path.basename(f.key))).toHaveLength(3);
    expect(report.bytes_freed).toBeGreaterThan(0);
    expect(filesOnDisk()).toHaveLength(4);
    expect((await snapshots()).filter((s) => s.expired_at !== null)).toHaveLength(1);
    expect((await count(day(3))).body.rows).toEqual([['3']]);
  });

  it('applied: expires snapshots past the window, deletes files only they referenced; current data intact', async () => {
    const response = await gc({ retention: '1d', dry_run: false });
    const report = response.json();
    expect(report.files_deleted).toHaveLength(3);
    expect(filesOnDisk()).toHaveLength(1);
    expect((await count()).body.rows).toEqual([['3']]);
    const past = await count(day(3));
    expect(past.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(past.body)).toContain('retention window');
    const expired = (await snapshots()).find((s) => s.operation === 'append')!;
    const byId = await count(expired.id);
    expect(byId.status).toBe(410);
    expect(byId.body.error.code).toBe('snapshot_expired');
    const events = (await app.request({ method: 'GET', url: '/journal/history/people' })).json()
      .events as { action: string }[];
    expect(events.filter((e) => e.action === 'gc')).toHaveLength(2);
    expect(events.filter((e) => e.action === 'gc_dry_run')).toHaveLength(1);
  });

  it('removes files no snapshot ever referenced once old enough, never young ones', async () => {
    const [current] = filesOnDisk();
    const old = path.join(datasetDir(), 'crash-leftover-old.parquet');
    const young = path.join(datasetDir(), 'crash-leftover-young.parquet');
    copyFileSync(path.join(datasetDir(), current!), old);
    copyFileSync(path.join(datasetDir(), current!), young);
    utimesSync(old, new Date(day(1)), new Date(day(1)));
    utimesSync(young, new Date(day(20)), new Date(day(20)));
    const report = (await gc({ retention: '1d', dry_run: false })).json();
    expect(report.files_deleted).toEqual([
      {
        key: 'datasets/people/crash-leftover-old.parquet',
        bytes: expect.any(Number),
        orphan: true,
      },
    ]);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(young)).toBe(true);
  });

  it('collects every dataset at once; bad retention is 400; analysts may not collect', async () => {
    const all = await gc({ retention: '30d' }, '/catalog/gc');
    expect(all.statusCode).toBe(200);
    expect(all.json().datasets.map((d: { dataset: string }) => d.dataset)).toEqual(['people']);
    const bad = await gc({ retention: 'forever' });
    expect(bad.statusCode).toBe(400);
    const key = await app.request({
      method: 'POST',
      url: '/access/keys',
      body: { name: 'analyst', roles: ['analyst'] },
    });
    const refused = await gc({}, '/catalog/datasets/people/gc', key.json().key);
    expect(refused.statusCode).toBe(403);
  });
});

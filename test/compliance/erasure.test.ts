import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
const ID = 'CAND-000007';
const SUBJECT_DATASETS = ['candidates', 'placements', 'timesheets'];

const sql = async (query: string) => {
  const response = await app.request({ method: 'POST', url: '/query/sql', body: { sql: query } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().rows as unknown[][];
};
const countOf = async (dataset: string) =>
  Number((await sql(`SELECT count(*) FROM ${dataset} WHERE candidate_id = '${ID}'`))[0]![0]);

/** Rows naming the subject in every Parquet file under the data directory, straight from disk. */
async function rowsOnDisk(): Promise<number> {
  const files = (readdirSync(app.dataDir, { recursive: true }) as string[])
    .filter(
      (f) => f.endsWith('.parquet') && SUBJECT_DATASETS.some((d) => f.includes(`${d}${path.sep}`)),
    )
    .map((f) => path.join(app.dataDir, f));
  expect(files.length).toBeGreaterThanOrEqual(3);
  const duck = await DuckDBInstance.create(':memory:');
  const connection = await duck.connect();
  let total = 0;
  for (const file of files) {
    const reader = await connection.runAndReadAll(
      `SELECT count(*) AS n FROM read_parquet('${file}') WHERE candidate_id = '${ID}'`,
    );
    total += Number(reader.getRowObjectsJS()[0]!['n']);
  }
  connection.closeSync();
  duck.closeSync();
  return total;
}

let before: Record<string, number>;
beforeAll(async () => {
  app = await startTestApp({ env: { LAKEHOUSE_DEMO: 'on' } });
  await app.lakehouse.loadDemoIfFresh();
  const backfill = await app.request({
    method: 'POST',
    url: '/subjects/backfill',
    body: { dataset: 'candidates' },
  });
  expect(backfill.statusCode, backfill.body).toBe(200);
  // History to erase from: an upsert (a delta file and an older snapshot holding the person).
  const row = await app.request({
    method: 'POST',
    url: '/query/sql',
    body: { sql: `SELECT * FROM placements WHERE candidate_id = '${ID}' LIMIT 1` },
  });
  const { columns, rows } = row.json() as { columns: { name: string }[]; rows: unknown[][] };
  expect(rows).toHaveLength(1);
  const changed = Object.fromEntries(columns.map((c, i) => [c.name, rows[0]![i]]));
  const upsert = await app.request({
    method: 'POST',
    url: '/catalog/datasets/placements/rows',
    body: { rows: [changed] },
  });
  expect(upsert.statusCode, upsert.body).toBe(200);
  expect(
    (
      await app.request({
        method: 'POST',
        url: '/query/cache/pin',
        body: { dataset: 'placements' },
      })
    ).statusCode,
  ).toBe(200);
  // A subject-keyed dataset that never held the person: left as it is.
  const others = await app.request({
    method: 'POST',
    url: '/ingest/file?dataset=referrals&format=csv',
    body: 'candidate_id,source\nCAND-999999,fair',
    headers: { 'content-type': 'text/csv' },
  });
  expect(others.statusCode).toBe(201);
  await app.request({
    method: 'PATCH',
    url: '/catalog/datasets/referrals/metadata',
    body: { subject_key_column: 'candidate_id' },
  });
  before = Object.fromEntries(
    await Promise.all(SUBJECT_DATASETS.map(async (d) => [d, await countOf(d)] as const)),
  );
}, 180_000);
afterAll(async () => {
  const dir = app.dataDir;
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('erasure of a demo candidate', () => {
  it('removes them from every dataset and every file, marks them erased, returns a certificate', async () => {
    expect(before['candidates']).toBe(1);
    expect(before['placements']).toBeGreaterThan(0);
    expect(await rowsOnDisk()).toBeGreaterThan(0);
    const response = await app.request({ method: 'POST', url: `/subjects/${ID}/erase` });
    expect(response.statusCode, response.body).toBe(200);
    const certificate = response.json();
    expect(certificate).toMatchObject({ schema: 'lakehouse.erasure.v1', subject_id: ID });
    const byDataset = Object.fromEntries(
      certificate.datasets.map((d: { dataset: string; rows_removed: number }) => [
        d.dataset,
        d.rows_removed,
      ]),
    );
    expect(byDataset).toEqual({ ...before, referrals: 0 });
    const untouched = certificate.datasets.find(
      (d: { dataset: string }) => d.dataset === 'referrals',
    );
    expect(untouched).toMatchObject({ snapshot_id: null, files_rewritten: 0 });
    const referralSnapshots = (
      await app.request({ method: 'GET', url: '/catalog/datasets/referrals/snapshots' })
    ).json().snapshots;
    expect(referralSnapshots).toHaveLength(1);
    expect(certificate.rows_removed).toBe(Object.values(before).reduce((a, b) => a + b, 0));
    expect(certificate.snapshots_rewritten).toBeGreaterThan(0);
    expect(certificate.seal).toMatch(/^[0-9a-f]{64}$/);
    for (const dataset of SUBJECT_DATASETS) expect(await countOf(dataset)).toBe(0);
    expect(await rowsOnDisk()).toBe(0);
    const manifest = await app.request({ method: 'GET', url: `/subjects/${ID}` });
    expect(manifest.json()).toMatchObject({ status: 'erased', datasets: [] });
    expect((await app.request({ method: 'POST', url: `/subjects/${ID}/erase` })).statusCode).toBe(
      409,
    );
  });

  it('the certificate re-verifies later, also after a restart, and queries never return them', async () => {
    await app.stop();
    app = await startTestApp({ dataDir: app.dataDir, env: { LAKEHOUSE_DEMO: 'on' } });
    const check = await app.request({ method: 'GET', url: `/subjects/${ID}/erasure` });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ verified: true, seal_valid: true, chain_intact: true });
    for (const d of check.json().datasets) expect(d.files_holding_subject).toEqual([]);
    for (const dataset of SUBJECT_DATASETS) expect(await countOf(dataset)).toBe(0);
    expect(await rowsOnDisk()).toBe(0);
    const chain = await app.lakehouse.services.audit.rows(ID);
    expect(chain.map((r) => r.row.fields_accessed)).toContainEqual(['*']);
    expect((await app.lakehouse.services.audit.verify(ID)).ok).toBe(true);
  });

  it('a certificate altered in the metastore no longer verifies', async () => {
    const db = app.lakehouse.metastore.db;
    const row = await db
      .selectFrom('subjects')
      .select('erasure')
      .where('subject_id', '=', ID)
      .executeTakeFirstOrThrow();
    const altered = JSON.parse(row.erasure!);
    altered.rows_removed = 0;
    await db
      .updateTable('subjects')
      .set({ erasure: JSON.stringify(altered) })
      .where('subject_id', '=', ID)
      .execute();
    const check = (await app.request({ method: 'GET', url: `/subjects/${ID}/erasure` })).json();
    expect(check).toMatchObject({ verified: false, seal_valid: false });
  });

  it('unknown subjects are 404; a subject never erased has no erasure to check', async () => {
    expect((await app.request({ method: 'POST', url: '/subjects/NOBODY/erase' })).statusCode).toBe(
      404,
    );
    expect(
      (await app.request({ method: 'GET', url: '/subjects/CAND-000008/erasure' })).statusCode,
    ).toBe(404);
  });
});

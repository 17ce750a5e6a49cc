import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
const count = async (sql: string) =>
  Number(
    (await app.request({ method: 'POST', url: '/query/sql', body: { sql } })).json().rows[0][0],
  );
const tombstone = (body: unknown) =>
  app.request({ method: 'POST', url: '/catalog/datasets/candidates/tombstones', body });
const IDS = ['CAND-000001', 'CAND-000002', 'CAND-000003'];

beforeAll(async () => {
  app = await startTestApp({ env: { LAKEHOUSE_DEMO: 'on' } });
  await app.lakehouse.loadDemoIfFresh();
  await app.request({
    method: 'POST',
    url: '/catalog/views',
    body: { name: 'candidates_safe', dataset: 'candidates', columns: ['candidate_id', 'state'] },
  });
}, 120_000);
afterAll(async () => {
  const dataDir = app.dataDir;
  await app.close();
  (await import('node:fs')).rmSync(dataDir, { recursive: true, force: true });
});

describe('tombstones', () => {
  it('hide 3 candidates from the dataset, every view and joins at once', async () => {
    const before = {
      dataset: await count('SELECT count(*) FROM candidates'),
      view: await count('SELECT count(*) FROM candidates_safe'),
      join: await count('SELECT count(*) FROM placements JOIN candidates USING (candidate_id)'),
      theirPlacements: await count(
        `SELECT count(*) FROM placements WHERE candidate_id IN ('${IDS.join("','")}')`,
      ),
    };
    const response = await tombstone({
      key_column: 'candidate_id',
      values: IDS,
      reason: 'erasure request',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().results.map((r: { status: string }) => r.status)).toEqual([
      'tombstoned',
      'tombstoned',
      'tombstoned',
    ]);
    expect(await count('SELECT count(*) FROM candidates')).toBe(before.dataset - 3);
    expect(await count('SELECT count(*) FROM candidates_safe')).toBe(before.view - 3);
    expect(
      await count('SELECT count(*) FROM placements JOIN candidates USING (candidate_id)'),
    ).toBe(before.join - before.theirPlacements);
    expect(
      await count(`SELECT count(*) FROM candidates WHERE candidate_id IN ('${IDS.join("','")}')`),
    ).toBe(0);
  });

  it('reports unknown values per value (207) and refuses another key column (409)', async () => {
    const partial = await tombstone({
      key_column: 'candidate_id',
      values: ['CAND-000004', 'NOPE-1', 'CAND-000001'],
      reason: 'r',
    });
    expect(partial.statusCode).toBe(207);
    expect(partial.json().results).toEqual([
      { value: 'CAND-000004', status: 'tombstoned' },
      { value: 'NOPE-1', status: 'not_found' },
      { value: 'CAND-000001', status: 'already_tombstoned' },
    ]);
    const mismatch = await tombstone({
      key_column: 'email',
      values: ['x@example.com'],
      reason: 'r',
    });
    expect(mismatch.statusCode).toBe(409);
    expect(mismatch.json().error.code).toBe('tombstone_key_mismatch');
  });

  it('lists tombstones with actor, reason and time; each request is a snapshot and a journal event; survives restart', async () => {
    const list = (
      await app.request({ method: 'GET', url: '/catalog/datasets/candidates/tombstones' })
    ).json().tombstones;
    expect(list).toHaveLength(4);
    expect(list[0]).toMatchObject({ key_column: 'candidate_id', reason: 'erasure request' });
    expect(list[0].actor).toBeTruthy();
    const snapshots = (
      await app.request({ method: 'GET', url: '/catalog/datasets/candidates/snapshots' })
    ).json().snapshots;
    expect(snapshots.slice(0, 2).map((s: { operation: string }) => s.operation)).toEqual([
      'tombstone',
      'tombstone',
    ]);
    const events = (await app.request({ method: 'GET', url: '/journal/history/candidates' })).json()
      .events;
    expect(events.filter((e: { action: string }) => e.action === 'tombstone')).toHaveLength(2);

    const expected = await count('SELECT count(*) FROM candidates');
    await app.stop();
    app = await startTestApp({ dataDir: app.dataDir });
    expect(await count('SELECT count(*) FROM candidates')).toBe(expected);
  });
});

describe('compaction', () => {
  it('drops the tombstoned rows physically from every file, clears the tombstones, and they stay gone', async () => {
    const visible = await count('SELECT count(*) FROM candidates');
    const response = await app.request({
      method: 'POST',
      url: '/catalog/datasets/candidates/compact',
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ rows_after: visible, rows_dropped: 4 });
    expect(result.rows_before).toBe(visible + 4);
    expect(await count('SELECT count(*) FROM candidates')).toBe(visible);
    expect(
      (await app.request({ method: 'GET', url: '/catalog/datasets/candidates/tombstones' })).json()
        .tombstones,
    ).toEqual([]);
    const gone = ['CAND-000001', 'CAND-000002', 'CAND-000003', 'CAND-000004'];
    expect(await idsOnDisk(gone)).toEqual([]);
    await app.stop();
    app = await startTestApp({ dataDir: app.dataDir });
    expect(await count('SELECT count(*) FROM candidates')).toBe(visible);
    expect(await idsOnDisk(gone)).toEqual([]);
  });
});

/** Scans every Parquet file under the data directory for the ids, straight from disk. */
async function idsOnDisk(ids: readonly string[]): Promise<string[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const { readdirSync } = await import('node:fs');
  const path = await import('node:path');
  const files = (readdirSync(app.dataDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.parquet') && f.includes('candidates'))
    .map((f) => path.join(app.dataDir, f));
  expect(files.length).toBeGreaterThan(0);
  const duck = await DuckDBInstance.create(':memory:');
  const connection = await duck.connect();
  const found = new Set<string>();
  for (const file of files) {
    const reader = await connection.runAndReadAll(
      `SELECT DISTINCT candidate_id FROM read_parquet('${file}') WHERE candidate_id IN (${ids.map((id) => `'${id}'`).join(', ')})`,
    );
    for (const row of reader.getRowObjectsJS()) found.add(String(row['candidate_id']));
  }
  connection.closeSync();
  duck.closeSync();
  return [...found];
}

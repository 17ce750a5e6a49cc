import { tableFromIPC } from 'apache-arrow';
import { DuckDBInstance } from '@duckdb/node-api';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;

async function sql(query: string, extra: Record<string, unknown> = {}) {
  return app.request({ method: 'POST', url: '/query/sql', body: { sql: query, ...extra } });
}

async function rows(query: string): Promise<unknown[][]> {
  const response = await sql(query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().rows;
}

/** The same query straight on DuckDB over the dataset's Parquet files. */
async function rawRows(query: string, datasets: string[]): Promise<unknown[][]> {
  const duck = await DuckDBInstance.create(':memory:');
  const connection = await duck.connect();
  for (const name of datasets) {
    const bucketDirs = readdirSync(path.join(app.dataDir, 'buckets'));
    for (const bucket of bucketDirs) {
      const dir = path.join(app.dataDir, 'buckets', bucket, 'datasets', name);
      let files: string[] = [];
      try {
        files = readdirSync(dir).map((f) => `'${path.join(dir, f)}'`);
      } catch {
        continue;
      }
      await connection.run(
        `CREATE VIEW ${name} AS SELECT * FROM read_parquet([${files.join(',')}], union_by_name = true)`,
      );
    }
  }
  const result = (await connection.runAndReadAll(query)).getRowsJson() as unknown[][];
  connection.closeSync();
  duck.closeSync();
  return result;
}

beforeAll(async () => {
  app = await startTestApp({ env: { LAKEHOUSE_DEMO: 'on', LAKEHOUSE_QUERY_MAX_ROWS: '2000' } });
  await app.lakehouse.loadDemoIfFresh();
  await app.request({ method: 'POST', url: '/storage/buckets', body: { name: 'archive' } });
  const regions = 'state,region\nCO,Mountain\nTX,South\nCA,West\nNY,Northeast\n';
  const created = await app.request({
    method: 'POST',
    url: '/ingest/file?dataset=regions&filename=regions.csv&bucket=archive',
    body: regions,
    headers: { 'content-type': 'text/csv' },
  });
  expect(created.statusCode).toBe(201);
}, 120_000);
afterAll(async () => app.close());

describe('POST /query/sql', () => {
  it.each([
    [
      'join + aggregate',
      `SELECT c.client_name, sum(p.bill_rate * p.hours_worked) AS revenue FROM placements p JOIN clients c USING (client_id) GROUP BY ALL ORDER BY revenue DESC, c.client_name LIMIT 10`,
      ['placements', 'clients'],
    ],
    [
      'window function',
      `SELECT candidate_id, hourly_rate, rank() OVER (PARTITION BY state ORDER BY hourly_rate DESC, candidate_id) AS r FROM candidates ORDER BY candidate_id LIMIT 20`,
      ['candidates'],
    ],
    [
      'CTE',
      `WITH busy AS (SELECT candidate_id, count(*) AS n FROM placements GROUP BY 1) SELECT n, count(*) FROM busy GROUP BY n ORDER BY n`,
      ['placements'],
    ],
    [
      'cross-bucket join',
      `SELECT r.region, count(*) FROM candidates c JOIN regions r USING (state) GROUP BY 1 ORDER BY 1`,
      ['candidates', 'regions'],
    ],
  ])('%s matches raw DuckDB on the same files', async (_label, query, datasets) => {
    expect(await rows(query)).toEqual(await rawRows(query, datasets));
  });

  it('returns columns with types, row_count, latency, and exact 64-bit values and decimals', async () => {
    const response = await sql(
      `SELECT 9223372036854775807::BIGINT AS big, (-9223372036854775808)::BIGINT AS small, 12345678901234.56::DECIMAL(18,2) AS d, DATE '2026-01-31' AS day, TIMESTAMP '2026-01-31 12:34:56.789' AS at, 1.5::DOUBLE AS f`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.columns).toEqual([
      { name: 'big', type: 'BIGINT' },
      { name: 'small', type: 'BIGINT' },
      { name: 'd', type: 'DECIMAL(18,2)' },
      { name: 'day', type: 'DATE' },
      { name: 'at', type: 'TIMESTAMP' },
      { name: 'f', type: 'DOUBLE' },
    ]);
    expect(body.rows).toEqual([
      [
        '9223372036854775807',
        '-9223372036854775808',
        '12345678901234.56',
        '2026-01-31',
        '2026-01-31T12:34:56.789',
        1.5,
      ],
    ]);
    expect(body).toMatchObject({ row_count: 1, truncated: false });
    expect(body.latency_ms).toBeGreaterThanOrEqual(0);
  });

  it('truncates past the inline row limit', async () => {
    const body = (await sql('SELECT * FROM candidates')).json();
    expect(body.rows).toHaveLength(2000);
    expect(body).toMatchObject({ truncated: true, row_count: 2000 });
  });

  it('binds parameters', async () => {
    const response = await sql('SELECT count(*) AS n FROM candidates WHERE state = $1', {
      params: ['CO'],
    });
    expect(response.json().rows[0][0]).toBe(
      (await rawRows(`SELECT count(*) FROM candidates WHERE state = 'CO'`, ['candidates']))[0]![0],
    );
  });

  it('streams CSV, NDJSON and Arrow IPC', async () => {
    const query =
      'SELECT candidate_id, years_experience, hourly_rate FROM candidates ORDER BY candidate_id';
    const csv = await sql(query, { format: 'csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines).toHaveLength(5001);
    expect(lines[0]).toBe('candidate_id,years_experience,hourly_rate');
    const ndjson = await sql(query, { format: 'ndjson' });
    const objects = ndjson.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(objects).toHaveLength(5000);
    expect(objects[0]).toHaveProperty('candidate_id', 'CAND-000001');
    const arrow = await sql(query, { format: 'arrow' });
    expect(arrow.headers['content-type']).toBe('application/vnd.apache.arrow.stream');
    const table = tableFromIPC(arrow.rawPayload);
    expect(table.numRows).toBe(5000);
    expect(table.schema.fields.map((f) => f.name)).toEqual([
      'candidate_id',
      'years_experience',
      'hourly_rate',
    ]);
    expect(typeof table.getChild('years_experience')!.get(0)).toBe('bigint');
  });

  it('sees a catalog change on the next query, without a restart', async () => {
    const before = (await rows('SELECT count(*) FROM regions'))[0]![0];
    await app.request({
      method: 'POST',
      url: '/ingest/file?dataset=regions&mode=append&filename=more.csv',
      body: 'state,region\nWA,West\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(Number((await rows('SELECT count(*) FROM regions'))[0]![0])).toBe(Number(before) + 1);
  });

  it('refuses escapes with 403 and keeps serving', async () => {
    for (const attempt of [
      "SELECT * FROM read_csv('/etc/passwd')",
      'DROP TABLE candidates',
      "COPY candidates TO '/tmp/x.csv'",
      "ATTACH '/tmp/x.db'",
      'SET threads = 1',
      'SELECT 1; SELECT 2',
      "WITH x AS (SELECT * FROM read_text('/etc/passwd')) SELECT * FROM x",
      'SELECT * FROM information_schema.tables',
    ]) {
      const response = await sql(attempt);
      expect(response.statusCode, attempt).toBe(403);
      expect(response.json().error.code, attempt).toBe('query_refused');
    }
    expect((await rows('SELECT 1'))[0]![0]).toBe(1);
  });

  it('answers a SQL mistake with 400 and the engine message, without server paths', async () => {
    const response = await sql('SELECT no_such_column FROM candidates');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_sql');
    expect(response.json().error.message).toContain('no_such_column');
    expect(response.body).not.toContain(app.dataDir);
  });

  it('logs every query with principal, datasets, rows, latency and status', async () => {
    await sql('SELECT count(*) FROM clients');
    const log = (await app.request({ method: 'GET', url: '/query/log?limit=50' })).json().queries;
    const entry = log.find((q: { sql: string }) => q.sql === 'SELECT count(*) FROM clients');
    expect(entry).toMatchObject({
      datasets: ['clients'],
      row_count: 1,
      status: 'ok',
      decision: 'allowed',
      columns: ['count_star()'],
    });
    expect(entry.principal).toBeTruthy();
    expect(log.some((q: { status: string }) => q.status === 'refused')).toBe(true);
  });
});

describe('paging', () => {
  it('pages 100K rows into 1,000 pages of 100, any page fetchable', async () => {
    const response = await app.request({
      method: 'POST',
      url: '/query/paged',
      body: { sql: 'SELECT range AS i FROM range(100000) ORDER BY i', page_size: 100 },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { query_id, total_rows, pages } = response.json();
    expect({ total_rows, pages }).toEqual({ total_rows: 100000, pages: 1000 });
    for (const n of [1, 500, 1000]) {
      const page = (
        await app.request({ method: 'GET', url: `/query/page/${query_id}/${n}?size=100` })
      ).json();
      expect(page.rows).toHaveLength(100);
      expect(page.rows[0][0]).toBe(String((n - 1) * 100));
    }
    expect(
      (await app.request({ method: 'GET', url: `/query/page/${query_id}/1001?size=100` }))
        .statusCode,
    ).toBe(404);
    expect((await app.request({ method: 'GET', url: '/query/page/unknown-id/1' })).statusCode).toBe(
      404,
    );
  });
});

describe('the journal as a system view', () => {
  it('is queryable with SQL by admins, and current', async () => {
    await app.request({ method: 'POST', url: '/storage/buckets', body: { name: 'fresh-bucket' } });
    const result = await rows(
      "SELECT entity_type, action, actor FROM lakehouse.journal WHERE entity_id = 'fresh-bucket' ORDER BY seq",
    );
    expect(result).toHaveLength(1);
    expect(result[0]!.slice(0, 2)).toEqual(['bucket', 'create']);
    const counts = await rows(
      "SELECT count(*) FROM lakehouse.journal WHERE action = 'ingest_create'",
    );
    expect(Number(counts[0]![0])).toBeGreaterThanOrEqual(7);
  });

  it('is refused to non-admins', async () => {
    const key = (
      await app.request({
        method: 'POST',
        url: '/access/keys',
        body: { name: 'analyst', roles: ['analyst'] },
      })
    ).json().key;
    const response = await app.request({
      method: 'POST',
      url: '/query/sql',
      key,
      body: { sql: 'SELECT * FROM lakehouse.journal' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('query_refused');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
const sql = (query: string) =>
  app.request({ method: 'POST', url: '/query/sql', body: { sql: query } });

beforeAll(async () => {
  app = await startTestApp();
  const created = await app.request({
    method: 'POST',
    url: '/ingest/file?dataset=people&filename=people.csv',
    body: 'id,name\n1,Ann\n2,Bo\n',
    headers: { 'content-type': 'text/csv' },
  });
  expect(created.statusCode).toBe(201);
});
afterAll(async () => app.close());

describe('non-SELECT query statements', () => {
  it('runs EXPLAIN and EXPLAIN ANALYZE of a query', async () => {
    for (const statement of [
      'EXPLAIN SELECT * FROM people',
      'EXPLAIN ANALYZE SELECT count(*) FROM people',
    ]) {
      const response = await sql(statement);
      expect(response.statusCode, response.body).toBe(200);
      const plan = JSON.stringify(response.json().rows);
      expect(plan.length).toBeGreaterThan(100);
      expect(plan).not.toContain(app.dataDir); // no server paths in plans
    }
  });

  it('describes a dataset and lists the namespace', async () => {
    const describe = await sql('DESCRIBE people');
    expect(describe.statusCode).toBe(200);
    expect(describe.json().rows.map((r: unknown[]) => r[0])).toEqual(['id', 'name']);
    const tables = await sql('SHOW TABLES');
    expect(tables.statusCode).toBe(200);
    expect(tables.json().rows.map((r: unknown[]) => r[0])).toEqual(['people']);
  });

  it('refuses EXPLAIN of a forbidden statement', async () => {
    const response = await sql("EXPLAIN SELECT * FROM read_csv('/etc/passwd')");
    expect(response.statusCode).toBe(403);
  });
});

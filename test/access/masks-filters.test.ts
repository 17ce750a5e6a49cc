import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let analystKey: string;
const secrets = new Set<string>(); // real emails and phones
const hiddenIds = new Set<string>(); // candidates outside Colorado

async function admin(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) {
  const response = await app.request({ method, url, ...(body !== undefined && { body }) });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

async function asAnalyst(sql: string) {
  return app.request({ method: 'POST', url: '/query/sql', key: analystKey, body: { sql } });
}

beforeAll(async () => {
  app = await startTestApp({ env: { LAKEHOUSE_DEMO: 'on' } });
  await app.lakehouse.loadDemoIfFresh();
  const all = (
    await admin('POST', '/query/sql', {
      sql: 'SELECT candidate_id, email, phone, state FROM candidates',
    })
  ).rows as string[][];
  for (const [id, email, phone, state] of all) {
    secrets.add(email!);
    secrets.add(phone!);
    if (state !== 'CO') hiddenIds.add(id!);
  }
  await admin('PUT', '/access/masks', {
    role: 'analyst',
    dataset: 'candidates',
    column: 'email',
    kind: 'mask',
    keep_prefix: 1,
    keep_suffix: 4,
  });
  await admin('PUT', '/access/masks', {
    role: 'analyst',
    dataset: 'candidates',
    column: 'phone',
    kind: 'hash',
  });
  await admin('PUT', '/access/row-filters', {
    role: 'analyst',
    dataset: 'candidates',
    predicate: "state = 'CO'",
  });
  analystKey = (await admin('POST', '/access/keys', { name: 'analyst', roles: ['analyst'] })).key;
}, 120_000);
afterAll(async () => app.close());

/**
 * Everything a response could leak through: rows, plans and error messages alike. Candidate
 * e-mails, phone numbers and ids are found by their shapes (one pass over the body), then
 * checked against the real ones.
 */
const EMAIL = /[^\s"',;|*]+@example\.[a-z.]+/g;
const PHONE = /(?:\+1 )?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}/g;
const CANDIDATE_ID = /CAND-\d{6}/g;

function leaks(body: string): string[] {
  const found = [...(body.match(EMAIL) ?? []), ...(body.match(PHONE) ?? [])].filter((s) =>
    secrets.has(s),
  );
  return [...found, ...(body.match(CANDIDATE_ID) ?? []).filter((id) => hiddenIds.has(id))];
}

const QUERIES = [
  'SELECT * FROM candidates',
  'SELECT email, phone, state FROM candidates ORDER BY candidate_id',
  'SELECT c.candidate_id, c.email, p.placement_id FROM candidates c JOIN placements p USING (candidate_id)',
  'SELECT email FROM candidates UNION ALL SELECT phone FROM candidates',
  'SELECT * FROM (SELECT * FROM candidates WHERE years_experience > 5) sub',
  "WITH x AS (SELECT * FROM candidates) SELECT string_agg(email, ',') FROM x",
  'SELECT to_json(c) FROM candidates c',
  'SELECT CAST(email AS VARCHAR) || phone FROM candidates',
  'SELECT state, count(*), max(email), min(phone) FROM candidates GROUP BY state',
  'SELECT email, row_number() OVER (PARTITION BY state ORDER BY email) FROM candidates',
  'EXPLAIN ANALYZE SELECT email FROM candidates',
  "SELECT candidate_id FROM candidates WHERE state <> 'CO'",
  'SELECT CAST(email AS INTEGER) FROM candidates',
  "SELECT CAST(candidate_id AS INTEGER) FROM candidates WHERE state <> 'CO'",
  "SELECT * FROM candidates WHERE email LIKE '%@%'",
];

describe('masks and row filters for an analyst', () => {
  it('detects leaks when they are there (the admin sees raw data)', async () => {
    const raw = await app.request({
      method: 'POST',
      url: '/query/sql',
      body: { sql: 'SELECT candidate_id, email, phone FROM candidates' },
    });
    expect(leaks(raw.body).length).toBeGreaterThan(1000);
  });

  it('masks email like a***.com and hashes phones; only Colorado rows', async () => {
    const body = (await asAnalyst('SELECT email, phone, state FROM candidates')).json();
    expect(body.rows.length).toBeGreaterThan(0);
    for (const [email, phone, state] of body.rows as string[][]) {
      expect(state).toBe('CO');
      expect(email).toMatch(/^.\*+.{4}$/);
      expect(phone).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('never returns an unmasked email/phone or a non-Colorado row, whatever the query', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...QUERIES),
        fc.constantFrom('', ' LIMIT 7', ' LIMIT 1000'),
        async (sql, limit) => {
          const query =
            sql.startsWith('EXPLAIN') || sql.includes('GROUP BY') || sql.includes('string_agg')
              ? sql
              : `${sql}${limit}`;
          const response = await asAnalyst(query);
          expect(leaks(response.body), `${query} → ${response.body.slice(0, 300)}`).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('refuses the raw dataset files and the unmasked data by any other route', async () => {
    expect((await asAnalyst("SELECT * FROM read_parquet('*.parquet')")).statusCode).toBe(403);
    const catalog = await app.request({
      method: 'GET',
      url: '/catalog/datasets/candidates',
      key: analystKey,
    });
    expect(catalog.statusCode).toBe(200); // the manifest (schema, flags) is not the data
    expect(leaks(catalog.body)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let legalKey: string;
let analystKey: string;

const csv = (dataset: string, body: string, extra = '') =>
  app.request({
    method: 'POST',
    url: `/ingest/file?dataset=${dataset}&format=csv${extra}`,
    body,
    headers: { 'content-type': 'text/csv' },
  });
const chain = async (id: string) => (await app.lakehouse.services.audit.rows(id)).map((r) => r.row);

beforeAll(async () => {
  app = await startTestApp();
  expect(
    (
      await csv(
        'people',
        'person_id,name,email\nP1,Ada,a@x.io\nP2,Bob,b@x.io\nP3,Cy,c@x.io',
        '&key=person_id',
      )
    ).statusCode,
  ).toBe(201);
  expect(
    (
      await csv(
        'visits',
        'visit_id,person_id,site\nV1,P1,Oslo\nV2,P1,Rome\nV3,P2,Lima',
        '&key=visit_id',
      )
    ).statusCode,
  ).toBe(201);
  for (const name of ['people', 'visits']) {
    const flagged = await app.request({
      method: 'PATCH',
      url: `/catalog/datasets/${name}/metadata`,
      body: { subject_key_column: 'person_id' },
    });
    expect(flagged.statusCode, flagged.body).toBe(200);
    expect(flagged.json().subject_key_column).toBe('person_id');
  }
  const key = async (roles: string[]) =>
    (
      await app.request({ method: 'POST', url: '/access/keys', body: { name: roles[0], roles } })
    ).json().key as string;
  legalKey = await key(['legal']);
  analystKey = await key(['analyst']);
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe('subjects', () => {
  it('backfills manifests from a subject-keyed dataset, once', async () => {
    const first = await app.request({
      method: 'POST',
      url: '/subjects/backfill',
      key: legalKey,
      body: { dataset: 'people' },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      dataset: 'people',
      key_column: 'person_id',
      created: 3,
      existing: 0,
    });
    const again = await app.request({
      method: 'POST',
      url: '/subjects/backfill',
      body: { dataset: 'visits' },
    });
    expect(again.json()).toMatchObject({ created: 0, existing: 2 });
  });

  it('returns the manifest with datasets and the audit tip, auditing the lookup first', async () => {
    const response = await app.request({
      method: 'GET',
      url: '/subjects/P1',
      key: legalKey,
      headers: { 'x-lakehouse-purpose': 'DSAR 2026-17' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const manifest = response.json();
    expect(manifest).toMatchObject({
      subject_id: 'P1',
      status: 'active',
      consent: {
        general: { status: 'never_collected', text_hash: null, at: null },
        biometric: { status: 'never_collected' },
      },
      datasets: [
        { dataset: 'people', key_column: 'person_id', rows: 1 },
        { dataset: 'visits', key_column: 'person_id', rows: 2 },
      ],
    });
    const rows = await chain('P1');
    expect(rows.at(-1)).toMatchObject({
      subject_id: 'P1',
      result: 'success',
      accessor: { purpose: 'DSAR 2026-17', kind: 'user' },
    });
    expect(manifest.audit_tip.seq).toBe(rows.length);
    const missing = await app.request({ method: 'GET', url: '/subjects/NOPE', key: legalKey });
    expect(missing.statusCode).toBe(404);
    expect((await chain('NOPE')).map((r) => r.result)).toEqual(['not_found']);
  });

  it('records consent with the text version hash and computes the retention clocks; journaled', async () => {
    const response = await app.request({
      method: 'PUT',
      url: '/subjects/P2',
      body: {
        last_interaction_at: '2026-01-01T00:00:00Z',
        consent: {
          biometric: {
            status: 'given',
            text: 'I agree to face matching v3',
            at: '2026-01-01T00:00:00Z',
          },
        },
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const manifest = response.json();
    expect(manifest.consent.biometric.status).toBe('given');
    expect(manifest.consent.biometric.text_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.retention).toEqual({
      last_interaction_at: '2026-01-01T00:00:00.000Z',
      general_pii_until: '2028-12-31T00:00:00.000Z',
      biometric_until: '2028-12-31T00:00:00.000Z',
    });
    const withdrawn = await app.request({
      method: 'PUT',
      url: '/subjects/P2',
      body: { consent: { biometric: { status: 'withdrawn', at: '2026-02-01T00:00:00Z' } } },
    });
    expect(withdrawn.json().retention.biometric_until).toBe('2026-02-01T00:00:00.000Z');
    const history = (await app.request({ method: 'GET', url: '/journal/history/P2' })).json()
      .events;
    expect(history.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['update']),
    );
  });

  it('refuses bad input clearly, and analysts', async () => {
    const cases: [unknown, string][] = [
      [{ status: 'erased' }, 'status'],
      [{ consent: { general: { status: 'given' } } }, 'text'],
      [{ last_interaction_at: 'yesterday' }, 'last_interaction_at'],
    ];
    for (const [body, word] of cases) {
      const response = await app.request({ method: 'PUT', url: '/subjects/P3', body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.message).toContain(word);
    }
    expect(
      (await app.request({ method: 'GET', url: '/subjects/P1', key: analystKey })).statusCode,
    ).toBe(403);
  });

  it('two ids that sanitize alike get different storage keys', async () => {
    const a = (
      await app.request({ method: 'PUT', url: `/subjects/${encodeURIComponent('A/B')}`, body: {} })
    ).json();
    const b = (await app.request({ method: 'PUT', url: '/subjects/a_b', body: {} })).json();
    expect(a.storage_key).not.toBe(b.storage_key);
    expect(a.storage_key).toMatch(/^a_b-[0-9a-f]{16}$/);
  });
});

describe('reads of subject-keyed data are audited per subject', () => {
  it('appends one row per subject in the result, with the fields and purpose, before answering', async () => {
    const before = (await chain('P1')).length;
    const response = await app.request({
      method: 'POST',
      url: '/query/sql',
      key: analystKey,
      headers: { 'x-lakehouse-purpose': 'payroll' },
      body: {
        sql: "SELECT person_id, site FROM visits WHERE person_id IN ('P1', 'P2') ORDER BY visit_id",
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const p1 = await chain('P1');
    expect(p1).toHaveLength(before + 1);
    expect(p1.at(-1)).toMatchObject({
      fields_accessed: ['person_id', 'site'],
      accessor: { purpose: 'payroll' },
    });
    expect((await chain('P2')).at(-1)?.fields_accessed).toEqual(['person_id', 'site']);
    expect((await app.lakehouse.services.audit.verify('P1')).ok).toBe(true);
  });

  it('paged and streamed reads are audited too; aggregates without ids are not person rows', async () => {
    const before = (await chain('P3')).length;
    await app.request({
      method: 'POST',
      url: '/query/paged',
      body: { sql: "SELECT * FROM people WHERE person_id = 'P3'", page_size: 10 },
    });
    await app.request({
      method: 'POST',
      url: '/query/sql',
      body: { sql: "SELECT * FROM people WHERE person_id = 'P3'", format: 'csv' },
    });
    await app.request({
      method: 'POST',
      url: '/query/sql',
      body: { sql: 'SELECT count(*) FROM people' },
    });
    expect((await chain('P3')).length).toBe(before + 2);
  });

  it('reads through an AI-safe view over a subject-keyed dataset are audited too', async () => {
    const view = await app.request({
      method: 'POST',
      url: '/catalog/views',
      body: { name: 'visits_safe', dataset: 'visits', columns: ['person_id', 'site'] },
    });
    expect(view.statusCode, view.body).toBe(201);
    const before = (await chain('P2')).length;
    const response = await app.request({
      method: 'POST',
      url: '/query/sql',
      body: { sql: "SELECT person_id, site FROM visits_safe WHERE person_id = 'P2'" },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await chain('P2')).length).toBe(before + 1);
  });
});

import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let agent: string;

const asAgent = (sql: string) =>
  app.request({ method: 'POST', url: '/query/sql', key: agent, body: { sql } });

beforeAll(async () => {
  app = await startTestApp({ env: { LAKEHOUSE_DEMO: 'on' } });
  await app.lakehouse.loadDemoIfFresh();
  const created = await app.request({
    method: 'POST',
    url: '/catalog/views',
    body: {
      name: 'candidates_safe',
      dataset: 'candidates',
      description: 'Candidates without contact data, for agents',
      columns: [
        'candidate_id',
        'city',
        'state',
        'vertical',
        'skills',
        'years_experience',
        'status',
      ],
      row_filter: "status <> 'do_not_contact'",
      redactions: { candidate_id: { kind: 'mask', keep_prefix: 3, keep_suffix: 2 } },
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const grant = await app.request({
    method: 'POST',
    url: '/access/grants',
    body: { role: 'agent', object_type: 'view', object_name: 'candidates_safe', privilege: 'read' },
  });
  expect(grant.statusCode).toBe(201);
  agent = (
    await app.request({
      method: 'POST',
      url: '/access/keys',
      body: { name: 'bot', kind: 'agent', roles: ['agent'] },
    })
  ).json().key;
}, 120_000);
afterAll(async () => {
  const dataDir = app.dataDir;
  await app.close();
  rmSync(dataDir, { recursive: true, force: true }); // the restarted app does not own its directory
});

describe('an agent bound to an AI-safe view', () => {
  it('reads the view, with candidate ids masked like CAN******01 and filtered rows', async () => {
    const response = await asAgent(
      "SELECT candidate_id, state, status FROM candidates_safe WHERE state = 'CO' ORDER BY 1 LIMIT 50",
    );
    expect(response.statusCode, response.body).toBe(200);
    const rows = response.json().rows as string[][];
    expect(rows.length).toBeGreaterThan(0);
    for (const [id, , status] of rows) {
      expect(id).toMatch(/^CAN\*{6}\d{2}$/);
      expect(status).not.toBe('do_not_contact');
    }
  });

  it('cannot select a column outside the whitelist', async () => {
    const response = await asAgent('SELECT email FROM candidates_safe');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('email');
  });

  it('cannot reach the base dataset or any other dataset by any SQL', async () => {
    for (const sql of [
      'SELECT * FROM candidates',
      'SELECT * FROM placements',
      'SELECT * FROM main.candidates',
      "SELECT * FROM read_parquet('buckets/primary/datasets/candidates/*.parquet')",
      'WITH c AS (SELECT * FROM candidates) SELECT email FROM c',
      'SELECT * FROM candidates_safe JOIN candidates USING (candidate_id)',
    ]) {
      const response = await asAgent(sql);
      expect([403, 400], `${sql}: ${response.body}`).toContain(response.statusCode);
      expect(response.body).not.toMatch(/@example\./);
    }
    const catalog = (
      await app.request({ method: 'GET', url: '/catalog/datasets', key: agent })
    ).json().datasets;
    expect(catalog).toEqual([]);
    const views = (await app.request({ method: 'GET', url: '/catalog/views', key: agent })).json()
      .views;
    expect(views.map((v: { name: string }) => v.name)).toEqual(['candidates_safe']);
  });

  it('validates views on create and survives a restart', async () => {
    const bad = await app.request({
      method: 'POST',
      url: '/catalog/views',
      body: { name: 'bad_view', dataset: 'candidates', columns: ['nope'] },
    });
    expect(bad.statusCode).toBe(400);
    const badFilter = await app.request({
      method: 'POST',
      url: '/catalog/views',
      body: {
        name: 'bad_filter',
        dataset: 'candidates',
        columns: ['state'],
        row_filter: 'state IN (SELECT state FROM placements)',
      },
    });
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().error.code).toBe('invalid_predicate');
    const events = (
      await app.request({ method: 'GET', url: '/journal/history/candidates_safe' })
    ).json().events;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['create']);

    await app.stop();
    app = await startTestApp({ dataDir: app.dataDir });
    const again = await asAgent('SELECT count(*) FROM candidates_safe');
    expect(again.statusCode).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let analyst: string;
beforeAll(async () => {
  app = await startTestApp();
  await app.request({
    method: 'POST',
    url: '/ingest/file?dataset=salaries&filename=s.csv',
    body: 'id,salary\n1,100\n',
    headers: { 'content-type': 'text/csv' },
  });
  await app.request({
    method: 'POST',
    url: '/ingest/file?dataset=teams&filename=t.csv',
    body: 'id,team\n1,ops\n',
    headers: { 'content-type': 'text/csv' },
  });
  analyst = (
    await app.request({
      method: 'POST',
      url: '/access/keys',
      body: { name: 'a', roles: ['analyst'] },
    })
  ).json().key;
});
afterAll(async () => app.close());

const query = (sql: string, key?: string) =>
  app.request({ method: 'POST', url: '/query/sql', body: { sql }, ...(key && { key }) });

describe('policy rules on queries', () => {
  it('rejects a query with the rule message, lets others through, and is journaled', async () => {
    const created = await app.request({
      method: 'POST',
      url: '/access/rules',
      body: {
        name: 'no salaries for analysts',
        task_class: 'query',
        condition: {
          all: [
            { contains_any: { path: 'datasets', values: ['salaries'] } },
            { not: { contains_any: { path: 'principal.roles', values: ['admin'] } } },
          ],
        },
        action: 'reject',
        message: 'Salary data is off limits for analysts.',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json();

    const refused = await query('SELECT * FROM salaries', analyst);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({
      code: 'policy_rejected',
      message: 'Salary data is off limits for analysts.',
    });
    expect((await query('SELECT * FROM teams', analyst)).statusCode).toBe(200); // allow path
    expect((await query('SELECT * FROM salaries')).statusCode).toBe(200); // admins are not matched

    const events = (await app.request({ method: 'GET', url: `/journal/history/${rule.id}` })).json()
      .events;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['create']);
    const log = (await app.request({ method: 'GET', url: '/query/log?limit=10' })).json().queries;
    expect(
      log.find((q: { error_code: string | null }) => q.error_code === 'policy_rejected'),
    ).toBeDefined();
  });

  it('blocks everything with an always-block rule until it is removed', async () => {
    const rule = (
      await app.request({
        method: 'POST',
        url: '/access/rules',
        body: {
          name: 'freeze',
          task_class: '*',
          condition: { always: true },
          action: 'block',
          message: 'Maintenance freeze.',
        },
      })
    ).json();
    const blocked = await query('SELECT 1');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('policy_blocked');
    expect(
      (await app.request({ method: 'DELETE', url: `/access/rules/${rule.id}` })).statusCode,
    ).toBe(204);
    expect((await query('SELECT 1')).statusCode).toBe(200);
  });

  it('refuses malformed rules with the path of the problem, and non-admins', async () => {
    const bad = await app.request({
      method: 'POST',
      url: '/access/rules',
      body: {
        name: 'x',
        task_class: 'query',
        condition: { all: [{ equals: { path: 'a..b', value: 1 } }] },
        action: 'warn',
        message: 'm',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_rule');
    expect(bad.json().error.message).toContain('condition.all[0]');
    const denied = await app.request({ method: 'GET', url: '/access/rules', key: analyst });
    expect(denied.statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

describe('principals', () => {
  it('creates a principal, issues it a key, changes its roles and disables it', async () => {
    const created = await app.request({
      method: 'POST',
      url: '/access/principals',
      body: { name: 'recruiting bot', kind: 'agent', roles: ['agent'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const principal = created.json();
    const key = (
      await app.request({
        method: 'POST',
        url: '/access/keys',
        body: { name: 'bot key', principal_id: principal.id },
      })
    ).json();
    expect(key.principal).toMatchObject({ id: principal.id, roles: ['agent'] });
    expect(
      (await app.request({ method: 'GET', url: '/access/keys', key: key.key })).statusCode,
    ).toBe(403);

    const promoted = await app.request({
      method: 'PATCH',
      url: `/access/principals/${principal.id}`,
      body: { roles: ['agent', 'admin'] },
    });
    expect(promoted.json().roles).toEqual(['agent', 'admin']);
    expect(
      (await app.request({ method: 'GET', url: '/access/keys', key: key.key })).statusCode,
    ).toBe(200);

    await app.request({
      method: 'PATCH',
      url: `/access/principals/${principal.id}`,
      body: { disabled: true },
    });
    const refused = await app.request({ method: 'GET', url: '/ready', key: key.key });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toContain('disabled');
    const events = (
      await app.request({ method: 'GET', url: `/journal/history/${principal.id}` })
    ).json().events;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'update',
      'disable',
    ]);
  });

  it('refuses unknown roles', async () => {
    const response = await app.request({
      method: 'POST',
      url: '/access/principals',
      body: { name: 'x', kind: 'user', roles: ['wizard'] },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('role_not_found');
  });
});

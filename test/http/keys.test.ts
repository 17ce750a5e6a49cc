import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

async function keyEvents(id: string) {
  return (await app.request({ method: 'GET', url: `/journal/history/${id}` })).json()
    .events as Array<Record<string, unknown>>;
}

describe('API key management', () => {
  it('creates a key shown once, stores only a hash, and journals it with the actor', async () => {
    const response = await app.request({
      method: 'POST',
      url: '/access/keys',
      body: { name: 'etl job', kind: 'service', roles: ['engineer'], expires_in: '30d' },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.key).toMatch(/^lh_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: 'etl job',
      status: 'active',
      principal: { kind: 'service', roles: ['engineer'] },
    });
    expect(created.hint).not.toContain(created.key.slice(6, -2));

    const list = (await app.request({ method: 'GET', url: '/access/keys' })).json().keys;
    expect(JSON.stringify(list)).not.toContain(created.key);
    const stored = await app.lakehouse.metastore.db
      .selectFrom('api_keys')
      .select('key_hash')
      .execute();
    expect(JSON.stringify(stored)).not.toContain(created.key);

    const admin = list.find((k: { name: string }) => k.name === 'bootstrap admin');
    const events = await keyEvents(created.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'create',
      entity_type: 'api_key',
      actor: admin.principal.id,
    });
    expect(JSON.stringify(events)).not.toContain(created.key);
  });

  it('lets the new key authenticate with its roles', async () => {
    const created = (
      await app.request({ method: 'POST', url: '/access/keys', body: { name: 'reader' } })
    ).json();
    expect(created.principal.roles).toEqual(['analyst']);
    const forbidden = await app.request({ method: 'GET', url: '/access/keys', key: created.key });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error).toMatchObject({
      code: 'forbidden',
      details: { missing_privilege: 'admin' },
    });
    const ready = await app.request({ method: 'GET', url: '/ready', key: created.key });
    expect(ready.statusCode).toBe(200);
  });

  it('records last use', async () => {
    const created = (
      await app.request({ method: 'POST', url: '/access/keys', body: { name: 'used' } })
    ).json();
    expect(created.last_used_at).toBeNull();
    await app.request({ method: 'GET', url: '/ready', key: created.key });
    const list = (await app.request({ method: 'GET', url: '/access/keys' })).json().keys;
    expect(list.find((k: { id: string }) => k.id === created.id).last_used_at).not.toBeNull();
  });

  it.each([
    [{ name: '' }, 'validation_failed'],
    [{ name: 'x', expires_in: 'soon' }, 'validation_failed'],
    [{ name: 'x', expires_at: '2001-01-01T00:00:00Z' }, 'validation_failed'],
    [{ name: 'x', expires_at: 'not a time' }, 'validation_failed'],
    [{ name: 'x', roles: ['Bad Role'] }, 'validation_failed'],
    [{ name: 'x', kind: 'robot' }, 'validation_failed'],
    [{ name: 'x', surprise: true }, 'validation_failed'],
  ])('refuses %j with 400 and writes nothing', async (body, code) => {
    const before = (await app.request({ method: 'GET', url: '/journal/stats' })).json().total;
    const response = await app.request({ method: 'POST', url: '/access/keys', body });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe(code);
    expect((await app.request({ method: 'GET', url: '/journal/stats' })).json().total).toBe(before);
  });

  it('revokes once (one event), and refuses to revoke the last admin key', async () => {
    const created = (
      await app.request({ method: 'POST', url: '/access/keys', body: { name: 'temp' } })
    ).json();
    expect(
      (await app.request({ method: 'DELETE', url: `/access/keys/${created.id}` })).statusCode,
    ).toBe(200);
    expect(
      (await app.request({ method: 'DELETE', url: `/access/keys/${created.id}` })).statusCode,
    ).toBe(200);
    expect((await keyEvents(created.id)).map((e) => e.action)).toEqual(['create', 'revoke']);

    const unknown = await app.request({ method: 'DELETE', url: '/access/keys/nope' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('key_not_found');

    const list = (await app.request({ method: 'GET', url: '/access/keys' })).json().keys;
    const admin = list.find((k: { name: string }) => k.name === 'bootstrap admin');
    const last = await app.request({ method: 'DELETE', url: `/access/keys/${admin.id}` });
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('last_admin_key');
  });
});

describe('journal routes', () => {
  it('lists recent events newest first and reports stats', async () => {
    const recent = (await app.request({ method: 'GET', url: '/journal/recent?limit=3' })).json()
      .events;
    expect(recent).toHaveLength(3);
    expect(recent[0].id > recent[1].id).toBe(true);
    const stats = (await app.request({ method: 'GET', url: '/journal/stats' })).json();
    expect(stats.total).toBeGreaterThan(3);
    expect(stats.by_entity_type.api_key).toBeGreaterThan(0);
    const buckets = (
      await app.request({ method: 'GET', url: '/journal/recent?entity_type=bucket' })
    ).json().events;
    expect(buckets.map((e: { entity_id: string }) => e.entity_id).sort()).toEqual([
      'primary',
      'rescue',
    ]);
  });

  it('has no route that changes or deletes events', () => {
    const writes = app.lakehouse.routes.filter(
      (r) => r.url.startsWith('/journal') && !['GET', 'HEAD'].includes(r.method),
    );
    expect(writes).toEqual([]);
  });

  it('validates its query parameters', async () => {
    const response = await app.request({ method: 'GET', url: '/journal/recent?limit=0' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });
});

describe('error shape', () => {
  it('answers malformed JSON with 400 and the standard error object', async () => {
    const response = await app.request({
      method: 'POST',
      url: '/access/keys',
      body: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'bad_request', message: expect.any(String) },
    });
  });

  it('answers an oversized JSON body with 413', async () => {
    const response = await app.request({
      method: 'POST',
      url: '/access/keys',
      body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });

  it('echoes a request id, or makes one', async () => {
    const given = await app.request({
      method: 'GET',
      url: '/ready',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await app.request({ method: 'GET', url: '/ready' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

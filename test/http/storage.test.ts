import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { rawPut } from '../support/raw-http.js';
import { tempDir } from '../support/temp.js';

const temp = tempDir('storage-http');
let app: TestApp;
let adminPrincipal: string;

beforeAll(async () => {
  app = await startTestApp({ dataDir: temp.dir, env: { LAKEHOUSE_MAX_OBJECT_BYTES: '64KiB' } });
  const keys = await app.request({ method: 'GET', url: '/access/keys' });
  adminPrincipal = keys.json().keys[0].principal.id;
});
afterAll(async () => {
  await app.stop();
  temp.remove();
});

async function eventsFor(entityId: string) {
  const response = await app.request({
    method: 'GET',
    url: `/journal/history/${encodeURIComponent(entityId)}`,
  });
  expect(response.statusCode).toBe(200);
  return response.json().events as Array<Record<string, unknown>>;
}

describe('buckets', () => {
  it('always has primary and rescue', async () => {
    const response = await app.request({ method: 'GET', url: '/storage/buckets' });
    expect(response.json().buckets.map((b: { name: string }) => b.name)).toEqual([
      'primary',
      'rescue',
    ]);
  });

  it('creates a bucket with its folder and exactly one journal event by the caller', async () => {
    const response = await app.request({
      method: 'POST',
      url: '/storage/buckets',
      body: { name: 'archive' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: 'archive',
      protected: false,
      created_by: adminPrincipal,
    });
    expect(existsSync(path.join(temp.dir, 'buckets', 'archive'))).toBe(true);
    const events = await eventsFor('archive');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      entity_type: 'bucket',
      action: 'create',
      actor: adminPrincipal,
      source: 'http',
    });
  });

  it('refuses a duplicate or badly named bucket without a journal event', async () => {
    const duplicate = await app.request({
      method: 'POST',
      url: '/storage/buckets',
      body: { name: 'archive' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('bucket_exists');
    expect(await eventsFor('archive')).toHaveLength(1);
    for (const name of ['A', 'no_underscores', '-dash', 'x'.repeat(64), '../up']) {
      const bad = await app.request({ method: 'POST', url: '/storage/buckets', body: { name } });
      expect(bad.statusCode, name).toBe(400);
      expect(bad.json().error.code).toBe('invalid_bucket_name');
      expect(await eventsFor(name)).toEqual([]);
    }
  });

  it('protects primary and rescue (403, no event)', async () => {
    for (const name of ['primary', 'rescue']) {
      const before = (await eventsFor(name)).length;
      const response = await app.request({ method: 'DELETE', url: `/storage/buckets/${name}` });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('bucket_protected');
      expect(await eventsFor(name)).toHaveLength(before);
    }
  });

  it('names the valid buckets when one is unknown', async () => {
    const response = await app.request({ method: 'GET', url: '/storage/buckets/nope/objects' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({
      code: 'bucket_not_found',
      details: { valid_buckets: ['archive', 'primary', 'rescue'] },
    });
  });

  it('requires admin to create buckets', async () => {
    const created = await app.request({
      method: 'POST',
      url: '/access/keys',
      body: { name: 'analyst', roles: ['analyst'] },
    });
    const key = created.json().key;
    const response = await app.request({
      method: 'POST',
      url: '/storage/buckets',
      body: { name: 'sneaky' },
      key,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.details.missing_privilege).toBe('admin');
    expect(await eventsFor('sneaky')).toEqual([]);
  });
});

describe('objects', () => {
  it('puts, reads, lists and deletes, journaling each write once', async () => {
    const put = await app.request({
      method: 'PUT',
      url: '/storage/buckets/archive/objects/reports/2026/q1.csv',
      body: 'a,b\n1,2\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ key: 'reports/2026/q1.csv', size: 8 });
    const get = await app.request({
      method: 'GET',
      url: '/storage/buckets/archive/objects/reports/2026/q1.csv',
    });
    expect(get.statusCode).toBe(200);
    expect(get.body).toBe('a,b\n1,2\n');
    const json = await app.request({
      method: 'PUT',
      url: '/storage/buckets/archive/objects/reports/meta.json',
      body: '{"not":"parsed"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(json.statusCode).toBe(200);
    const list = await app.request({
      method: 'GET',
      url: '/storage/buckets/archive/objects?prefix=reports/2026/',
    });
    expect(list.json().objects.map((o: { key: string }) => o.key)).toEqual(['reports/2026/q1.csv']);
    const events = await eventsFor('archive/reports/2026/q1.csv');
    expect(events.map((e) => e.action)).toEqual(['create']);

    const del = await app.request({
      method: 'DELETE',
      url: '/storage/buckets/archive/objects/reports/2026/q1.csv',
    });
    expect(del.statusCode).toBe(204);
    expect((await eventsFor('archive/reports/2026/q1.csv')).map((e) => e.action)).toEqual([
      'create',
      'delete',
    ]);
    const missing = await app.request({
      method: 'DELETE',
      url: '/storage/buckets/archive/objects/reports/2026/q1.csv',
    });
    expect(missing.statusCode).toBe(404);
    expect((await eventsFor('archive/reports/2026/q1.csv')).length).toBe(2);
  });

  it('refuses traversal keys with 400 and writes nothing outside the bucket', async () => {
    const before = readdirSync(temp.dir).sort();
    // A literal "../" is normalised away by URL-parsing clients; send it raw over a socket.
    const base = await app.lakehouse.http.listen({ host: '127.0.0.1', port: 0 });
    const keys = [
      '../x',
      '../../x',
      'a/../../x',
      '%2e%2e/x',
      '%2E%2E/%2e%2e/x',
      '/etc/passwd',
      'a%00b',
      'a/%2e%2e/%2e%2e/x',
      'a%5cb',
    ];
    for (const key of keys) {
      const raw = await rawPut(`${base}/storage/buckets/archive/objects/${key}`, app.adminKey);
      expect(raw.status, key).toBe(400);
      expect(JSON.parse(raw.body).error.code, key).toBe('invalid_object_key');
    }
    expect(readdirSync(temp.dir).sort()).toEqual(before);
    expect(existsSync(path.join(temp.dir, 'buckets', 'x'))).toBe(false);
    expect(existsSync(path.join(temp.dir, 'x'))).toBe(false);
  });

  it('refuses an oversized object with 413 and keeps nothing', async () => {
    const response = await app.request({
      method: 'PUT',
      url: '/storage/buckets/archive/objects/big.bin',
      body: Buffer.alloc(65 * 1024),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
    const head = await app.request({
      method: 'GET',
      url: '/storage/buckets/archive/objects/big.bin',
    });
    expect(head.statusCode).toBe(404);
    expect(await eventsFor('archive/big.bin')).toEqual([]);
  });

  it('refuses to delete a bucket that holds objects', async () => {
    const response = await app.request({ method: 'DELETE', url: '/storage/buckets/archive' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('bucket_not_empty');
  });

  it('keeps buckets and objects across a restart, then deletes an emptied bucket', async () => {
    await app.stop();
    app = await startTestApp({ dataDir: temp.dir });
    const buckets = await app.request({ method: 'GET', url: '/storage/buckets' });
    expect(buckets.json().buckets.map((b: { name: string }) => b.name)).toEqual([
      'archive',
      'primary',
      'rescue',
    ]);
    const get = await app.request({
      method: 'GET',
      url: '/storage/buckets/archive/objects/reports/meta.json',
    });
    expect(get.body).toBe('{"not":"parsed"}');

    await app.request({
      method: 'DELETE',
      url: '/storage/buckets/archive/objects/reports/meta.json',
    });
    const del = await app.request({ method: 'DELETE', url: '/storage/buckets/archive' });
    expect(del.statusCode).toBe(204);
    expect(existsSync(path.join(temp.dir, 'buckets', 'archive'))).toBe(false);
    expect((await eventsFor('archive')).map((e) => e.action)).toEqual(['create', 'delete']);
  });
});

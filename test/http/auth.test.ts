import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

const clock = fixedClock('2026-01-01T00:00:00.000Z');
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ clock });
});
afterAll(async () => app.close());

/** Fills every path parameter so the URL reaches the route's handler. */
function concreteUrl(url: string): string {
  return url.replace(/:[A-Za-z_]+/g, 'x').replace(/\*/g, 'some/key');
}

describe('authentication on every route', () => {
  it('knows the public routes: /health, the docs, and the legal-token routes only', () => {
    const publicUrls = new Set(app.lakehouse.routes.filter((r) => r.public).map((r) => r.url));
    // These take the legal token instead of an API key (docs/adr/0012-legal-token-routes.md).
    const legalTokenRoutes = ['/audit/subjects/:id', '/subjects/:id/photo'];
    for (const url of publicUrls) {
      expect(
        url === '/health' ||
          url === '/openapi.json' ||
          url === '/docs' ||
          url.startsWith('/docs/') ||
          legalTokenRoutes.includes(url),
        url,
      ).toBe(true);
    }
    expect(publicUrls.has('/health')).toBe(true);
  });

  it('answers 401 without a key on every other registered route', async () => {
    const guarded = app.lakehouse.routes.filter((r) => !r.public);
    expect(guarded.length).toBeGreaterThan(10);
    for (const route of guarded) {
      const response = await app.request({
        method: route.method as 'GET',
        url: concreteUrl(route.url),
        key: null,
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      if (route.method !== 'HEAD') {
        expect(response.json().error.code, `${route.method} ${route.url}`).toBe('unauthorized');
      }
    }
  });

  it('answers 401 with a wrong key on every guarded route', async () => {
    for (const route of app.lakehouse.routes.filter((r) => !r.public && r.method !== 'HEAD')) {
      const response = await app.request({
        method: route.method as 'GET',
        url: concreteUrl(route.url),
        key: 'lh_wrong',
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json().error.message).toBe('invalid API key');
    }
  });

  it('answers 401 for an unknown route without a key (nothing revealed)', async () => {
    const response = await app.request({ method: 'GET', url: '/no/such/route', key: null });
    expect(response.statusCode).toBe(401);
    const known = await app.request({ method: 'GET', url: '/no/such/route' });
    expect(known.statusCode).toBe(404);
    expect(known.json().error.code).toBe('route_not_found');
  });

  it('serves /health, /openapi.json and /docs without a key', async () => {
    const health = await app.request({ method: 'GET', url: '/health', key: null });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const spec = await app.request({ method: 'GET', url: '/openapi.json', key: null });
    expect(spec.statusCode).toBe(200);
    expect(spec.json().paths['/storage/buckets']).toBeDefined();
    const docs = await app.request({ method: 'GET', url: '/docs', key: null });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('accepts the key as a Bearer token and as X-API-Key', async () => {
    const bearer = await app.request({ method: 'GET', url: '/ready' });
    expect(bearer.statusCode).toBe(200);
    expect(bearer.json()).toEqual({ status: 'ready', checks: { metastore: 'ok', storage: 'ok' } });
    const header = await app.request({
      method: 'GET',
      url: '/ready',
      key: null,
      headers: { 'x-api-key': app.adminKey },
    });
    expect(header.statusCode).toBe(200);
  });

  it('refuses a malformed Authorization header with a clear message', async () => {
    const response = await app.request({
      method: 'GET',
      url: '/ready',
      key: null,
      headers: { authorization: `Basic ${app.adminKey}` },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toMatch(/expected "Bearer <key>"/);
  });

  it('refuses revoked and expired keys', async () => {
    const created = await app.request({
      method: 'POST',
      url: '/access/keys',
      body: { name: 'short-lived', expires_in: '1h' },
    });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json();
    expect((await app.request({ method: 'GET', url: '/ready', key })).statusCode).toBe(200);

    clock.set('2026-01-01T02:00:00.000Z');
    const expired = await app.request({ method: 'GET', url: '/ready', key });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toBe('API key has expired');
    clock.set('2026-01-01T00:00:00.000Z');

    const revoked = await app.request({ method: 'DELETE', url: `/access/keys/${id}` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    const after = await app.request({ method: 'GET', url: '/ready', key });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toBe('API key has been revoked');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

type Need = 'admin' | 'engineer' | 'write' | 'read' | 'any';

interface RouteCase {
  readonly need: Need;
  readonly url?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/**
 * Every route and the privilege it needs, with a request that passes validation so the
 * privilege check is what decides. A route missing here fails the enumeration test.
 */
const CASES: Record<string, RouteCase> = {
  'GET /ready': { need: 'any' },
  'POST /access/keys': { need: 'admin', body: { name: 'x' } },
  'GET /access/keys': { need: 'admin' },
  'DELETE /access/keys/:id': { need: 'admin', url: '/access/keys/some-id' },
  'GET /access/roles': { need: 'admin' },
  'POST /access/roles': { need: 'admin', body: { name: 'newrole' } },
  'DELETE /access/roles/:name': { need: 'admin', url: '/access/roles/newrole' },
  'GET /access/grants': { need: 'admin' },
  'POST /access/grants': {
    need: 'admin',
    body: { role: 'agent', object_type: 'dataset', object_name: 'people', privilege: 'read' },
  },
  'DELETE /access/grants': {
    need: 'admin',
    body: { role: 'agent', object_type: 'dataset', object_name: 'people', privilege: 'read' },
  },
  'GET /access/masks': { need: 'admin' },
  'PUT /access/masks': {
    need: 'admin',
    body: { role: 'agent', dataset: 'people', column: 'name', kind: 'null' },
  },
  'DELETE /access/masks': {
    need: 'admin',
    url: '/access/masks?role=agent&dataset=people&column=name',
  },
  'GET /access/row-filters': { need: 'admin' },
  'PUT /access/row-filters': {
    need: 'admin',
    body: { role: 'agent', dataset: 'people', predicate: 'id > 0' },
  },
  'DELETE /access/row-filters': {
    need: 'admin',
    url: '/access/row-filters?role=agent&dataset=people',
  },
  'GET /access/rules': { need: 'admin' },
  'POST /access/rules': {
    need: 'admin',
    body: {
      name: 'r',
      task_class: 'query',
      condition: { always: true },
      action: 'warn',
      message: 'm',
    },
  },
  'PUT /access/rules/:id': {
    need: 'admin',
    url: '/access/rules/x',
    body: {
      name: 'r',
      task_class: 'query',
      condition: { always: true },
      action: 'warn',
      message: 'm',
    },
  },
  'DELETE /access/rules/:id': { need: 'admin', url: '/access/rules/x' },
  'GET /journal/recent': { need: 'admin' },
  'GET /journal/history/:entity_id': { need: 'admin', url: '/journal/history/people' },
  'GET /journal/stats': { need: 'admin' },
  'GET /storage/buckets': { need: 'any' },
  'POST /storage/buckets': { need: 'admin', body: { name: 'newbucket' } },
  'DELETE /storage/buckets/:name': { need: 'admin', url: '/storage/buckets/newbucket' },
  'GET /storage/buckets/:bucket/objects': {
    need: 'engineer',
    url: '/storage/buckets/primary/objects',
  },
  'GET /storage/buckets/:bucket/objects/*': {
    need: 'engineer',
    url: '/storage/buckets/primary/objects/a.txt',
  },
  'PUT /storage/buckets/:bucket/objects/*': {
    need: 'engineer',
    url: '/storage/buckets/primary/objects/a.txt',
    body: 'x',
    headers: { 'content-type': 'text/plain' },
  },
  'DELETE /storage/buckets/:bucket/objects/*': {
    need: 'engineer',
    url: '/storage/buckets/primary/objects/a.txt',
  },
  'GET /catalog/datasets': { need: 'any' },
  'GET /catalog/datasets/:name': { need: 'read', url: '/catalog/datasets/people' },
  'PATCH /catalog/datasets/:name/metadata': {
    need: 'write',
    url: '/catalog/datasets/people/metadata',
    body: { description: 'd' },
  },
  'GET /catalog/datasets/:name/snapshots': {
    need: 'read',
    url: '/catalog/datasets/people/snapshots',
  },
  'POST /catalog/datasets/:name/schema-diff': {
    need: 'read',
    url: '/catalog/datasets/people/schema-diff?filename=p.csv',
    body: 'id,name\n3,c\n',
    headers: { 'content-type': 'text/csv' },
  },
  'POST /catalog/resync-missing': { need: 'engineer' },
  'POST /catalog/resync-metadata': { need: 'engineer', body: {} },
  'POST /ingest/file': {
    need: 'write',
    url: '/ingest/file?dataset=people&mode=append&filename=p.csv',
    body: 'id,name\n9,z\n',
    headers: { 'content-type': 'text/csv' },
  },
  'POST /ingest/path': {
    need: 'write',
    body: { path: 'p.csv', dataset: 'people', mode: 'append' },
  },
  'GET /jobs': { need: 'any' },
  'GET /jobs/:id': { need: 'any', url: '/jobs/unknown' },
  'POST /query/sql': { need: 'any', body: { sql: 'SELECT 1' } },
  'GET /query/log': { need: 'admin' },
  'POST /query/paged': { need: 'any', body: { sql: 'SELECT 1', page_size: 10 } },
  'GET /query/page/:id/:n': { need: 'any', url: '/query/page/unknown/1' },
  'POST /query/cache/pin': { need: 'engineer', body: { dataset: 'people' } },
  'POST /query/cache/evict': { need: 'engineer', body: {} },
  'GET /query/cache/stats': { need: 'any' },
  'GET /access/principals': { need: 'admin' },
  'POST /catalog/datasets/:name/tombstones': {
    need: 'write',
    url: '/catalog/datasets/people/tombstones',
    body: { key_column: 'id', values: ['1'], reason: 'r' },
  },
  'POST /catalog/datasets/:name/compact': {
    need: 'write',
    url: '/catalog/datasets/people/compact',
  },
  'POST /catalog/datasets/:name/rows': {
    need: 'write',
    url: '/catalog/datasets/people/rows',
    body: { rows: [{ id: 1, name: 'x' }] },
  },
  'POST /catalog/datasets/:name/gc': {
    need: 'write',
    url: '/catalog/datasets/people/gc',
    body: {},
  },
  'POST /catalog/gc': { need: 'engineer', body: {} },
  'POST /sources': {
    need: 'engineer',
    body: { name: 's', dsn: 'postgres://u@127.0.0.1:1/db', verify: false },
  },
  'GET /sources': { need: 'engineer' },
  'GET /sources/:id': { need: 'engineer', url: '/sources/none' },
  'DELETE /sources/:id': { need: 'engineer', url: '/sources/none' },
  'GET /sources/:id/tables': { need: 'engineer', url: '/sources/none/tables' },
  'POST /sources/:id/import': { need: 'engineer', url: '/sources/none/import', body: {} },
  'POST /ingest/postgres/tables': {
    need: 'engineer',
    body: { dsn: 'postgres://u@127.0.0.1:1/db' },
  },
  'POST /ingest/mysql/tables': { need: 'engineer', body: { dsn: 'mysql://u@127.0.0.1:1/db' } },
  'POST /ingest/postgres/import': {
    need: 'engineer',
    body: { dsn: 'postgres://u@127.0.0.1:1/db', schema: 'public' },
  },
  'POST /ingest/mysql/import': {
    need: 'engineer',
    body: { dsn: 'mysql://u@127.0.0.1:1/db', schema: 'db' },
  },
  'GET /subjects/:id': { need: 'admin', url: '/subjects/S1' },
  'PUT /subjects/:id': { need: 'admin', url: '/subjects/S1', body: {} },
  'POST /subjects/backfill': { need: 'admin', body: { dataset: 'people', key_column: 'id' } },
  'POST /subjects/retention-sweep': { need: 'admin', body: {} },
  'POST /subjects/:id/erase': { need: 'admin', url: '/subjects/S1/erase' },
  'GET /subjects/:id/erasure': { need: 'admin', url: '/subjects/S1/erasure' },
  'GET /catalog/datasets/:name/tombstones': {
    need: 'read',
    url: '/catalog/datasets/people/tombstones',
  },
  'POST /access/principals': {
    need: 'admin',
    body: { name: 'p', kind: 'user', roles: ['analyst'] },
  },
  'PATCH /access/principals/:id': {
    need: 'admin',
    url: '/access/principals/x',
    body: { disabled: true },
  },
  'POST /catalog/views': {
    need: 'write',
    body: { name: 'people_safe', dataset: 'people', columns: ['id'] },
  },
  'GET /catalog/views': { need: 'any' },
  'GET /catalog/views/:name': { need: 'read', url: '/catalog/views/people_safe' },
  'DELETE /catalog/views/:name': { need: 'write', url: '/catalog/views/people_safe' },
};

let app: TestApp;
const keys: Record<'agent' | 'analyst', string> = { agent: '', analyst: '' };

beforeAll(async () => {
  app = await startTestApp();
  await app.request({
    method: 'POST',
    url: '/ingest/file?dataset=people&filename=p.csv',
    body: 'id,name\n1,a\n',
    headers: { 'content-type': 'text/csv' },
  });
  await app.request({
    method: 'POST',
    url: '/catalog/views',
    body: { name: 'people_safe', dataset: 'people', columns: ['id'] },
  });
  for (const role of ['agent', 'analyst'] as const) {
    keys[role] = (
      await app.request({
        method: 'POST',
        url: '/access/keys',
        body: { name: role, roles: [role] },
      })
    ).json().key;
  }
});
afterAll(async () => app.close());

const guarded = () => app.lakehouse.routes.filter((r) => !r.public && r.method !== 'HEAD');

/** Who may not: agents hold no grants; analysts read every dataset but write none. */
const REFUSED: Record<Need, readonly ('agent' | 'analyst')[]> = {
  admin: ['agent', 'analyst'],
  engineer: ['agent', 'analyst'],
  write: ['agent', 'analyst'],
  read: ['agent'],
  any: [],
};

describe('privileges on every route', () => {
  it('classifies every registered route', () => {
    const missing = guarded()
      .map((r) => `${r.method} ${r.url}`)
      .filter((name) => !(name in CASES));
    expect(missing).toEqual([]);
  });

  it('refuses callers without the needed privilege (403 naming it, or 404 for unreadable datasets)', async () => {
    for (const route of guarded()) {
      const name = `${route.method} ${route.url}`;
      const spec = CASES[name]!;
      for (const role of ['agent', 'analyst'] as const) {
        const response = await app.request({
          method: route.method as 'GET',
          url: spec.url ?? route.url,
          key: keys[role],
          ...(spec.body !== undefined && { body: spec.body }),
          ...(spec.headers && { headers: spec.headers }),
        });
        if (REFUSED[spec.need].includes(role)) {
          // An unreadable dataset is answered like a missing one (its existence is not revealed).
          const expected =
            spec.need === 'read' ||
            (spec.need === 'write' && role === 'agent' && route.url.includes(':name'))
              ? [403, 404]
              : [403];
          expect(expected, `${name} as ${role}: ${response.body}`).toContain(response.statusCode);
          if (response.statusCode === 403) {
            expect(
              response.json().error.details?.missing_privilege,
              `${name} as ${role}`,
            ).toBeDefined();
          }
        } else {
          expect([401, 403], `${name} as ${role}: ${response.body}`).not.toContain(
            response.statusCode,
          );
        }
      }
    }
  });
});

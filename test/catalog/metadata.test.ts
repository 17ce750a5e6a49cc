import { readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

const clock = fixedClock('2026-05-01T00:00:00.000Z');
let app: TestApp;

const CSV =
  'id,email,note,amount\n1,ann@example.com,hello,1.50\n2,bob@example.com,world,2.25\n3,cy@example.com,again,3.00\n';

async function ingest(dataset: string, body: string, query = '') {
  const response = await app.request({
    method: 'POST',
    url: `/ingest/file?dataset=${dataset}&filename=${dataset}.csv${query}`,
    body,
    headers: { 'content-type': 'text/csv' },
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

const patch = (name: string, body: unknown) =>
  app.request({ method: 'PATCH', url: `/catalog/datasets/${name}/metadata`, body });

beforeAll(async () => {
  app = await startTestApp({ clock });
  await ingest('contacts', CSV);
});
afterAll(async () => app.close());

describe('PATCH /catalog/datasets/{name}/metadata', () => {
  it('changes fields and journals each with old and new values', async () => {
    const response = await patch('contacts', {
      description: 'People we mail',
      owner: 'crm-team',
      tags: ['crm', 'mail'],
      sensitivity: 'confidential',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      description: 'People we mail',
      owner: 'crm-team',
      tags: ['crm', 'mail'],
      sensitivity: 'confidential',
    });
    const events = (await app.request({ method: 'GET', url: '/journal/history/contacts' })).json()
      .events;
    const updates = events.filter((e: { action: string }) => e.action === 'update_metadata');
    expect(updates.map((e: { field: string }) => e.field).sort()).toEqual([
      'description',
      'owner',
      'sensitivity',
      'tags',
    ]);
    const description = updates.find((e: { field: string }) => e.field === 'description');
    expect(description).toMatchObject({ old_value: '', new_value: 'People we mail' });
  });

  it('validates the row key against the data', async () => {
    const bad = await patch('contacts', { row_key_column: 'note_missing' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_row_key');
    const good = await patch('contacts', { row_key_column: 'id' });
    expect(good.statusCode).toBe(200);
    expect(good.json().row_key_column).toBe('id');
  });

  it('keeps column overrides across a replace', async () => {
    const overridden = await patch('contacts', {
      columns: [{ name: 'note', is_pii: true, pii_category: 'PHI', sensitivity: 'restricted' }],
    });
    expect(
      overridden.json().columns.find((c: { name: string }) => c.name === 'note'),
    ).toMatchObject({
      is_pii: true,
      pii_category: 'PHI',
      sensitivity: 'restricted',
      overridden: true,
    });
    const replaced = await ingest('contacts', CSV, '&mode=replace');
    expect(replaced.dataset.columns.find((c: { name: string }) => c.name === 'note')).toMatchObject(
      { is_pii: true, pii_category: 'PHI', overridden: true },
    );
    expect(
      replaced.dataset.columns.find((c: { name: string }) => c.name === 'email'),
    ).toMatchObject({ is_pii: true, overridden: false });
    expect(replaced.dataset.columns.find((c: { name: string }) => c.name === 'amount').type).toBe(
      'DECIMAL(18,2)',
    );
  });

  it.each([
    [{ sensitivity: 'top-secret' }, 'validation_failed'],
    [{ expected_update_interval: 'soonish' }, 'validation_failed'],
    [{ columns: [{ name: 'nope', is_pii: true }] }, 'validation_failed'],
    [{ columns: [{ name: 'note', pii_category: 'Gossip' }] }, 'validation_failed'],
    [{}, 'validation_failed'],
    [{ unknown_field: 1 }, 'validation_failed'],
  ])('refuses %j with 400 and no event', async (body, code) => {
    const before = (await app.request({ method: 'GET', url: '/journal/history/contacts' })).json()
      .events.length;
    const response = await patch('contacts', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe(code);
    expect(
      (await app.request({ method: 'GET', url: '/journal/history/contacts' })).json().events.length,
    ).toBe(before);
  });

  it('answers 404 for an unknown dataset', async () => {
    const response = await patch('ghosts', { description: 'x' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('dataset_not_found');
  });
});

describe('freshness, snapshots and maintenance', () => {
  it('flags a dataset stale when its freshness contract is violated', async () => {
    await patch('contacts', { expected_update_interval: '1d' });
    expect(
      (await app.request({ method: 'GET', url: '/catalog/datasets/contacts' })).json().freshness
        .stale,
    ).toBe(false);
    clock.set('2026-05-03T00:00:00.000Z');
    const later = (await app.request({ method: 'GET', url: '/catalog/datasets/contacts' })).json();
    expect(later.freshness).toMatchObject({ expected_update_interval_s: 86400, stale: true });
    clock.set('2026-05-01T00:00:00.000Z');
  });

  it('lists snapshots newest first', async () => {
    const snapshots = (
      await app.request({ method: 'GET', url: '/catalog/datasets/contacts/snapshots' })
    ).json().snapshots;
    expect(snapshots.map((s: { operation: string }) => s.operation)).toEqual(['replace', 'create']);
    expect(snapshots[0].seq).toBe(2);
  });

  it('flags datasets whose files disappeared, and clears the flag when they return', async () => {
    await ingest('fragile', 'id,x\n1,a\n');
    const dir = path.join(app.dataDir, 'buckets', 'primary', 'datasets', 'fragile');
    const [file] = readdirSync(dir);
    renameSync(path.join(dir, file!), path.join(app.dataDir, 'moved-away.parquet'));
    const report = (await app.request({ method: 'POST', url: '/catalog/resync-missing' })).json();
    expect(report.missing).toEqual([{ dataset: 'fragile', files: [`datasets/fragile/${file}`] }]);
    expect(JSON.stringify(report)).not.toContain(app.dataDir);
    expect(
      (await app.request({ method: 'GET', url: '/catalog/datasets/fragile' })).json().status,
    ).toBe('missing_files');
    renameSync(path.join(app.dataDir, 'moved-away.parquet'), path.join(dir, file!));
    const again = (await app.request({ method: 'POST', url: '/catalog/resync-missing' })).json();
    expect(again.restored).toEqual(['fragile']);
    expect(
      (await app.request({ method: 'GET', url: '/catalog/datasets/fragile' })).json().status,
    ).toBe('ready');
  });

  it('re-runs detection on request, keeping overrides', async () => {
    const response = await app.request({
      method: 'POST',
      url: '/catalog/resync-metadata',
      body: { datasets: ['contacts'] },
    });
    expect(response.statusCode).toBe(200);
    const contacts = (
      await app.request({ method: 'GET', url: '/catalog/datasets/contacts' })
    ).json();
    expect(contacts.columns.find((c: { name: string }) => c.name === 'note').pii_category).toBe(
      'PHI',
    );
  });
});

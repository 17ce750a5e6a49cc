import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { tempDir } from '../support/temp.js';

const outside = tempDir('outside');
let app: TestApp;
let inbox: string;

beforeAll(async () => {
  app = await startTestApp({ env: { LAKEHOUSE_INBOX_WATCH: 'on' } });
  inbox = app.config.inboxDir;
  mkdirSync(inbox, { recursive: true });
  writeFileSync(path.join(outside.dir, 'secret.csv'), 'id,secret\n1,s\n');
});
afterAll(async () => {
  await app.close();
  outside.remove();
});

describe('ingest from a server path', () => {
  it('ingests a file inside the inbox', async () => {
    writeFileSync(path.join(inbox, 'staff.csv'), 'id,name\n1,Ann\n2,Bo\n');
    const response = await app.request({
      method: 'POST',
      url: '/ingest/path',
      body: { path: 'staff.csv', dataset: 'staff', key: 'id' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().dataset).toMatchObject({
      row_count: 2,
      lineage: { source_system: 'server_path', source: 'staff.csv' },
    });
    expect(existsSync(path.join(inbox, 'staff.csv'))).toBe(true); // the operator's file is left alone
  });

  it.each([
    ['an absolute path outside', () => path.join(outside.dir, 'secret.csv')],
    ['a relative escape', () => `../${path.basename(outside.dir)}/secret.csv`],
    ['/etc/passwd', () => '/etc/passwd'],
  ])('refuses %s with 403 and writes nothing', async (_label, target) => {
    const response = await app.request({
      method: 'POST',
      url: '/ingest/path',
      body: { path: target(), dataset: 'stolen' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('path_not_allowed');
    expect(response.json().error.message).toContain('outside the inbox');
    expect((await app.request({ method: 'GET', url: '/catalog/datasets/stolen' })).statusCode).toBe(
      404,
    );
  });

  it('refuses a symlink inside the inbox that points outside', async () => {
    symlinkSync(path.join(outside.dir, 'secret.csv'), path.join(inbox, 'link.csv'));
    const response = await app.request({
      method: 'POST',
      url: '/ingest/path',
      body: { path: 'link.csv', dataset: 'linked' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('path_not_allowed');
  });

  it('answers 404 for a missing file', async () => {
    const response = await app.request({
      method: 'POST',
      url: '/ingest/path',
      body: { path: 'nope.csv', dataset: 'nope' },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('the watched inbox', () => {
  it('ingests new files once they are stable, then appends, and sets refused files aside with the reason', async () => {
    const watched = tempDir('watched');
    const local = await startTestApp({
      env: { LAKEHOUSE_INBOX_WATCH: 'on', LAKEHOUSE_INBOX_DIR: watched.dir },
    });
    const watcher = (await local.lakehouse.startInboxWatcher({
      intervalMs: 60_000,
      stableScans: 2,
    }))!;
    writeFileSync(path.join(watched.dir, 'Orders 2026.csv'), 'id,total\n1,9.50\n2,3.25\n');
    mkdirSync(path.join(watched.dir, 'orders_2026'));
    writeFileSync(path.join(watched.dir, 'orders_2026', 'part-2.csv'), 'id,total\n3,1.00\n');
    writeFileSync(path.join(watched.dir, 'broken.csv'), 'a,b\n1,2,3\n');

    expect(await watcher.scanOnce()).toEqual([]); // first sight: maybe still being written
    const outcomes = await watcher.scanOnce();
    expect(outcomes.map((o) => [o.file, o.dataset, o.ok])).toEqual([
      ['Orders 2026.csv', 'orders_2026', true],
      ['broken.csv', 'broken', false],
      [path.join('orders_2026', 'part-2.csv'), 'orders_2026', true],
    ]);
    const dataset = (
      await local.request({ method: 'GET', url: '/catalog/datasets/orders_2026' })
    ).json();
    expect(dataset.row_count).toBe(3);
    expect(dataset.lineage).toMatchObject({ source_system: 'inbox', mode: 'append' });
    expect(readdirSync(path.join(watched.dir, '.done'))).toHaveLength(2);
    const failed = readdirSync(path.join(watched.dir, '.failed'));
    const errorFile = failed.find((f) => f.endsWith('.error.json'))!;
    expect(
      JSON.parse(readFileSync(path.join(watched.dir, '.failed', errorFile), 'utf8')).code,
    ).toBe('malformed_file');
    expect(
      (await local.request({ method: 'GET', url: '/catalog/datasets/broken' })).statusCode,
    ).toBe(404);
    const events = (
      await local.request({ method: 'GET', url: '/journal/history/orders_2026' })
    ).json().events;
    expect(events.map((e: { actor: string }) => e.actor)).toEqual([
      'inbox-watcher',
      'inbox-watcher',
    ]);
    await local.close();
    watched.remove();
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { createTestDatabase, postgresAvailable } from '../support/postgres.js';
import { tempDir } from '../support/temp.js';

const ready = await postgresAvailable();
const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const instanceId = (app: TestApp) =>
  readFileSync(path.join(app.dataDir, 'instance-id'), 'utf8').trim();

describe.runIf(ready)('job recovery with two servers on one PostgreSQL metastore', () => {
  it("a restarting server fails its own unfinished jobs, never the other server's", async () => {
    const database = await createTestDatabase('job_recovery');
    cleanups.push(() => database.drop());
    const dirs = [tempDir('jobs-a'), tempDir('jobs-b')];
    cleanups.push(() => dirs.forEach((d) => d.remove()));
    let a = await startTestApp({ dataDir: dirs[0]!.dir, metastoreUrl: database.url });
    const b = await startTestApp({ dataDir: dirs[1]!.dir, metastoreUrl: database.url });
    cleanups.push(() => b.stop());
    expect(instanceId(a)).not.toBe(instanceId(b));
    const job = (id: string, owner: string) => ({
      id,
      kind: 'import',
      state: 'running',
      dataset: null,
      params: '{}',
      progress: '{}',
      result: null,
      error: null,
      created_at: '2026-01-01T00:00:00.000Z',
      created_by: 'test',
      started_at: '2026-01-01T00:00:00.000Z',
      finished_at: null,
      updated_at: '2026-01-01T00:00:00.000Z',
      owner,
    });
    const db = a.lakehouse.metastore.db;
    await db
      .insertInto('jobs')
      .values([job('job-of-a', instanceId(a)), job('job-of-b', instanceId(b))])
      .execute();

    await a.stop();
    a = await startTestApp({ dataDir: dirs[0]!.dir, metastoreUrl: database.url });
    cleanups.push(() => a.stop());
    const states = await a.lakehouse.metastore.db
      .selectFrom('jobs')
      .select(['id', 'state', 'error'])
      .where('id', 'in', ['job-of-a', 'job-of-b'])
      .orderBy('id')
      .execute();
    expect(states.map((s) => [s.id, s.state])).toEqual([
      ['job-of-a', 'failed'],
      ['job-of-b', 'running'],
    ]);
    expect(JSON.parse(states[0]!.error!).code).toBe('interrupted');
  }, 60_000);
});

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { tempDir } from '../support/temp.js';
import { createPgSource, postgresAvailable } from '../connectors/support/pg-source.js';

const KEY = 'import-crash-admin-key-0123456789';
const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-only reading of JSON responses
type Json = Record<string, any>;
const ready = await postgresAvailable();
const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const start = (dir: string) =>
  startServerProcess({
    LAKEHOUSE_ADMIN_KEY: KEY,
    LAKEHOUSE_DATA_DIR: dir,
    LAKEHOUSE_INBOX_WATCH: 'off',
  });
const call = async (server: ServerProcess, method: string, url: string, body?: unknown) => {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
};

describe.runIf(ready)('killing the server mid-import', () => {
  it('leaves no partial dataset, marks the job interrupted, and a re-run succeeds', async () => {
    const source = await createPgSource('import_crash');
    cleanups.push(() => source.drop());
    await source.query(`CREATE TABLE big AS
      SELECT g AS id, md5(g::text) AS a, md5((g * 7)::text) AS b, now() AS at
      FROM generate_series(1, 1500000) g`);
    const temp = tempDir('import-crash');
    cleanups.push(() => temp.remove());
    const importBody = { dsn: source.database.url, tables: [{ schema: 'public', table: 'big' }] };

    const server = await start(temp.dir);
    const accepted = await call(server, 'POST', '/ingest/postgres/import', importBody);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    const jobId = accepted.body['jobs'][0].job_id as string;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const job = (await call(server, 'GET', `/jobs/${jobId}`)).body;
      if (job['state'] === 'running' && job['rows_processed'] > 0) break;
      expect(job['state']).not.toBe('succeeded'); // the table must be big enough to catch mid-way
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    server.child.kill('SIGKILL');
    await server.exited;

    const after = await start(temp.dir);
    cleanups.push(async () => {
      after.child.kill('SIGTERM');
      await after.exited;
    });
    expect((await call(after, 'GET', '/catalog/datasets/big')).status).toBe(404);
    const job = (await call(after, 'GET', `/jobs/${jobId}`)).body;
    expect(job['state']).toBe('failed');
    expect(job['error'].code).toBe('interrupted');
    const datasetDir = path.join(temp.dir, 'buckets', 'primary', 'datasets', 'big');
    expect(existsSync(datasetDir) ? readdirSync(datasetDir) : []).toEqual([]);
    expect(existsSync(path.join(temp.dir, 'staging', 'imports'))).toBe(false);

    const rerun = await call(after, 'POST', '/ingest/postgres/import', {
      ...importBody,
      wait: true,
    });
    expect(rerun.status, JSON.stringify(rerun.body)).toBe(201);
    expect(rerun.body['jobs'][0].rows).toBe(1_500_000);
    const count = await call(after, 'POST', '/query/sql', { sql: 'SELECT count(*) FROM big' });
    expect(count.body['rows']).toEqual([['1500000']]);
  }, 240_000);
});

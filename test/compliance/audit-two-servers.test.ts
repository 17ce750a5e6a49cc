import { createSecretKey, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditChainService } from '../../src/compliance/audit/index.js';
import { Metastore } from '../../src/metastore/index.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { createTestDatabase, postgresAvailable } from '../support/postgres.js';
import { tempDir } from '../support/temp.js';

const KEY = 'two-servers-admin-key-0123456789';
const ready = await postgresAvailable();
const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.runIf(ready)('audit appends from two server processes on one PostgreSQL metastore', () => {
  it('50 concurrent audited lookups of one subject give 50 rows and an intact chain', async () => {
    const database = await createTestDatabase('audit_two_servers');
    cleanups.push(() => database.drop());
    const auditKey = randomBytes(32);
    const env = (dir: string) => ({
      LAKEHOUSE_ADMIN_KEY: KEY,
      LAKEHOUSE_DATA_DIR: dir,
      LAKEHOUSE_METASTORE_URL: database.url,
      LAKEHOUSE_AUDIT_KEY: auditKey.toString('hex'),
      LAKEHOUSE_INBOX_WATCH: 'off',
    });
    const servers: ServerProcess[] = [];
    for (const label of ['a', 'b']) {
      const temp = tempDir(`two-servers-${label}`);
      cleanups.push(() => temp.remove());
      const server = await startServerProcess(env(temp.dir));
      cleanups.push(async () => {
        server.child.kill('SIGTERM');
        await server.exited;
      });
      servers.push(server);
    }
    const call = (server: ServerProcess, method: string, url: string, body?: unknown) =>
      fetch(`${server.url}${url}`, {
        method,
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    expect((await call(servers[0]!, 'PUT', '/subjects/S-1', {})).status).toBe(200);
    const lookups = Array.from({ length: 50 }, (_, i) =>
      call(servers[i % 2]!, 'GET', '/subjects/S-1').then((r) => r.status),
    );
    expect(await Promise.all(lookups)).toEqual(Array(50).fill(200));

    const metastore = await Metastore.open(database.url);
    cleanups.push(() => metastore.close());
    const chain = new AuditChainService(metastore, { key: createSecretKey(auditKey) });
    const verification = await chain.verify('S-1');
    expect(verification).toMatchObject({ ok: true, rows: 50 });
    const rows = await chain.rows('S-1');
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  }, 120_000);
});

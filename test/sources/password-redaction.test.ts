import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/server-process.js';
import { tempDir } from '../support/temp.js';
import { createMysqlSource, mysqlAvailable } from '../connectors/support/mysql-source.js';

const KEY = 'redaction-admin-key-0123456789abc';
const ready = await mysqlAvailable();
const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.runIf(ready)('a source password never leaves the request', () => {
  it('is absent from every log line (debug level), response, journal event and file', async () => {
    const source = await createMysqlSource('redaction');
    cleanups.push(() => source.drop());
    await source.query('CREATE TABLE t (id INT PRIMARY KEY, v TEXT)');
    await source.query("INSERT INTO t VALUES (1, 'a')");
    const user = await source.createUser();
    await source.query(`GRANT SELECT ON \`${source.name}\`.* TO '${user.name}'@'%'`);
    const temp = tempDir('redaction');
    cleanups.push(() => temp.remove());
    const server = await startServerProcess({
      LAKEHOUSE_ADMIN_KEY: KEY,
      LAKEHOUSE_DATA_DIR: temp.dir,
      LAKEHOUSE_LOG_LEVEL: 'debug',
    });
    cleanups.push(async () => {
      server.child.kill('SIGTERM');
      await server.exited;
    });
    const call = async (method: string, url: string, body?: unknown) => {
      const response = await fetch(`${server.url}${url}`, {
        method,
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: response.status, text: await response.text() };
    };
    const fields = {
      system: 'mysql',
      host: '127.0.0.1',
      port: 3306,
      user: user.name,
      database: source.name,
    };
    const texts: string[] = [];
    const saved = await call('POST', '/sources', {
      name: 'shop',
      ...fields,
      password: user.password,
    });
    expect(saved.status, saved.text).toBe(201);
    texts.push(saved.text);
    const id = JSON.parse(saved.text).id as string;
    const imported = await call('POST', `/sources/${id}/import`, {
      tables: [{ schema: source.name, table: 't' }],
      wait: true,
    });
    expect(imported.status, imported.text).toBe(201);
    texts.push(imported.text);
    const wrong = `${user.password}-wrong`;
    const refused = await call('POST', '/ingest/mysql/import', {
      ...fields,
      password: wrong,
      tables: [{ schema: source.name, table: 't' }],
    });
    expect(refused.status).toBe(400);
    texts.push(refused.text);
    for (const url of [
      '/sources',
      `/sources/${id}`,
      '/journal/recent?limit=1000',
      '/catalog/datasets/t',
      '/jobs',
    ])
      texts.push((await call('GET', url)).text);
    for (const text of texts) {
      expect(text).not.toContain(user.password);
      expect(text).not.toContain(encodeURIComponent(user.password));
    }
    expect(server.output().length).toBeGreaterThan(0);
    for (const secret of [user.password, wrong, encodeURIComponent(user.password)])
      expect(server.output()).not.toContain(secret);
    const files = (readdirSync(temp.dir, { recursive: true }) as string[])
      .map((f) => path.join(temp.dir, f))
      .filter((f) => statSync(f).isFile());
    for (const file of files)
      expect(readFileSync(file).includes(Buffer.from(user.password)), file).toBe(false);
  }, 120_000);
});

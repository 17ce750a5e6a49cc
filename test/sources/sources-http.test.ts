import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { closedPort } from '../connectors/support/fake-servers.js';
import {
  createMysqlSource,
  mysqlAvailable,
  type MysqlSource,
} from '../connectors/support/mysql-source.js';
import {
  createPgSource,
  postgresAvailable,
  type PgRole,
  type PgSource,
} from '../connectors/support/pg-source.js';

let app: TestApp;
let pgSource: PgSource;
let myDb: MysqlSource;
let role: PgRole;
let sourceId: string;
const ready = (await postgresAvailable()) && (await mysqlAvailable());

const post = (url: string, body: unknown) => app.request({ method: 'POST', url, body });
const rows = async (sql: string) => {
  const response = await post('/query/sql', { sql });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().rows as unknown[][];
};

beforeAll(async () => {
  if (!ready) return;
  app = await startTestApp();
  pgSource = await createPgSource('sources');
  await pgSource.query(`
    CREATE TABLE people (
      id bigint PRIMARY KEY, name text, email text, salary numeric(10,2),
      updated_at timestamptz NOT NULL DEFAULT '2026-01-01T00:00:00Z');
    INSERT INTO people (id, name, email, salary)
      SELECT g, 'name ' || g, 'p' || g || '@example.com', g * 1.5 FROM generate_series(1, 1000) g;
    CREATE TABLE secret_stuff (id int);
    ANALYZE people;`);
  role = await pgSource.createRole();
  await pgSource.query(
    `GRANT USAGE ON SCHEMA public TO ${role.name}; GRANT SELECT ON people TO ${role.name}`,
  );
  myDb = await createMysqlSource('sources');
  await myDb.query(
    'CREATE TABLE orders (id BIGINT UNSIGNED PRIMARY KEY, amount DECIMAL(12,2), paid TINYINT(1), note TEXT)',
  );
  await myDb.query(
    "INSERT INTO orders VALUES (1, 10.50, 1, 'a'), (18446744073709551615, 99999.99, 0, NULL)",
  );
}, 120_000);
afterAll(async () => {
  if (!ready) return;
  await app.close();
  await pgSource.drop();
  await myDb.drop();
});

describe.runIf(ready)('database sources', () => {
  it('saves a source with its password sealed and never returned', async () => {
    const url = new URL(pgSource.database.url);
    const response = await post('/sources', {
      name: 'hr',
      system: 'postgres',
      host: url.hostname,
      port: Number(url.port),
      user: role.name,
      password: role.password,
      database: pgSource.database.name,
    });
    expect(response.statusCode, response.body).toBe(201);
    sourceId = response.json().id;
    expect(response.json()).toMatchObject({ name: 'hr', system: 'postgres', has_password: true });
    expect(response.body).not.toContain(role.password);
    const list = await app.request({ method: 'GET', url: '/sources' });
    expect(list.json().sources).toHaveLength(1);
    expect(list.body).not.toContain(role.password);
    expect(list.json().sources[0].dsn).toContain('***');
  });

  it('discovers schemas, tables with estimated rows, and columns with source types', async () => {
    const response = await app.request({ method: 'GET', url: `/sources/${sourceId}/tables` });
    expect(response.statusCode, response.body).toBe(200);
    const people = response
      .json()
      .schemas.find((s: { name: string }) => s.name === 'public')
      .tables.find((t: { name: string }) => t.name === 'people');
    expect(people.estimated_rows).toBe(1000);
    expect(
      people.columns.map((c: { name: string; source_type: string }) => [c.name, c.source_type]),
    ).toEqual([
      ['id', 'bigint'],
      ['name', 'text'],
      ['email', 'text'],
      ['salary', 'numeric(10,2)'],
      ['updated_at', 'timestamp with time zone'],
    ]);
  });

  it('imports a table with lineage and PII detection, then incrementally: only changed rows, latest wins', async () => {
    const body = {
      tables: [{ schema: 'public', table: 'people' }],
      watermark_column: 'updated_at',
      key_column: 'id',
      wait: true,
    };
    const first = await post(`/sources/${sourceId}/import`, body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().jobs[0]).toMatchObject({ dataset: 'people', mode: 'create', rows: 1000 });
    const dataset = (await app.request({ method: 'GET', url: '/catalog/datasets/people' })).json();
    expect(dataset.row_count).toBe(1000);
    expect(dataset.row_key_column).toBe('id');
    expect(dataset.lineage).toMatchObject({
      source_system: 'postgres',
      details: { source_table: 'public.people', watermark_column: 'updated_at' },
    });
    expect(dataset.columns.find((c: { name: string }) => c.name === 'email').is_pii).toBe(true);

    await pgSource.query(`
      UPDATE people SET name = 'changed ' || id, updated_at = '2026-02-01T00:00:00Z' WHERE id <= 5;
      INSERT INTO people (id, name, email, salary, updated_at)
        SELECT g, 'new ' || g, NULL, NULL, '2026-02-02T00:00:00Z' FROM generate_series(1001, 1003) g;`);
    const second = await post(`/sources/${sourceId}/import`, body);
    expect(second.json().jobs[0]).toMatchObject({ mode: 'upsert', rows: 8 });
    expect(await rows('SELECT count(*) FROM people')).toEqual([['1003']]);
    expect(await rows('SELECT id, name FROM people WHERE id IN (1, 6, 1003) ORDER BY id')).toEqual([
      ['1', 'changed 1'],
      ['6', 'name 6'],
      ['1003', 'new 1003'],
    ]);
    const sourceCount = await pgSource.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM people',
    );
    expect(sourceCount[0]!.n).toBe('1003');
    const third = await post(`/sources/${sourceId}/import`, body);
    expect(third.json().jobs[0]).toMatchObject({ mode: 'unchanged', rows: 0 });
  });

  it('discovers a MySQL/MariaDB database given inline, with source types', async () => {
    const response = await post('/ingest/mysql/tables', {
      dsn: `mysql://root@127.0.0.1:3306/${myDb.name}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const orders = response
      .json()
      .schemas.find((s: { name: string }) => s.name === myDb.name)
      .tables.find((t: { name: string }) => t.name === 'orders');
    expect(
      orders.columns.map((c: { name: string; source_type: string; type: string }) => [
        c.name,
        c.type,
      ]),
    ).toEqual([
      ['id', 'UBIGINT'],
      ['amount', 'DECIMAL(12,2)'],
      ['paid', 'BOOLEAN'],
      ['note', 'VARCHAR'],
    ]);
    const wrongSystem = await post('/ingest/postgres/tables', {
      dsn: `mysql://root@127.0.0.1:3306/${myDb.name}`,
    });
    expect(wrongSystem.statusCode).toBe(400);
  });

  it('imports MySQL/MariaDB given inline, keeping unsigned 64-bit values and decimals exact', async () => {
    const response = await post('/ingest/mysql/import', {
      dsn: `mysql://root@127.0.0.1:3306/${myDb.name}`,
      tables: [{ schema: myDb.name, table: 'orders' }],
      wait: true,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(await rows('SELECT id, amount, paid FROM orders ORDER BY amount')).toEqual([
      ['1', '10.50', true],
      ['18446744073709551615', '99999.99', false],
    ]);
  });

  it('unreachable host, bad credentials, missing table, permission denied: clear errors, no dataset, no password', async () => {
    const url = new URL(pgSource.database.url);
    const base = {
      host: url.hostname,
      user: role.name,
      password: role.password,
      database: pgSource.database.name,
    };
    const cases: [string, unknown, number, string][] = [
      [
        '/ingest/postgres/import',
        {
          ...base,
          port: await closedPort(),
          tables: [{ schema: 'public', table: 'people' }],
          dataset_prefix: 'x_',
        },
        502,
        'source_unreachable',
      ],
      [
        '/ingest/mysql/import',
        {
          dsn: `mysql://root:${encodeURIComponent(role.password)}@127.0.0.1:3306/${myDb.name}`,
          tables: [{ schema: myDb.name, table: 'orders' }],
          dataset_prefix: 'x_',
        },
        400,
        'source_auth_failed',
      ],
      [
        '/ingest/postgres/import',
        {
          ...base,
          port: Number(url.port),
          tables: [{ schema: 'public', table: 'nope' }],
          dataset_prefix: 'x_',
        },
        404,
        'source_table_not_found',
      ],
      [
        '/ingest/postgres/import',
        {
          ...base,
          port: Number(url.port),
          tables: [{ schema: 'public', table: 'secret_stuff' }],
          dataset_prefix: 'x_',
          wait: true,
        },
        403,
        'source_permission_denied',
      ],
    ];
    for (const [route, body, status, code] of cases) {
      const started = Date.now();
      const response = await post(route, body);
      expect(response.statusCode, `${code}: ${response.body}`).toBe(status);
      expect(response.json().error.code).toBe(code);
      expect(response.body).not.toContain(role.password);
      expect(Date.now() - started).toBeLessThan(15_000);
    }
    const datasets = (await app.request({ method: 'GET', url: '/catalog/datasets' })).json()
      .datasets;
    expect(
      datasets.map((d: { name: string }) => d.name).filter((n: string) => n.startsWith('x_')),
    ).toEqual([]);
  });

  it('the password appears in no file of the data directory (metastore, journal, lineage, logs)', async () => {
    const journal = await app.request({ method: 'GET', url: '/journal/recent?limit=1000' });
    expect(journal.body).not.toContain(role.password);
    const files = (readdirSync(app.dataDir, { recursive: true }) as string[])
      .map((f) => path.join(app.dataDir, f))
      .filter((f) => statSync(f).isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(readFileSync(file).includes(Buffer.from(role.password)), file).toBe(false);
    }
  });
});

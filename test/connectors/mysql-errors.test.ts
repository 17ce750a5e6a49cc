import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkSourceConnection,
  createSourceConfig,
  discoverSource,
  type SourceConfig,
} from '../../src/connectors/index.js';
import { createExportHarness, type ExportHarness } from './support/export-harness.js';
import { expectNoSecret, failureOf } from './support/error-checks.js';
import { closedPort, startTarpit } from './support/fake-servers.js';
import { createMysqlSource, mysqlAvailable, type MysqlSource } from './support/mysql-source.js';

const available = await mysqlAvailable();
const PASSWORD = 'Sup3r s3cret/p@ss:word#%?&=';
const TIMEOUT_MS = 1500;

function configAt(port: number): SourceConfig {
  return createSourceConfig({
    system: 'mysql',
    host: '127.0.0.1',
    port,
    user: 'root',
    password: PASSWORD,
    connectTimeoutMs: TIMEOUT_MS,
  });
}

describe('MySQL connection failures', () => {
  it('a closed port: source_unreachable at once', async () => {
    const { error, ms } = await failureOf(async () =>
      checkSourceConnection(configAt(await closedPort())),
    );
    expect(error.code).toBe('source_unreachable');
    expect(error.message).toMatch(/^MySQL at 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    expect(ms).toBeLessThan(TIMEOUT_MS);
    expectNoSecret(error, PASSWORD);
  });

  it('a server that never answers: source_unreachable within the connect timeout', async () => {
    const tarpit = await startTarpit();
    try {
      const { error, ms } = await failureOf(() => discoverSource(configAt(tarpit.port)));
      expect(error.code).toBe('source_unreachable');
      expect(error.message).toContain('no answer within 1.5 s');
      expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
      expect(ms).toBeLessThan(TIMEOUT_MS + 1000);
      expectNoSecret(error, PASSWORD);
    } finally {
      await tarpit.close();
    }
  });
});

describe.runIf(available)('MySQL failures on a real server', () => {
  let source: MysqlSource;
  let harness: ExportHarness;
  const exportOf = (config: SourceConfig, schema: string, table: string) =>
    harness.exportTable(config, { schema, table }, `${schema}-${table}`);

  beforeAll(async () => {
    source = await createMysqlSource('conn_err');
    harness = await createExportHarness('conn-my-err');
    await source.query(
      `CREATE TABLE secret_table (id INT, note TEXT); INSERT INTO secret_table VALUES (1, 'x');
       CREATE TABLE flags (id INT, flag TINYINT(1)); INSERT INTO flags VALUES (1, 1), (2, 0), (3, 2);`,
    );
  });
  afterAll(async () => {
    harness?.close();
    await source?.drop();
  });

  it('a wrong password: source_auth_failed (400), without the password', async () => {
    const user = await source.createUser();
    const config = source.configFor({ ...user, password: PASSWORD });
    const { error } = await failureOf(() => checkSourceConnection(config));
    expect(error.code).toBe('source_auth_failed');
    expect(error.status).toBe(400);
    expect(error.message).toContain(`Access denied for user '${user.name}'`);
    expectNoSecret(error, PASSWORD);
  });

  it('an unknown database: invalid_source', async () => {
    const config = createSourceConfig({ dsn: 'mysql://root@127.0.0.1:3306/lh_no_such_database' });
    const { error } = await failureOf(() => discoverSource(config));
    expect(error.code).toBe('invalid_source');
    expect(error.message).toContain("Unknown database 'lh_no_such_database'");
  });

  it('a missing table: source_table_not_found (404)', async () => {
    for (const [schema, table] of [
      [source.name, 'nope'],
      ['lh_no_such_schema', 'secret_table'],
      [source.name, 'SECRET_TABLE'],
    ] as const) {
      const { error } = await failureOf(() => exportOf(source.config, schema, table));
      expect(error.code).toBe('source_table_not_found');
      expect(error.message).toBe(`MySQL at 127.0.0.1:3306: table "${schema}"."${table}" not found`);
    }
    expect(harness.stagedFiles()).toEqual([]);
  });

  it('a user without rights on the database: source_permission_denied (403)', async () => {
    const user = await source.createUser();
    const { error } = await failureOf(() => discoverSource(source.configFor(user)));
    expect(error.code).toBe('source_permission_denied');
    expect(error.status).toBe(403);
    expect(error.message).toContain(`Access denied for user '${user.name}'`);
    expectNoSecret(error, user.password);
  });

  it('a user who may write but not read the table: source_permission_denied', async () => {
    const user = await source.createUser();
    await source.query(`GRANT INSERT ON \`${source.name}\`.secret_table TO '${user.name}'@'%'`);
    const { error } = await failureOf(() =>
      exportOf(source.configFor(user), source.name, 'secret_table'),
    );
    expect(error.code).toBe('source_permission_denied');
    expect(error.message).toContain('SELECT command denied');
    expectNoSecret(error, user.password);
    expect(existsSync(path.join(harness.dir, `${source.name}-secret_table.parquet`))).toBe(false);
  });

  it('TINYINT(1) holding 2: invalid_value naming the column', async () => {
    const { error } = await failureOf(() => exportOf(source.config, source.name, 'flags'));
    expect(error.code).toBe('invalid_value');
    expect(error.message).toBe('column "flag": TINYINT(1) becomes BOOLEAN, which cannot hold 2');
    expect(harness.stagedFiles()).toEqual([]);
  });

  it('an export aborted while rows stream rejects with the reason and leaves no files', async () => {
    await source.query('CREATE TABLE many SELECT seq AS i, MD5(seq) AS m FROM seq_1_to_300000');
    const controller = new AbortController();
    const pending = harness.exportTable(
      source.config,
      { schema: source.name, table: 'many' },
      'aborted',
      {
        signal: controller.signal,
        onProgress: () => controller.abort(new Error('stopped by the test')),
      },
    );
    await expect(pending).rejects.toThrow('stopped by the test');
    expect(existsSync(path.join(harness.dir, 'aborted.parquet'))).toBe(false);
    expect(harness.stagedFiles()).toEqual([]);
    const again = await harness.exportTable(
      source.config,
      { schema: source.name, table: 'many' },
      'again',
    );
    expect(again.result.rows).toBe(300_000);
  });
});

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
import { closedPort, startEchoingPostgres, startTarpit } from './support/fake-servers.js';
import { createPgSource, postgresAvailable, type PgSource } from './support/pg-source.js';

const available = await postgresAvailable();
const PASSWORD = 'Sup3r s3cret/p@ss:word#%?&=';
const TIMEOUT_MS = 1500;

function configAt(
  port: number,
  overrides: Partial<Parameters<typeof createSourceConfig>[0]> = {},
): SourceConfig {
  return createSourceConfig({
    system: 'postgres',
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: PASSWORD,
    database: 'postgres',
    connectTimeoutMs: TIMEOUT_MS,
    ...overrides,
  } as Parameters<typeof createSourceConfig>[0]);
}

describe('PostgreSQL connection failures', () => {
  it('a closed port: source_unreachable at once, naming the server', async () => {
    const { error, ms } = await failureOf(async () =>
      checkSourceConnection(configAt(await closedPort())),
    );
    expect(error.code).toBe('source_unreachable');
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/^PostgreSQL at 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
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

  it('an unknown host name: source_unreachable', async () => {
    const config = createSourceConfig({
      dsn: `postgres://u:${encodeURIComponent(PASSWORD)}@no-such-host.invalid/db`,
      connectTimeoutMs: TIMEOUT_MS,
    });
    const { error, ms } = await failureOf(() => checkSourceConnection(config));
    expect(error.code).toBe('source_unreachable');
    expect(error.message).toContain('no-such-host.invalid');
    expect(ms).toBeLessThan(TIMEOUT_MS + 1000);
    expectNoSecret(error, PASSWORD);
  });

  it('a server that quotes the password back: redacted from message, details and cause', async () => {
    const echo = await startEchoingPostgres(PASSWORD);
    try {
      const { error } = await failureOf(() => checkSourceConnection(configAt(echo.port)));
      expect(error.code).toBe('source_auth_failed');
      expect(error.message).toContain('password authentication failed: got "***" (***)');
      expect((error.cause as Error).message).toContain('***');
      expectNoSecret(error, PASSWORD);
    } finally {
      await echo.close();
    }
  });

  it('TLS required by a server without it: source_unreachable with the reason', async () => {
    const { error } = await failureOf(() =>
      checkSourceConnection(configAt(5432, { tls: { mode: 'require' } })),
    );
    expect(error.code).toBe('source_unreachable');
    expect(error.message).toContain('does not support SSL');
    expectNoSecret(error, PASSWORD);
  });
});

describe.runIf(available)('PostgreSQL failures on a real server', () => {
  let source: PgSource;
  let harness: ExportHarness;
  const exportOf = (config: SourceConfig, schema: string, table: string) =>
    harness.exportTable(config, { schema, table }, `${schema}-${table}`);

  beforeAll(async () => {
    source = await createPgSource('conn_err');
    harness = await createExportHarness('conn-pg-err');
    await source.query(
      `CREATE TABLE secret_table (id int, note text); INSERT INTO secret_table VALUES (1, 'x');
       CREATE TABLE nan_values (id int, amount numeric(10,2)); INSERT INTO nan_values VALUES (1, 1.5), (2, 'NaN');
       CREATE TABLE matrix (id int, cells int[]); INSERT INTO matrix VALUES (1, '{1,2}'), (2, '{{1,2},{3,4}}');`,
    );
  });
  afterAll(async () => {
    harness?.close();
    await source?.drop();
  });

  it('an unknown role: source_auth_failed (400), without the password', async () => {
    const config = createSourceConfig({
      dsn: source.database.url.replace(
        'postgres@',
        `nobody_${Date.now()}:${encodeURIComponent(PASSWORD)}@`,
      ),
    });
    const { error } = await failureOf(() => checkSourceConnection(config));
    expect(error.code).toBe('source_auth_failed');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/role "nobody_\d+" does not exist/);
    expectNoSecret(error, PASSWORD);
  });

  it('an unknown database: invalid_source', async () => {
    const config = createSourceConfig({
      dsn: source.database.url.replace(/\/[^/]+$/, '/lh_no_such_database'),
      password: PASSWORD,
    });
    const { error } = await failureOf(() => discoverSource(config));
    expect(error.code).toBe('invalid_source');
    expect(error.message).toContain('database "lh_no_such_database" does not exist');
    expectNoSecret(error, PASSWORD);
  });

  it('a missing table or schema: source_table_not_found (404)', async () => {
    for (const [schema, table] of [
      ['public', 'nope'],
      ['nope', 'secret_table'],
      ['public', 'SECRET_TABLE'],
    ] as const) {
      const { error } = await failureOf(() => exportOf(source.config, schema, table));
      expect(error.code).toBe('source_table_not_found');
      expect(error.status).toBe(404);
      expect(error.message).toBe(
        `PostgreSQL at 127.0.0.1:5432: table "${schema}"."${table}" not found`,
      );
      expect(error.details).toMatchObject({ schema, table, system: 'postgres' });
    }
    expect(harness.stagedFiles()).toEqual([]);
  });

  it('a role without SELECT: source_permission_denied (403), without the password', async () => {
    const role = await source.createRole();
    const config = source.configFor(role);
    const catalog = await discoverSource(config); // the catalog is readable by anyone
    expect(catalog.schemas[0]!.tables.map((t) => t.name)).toContain('secret_table');
    const { error } = await failureOf(() => exportOf(config, 'public', 'secret_table'));
    expect(error.code).toBe('source_permission_denied');
    expect(error.status).toBe(403);
    expect(error.message).toContain('permission denied for table secret_table');
    expectNoSecret(error, role.password);
    expect(existsSync(path.join(harness.dir, 'public-secret_table.parquet'))).toBe(false);
  });

  it('NaN in numeric(10,2): invalid_value naming the column, no Parquet file left', async () => {
    const { error } = await failureOf(() => exportOf(source.config, 'public', 'nan_values'));
    expect(error.code).toBe('invalid_value');
    expect(error.message).toMatch(
      /^column "amount" \(numeric\(10,2\)\) holds a value that DECIMAL\(10,2\) cannot hold: .*NaN/,
    );
    expect(error.message).not.toContain('Original Line: 2,NaN');
    expect(existsSync(path.join(harness.dir, 'public-nan_values.parquet'))).toBe(false);
    expect(harness.stagedFiles()).toEqual([]);
  });

  it('a multi-dimensional array: invalid_value naming the column', async () => {
    const { error } = await failureOf(() => exportOf(source.config, 'public', 'matrix'));
    expect(error.code).toBe('invalid_value');
    expect(error.message).toBe('column "cells": multi-dimensional arrays cannot become lists');
  });

  it('an export aborted while rows stream rejects with the reason and leaves no files', async () => {
    await source.query(
      'CREATE TABLE many AS SELECT i, md5(i::text) AS m FROM generate_series(1, 300000) AS i',
    );
    const controller = new AbortController();
    const phases: string[] = [];
    const pending = harness.exportTable(
      source.config,
      { schema: 'public', table: 'many' },
      'aborted',
      {
        signal: controller.signal,
        onProgress: (p) => {
          phases.push(p.phase);
          controller.abort(new Error('stopped by the test'));
        },
      },
    );
    await expect(pending).rejects.toThrow('stopped by the test');
    expect(phases[0]).toBe('reading');
    expect(existsSync(path.join(harness.dir, 'aborted.parquet'))).toBe(false);
    expect(harness.stagedFiles()).toEqual([]);
    // The source is left in a usable state: the aborted session is gone, a new export works.
    const again = await harness.exportTable(
      source.config,
      { schema: 'public', table: 'many' },
      'again',
    );
    expect(again.result.rows).toBe(300_000);
  });
});

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createSourceConfig, type SourceConfig } from '../../../src/connectors/index.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.js';

export { postgresAvailable } from '../../support/postgres.js';

const ADMIN_URL =
  process.env['LAKEHOUSE_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface PgRole {
  readonly name: string;
  readonly password: string;
}

/** A throwaway PostgreSQL database (and roles) to import from; `drop` removes them all. */
export interface PgSource {
  readonly database: TestDatabase;
  /** The superuser's config for the database. */
  readonly config: SourceConfig;
  query<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** A login role with a password and no privileges, dropped with the source. */
  createRole(): Promise<PgRole>;
  configFor(role: PgRole): SourceConfig;
  drop(): Promise<void>;
}

export async function createPgSource(label: string): Promise<PgSource> {
  const database = await createTestDatabase(label);
  const roles: string[] = [];
  const query = async <R extends Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<R[]> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<R>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    database,
    config: createSourceConfig({ dsn: database.url }),
    query,
    async createRole() {
      const role = {
        name: `lh_test_role_${randomBytes(6).toString('hex')}`,
        password: `s3cr3t/${randomBytes(6).toString('hex')}@#?`,
      };
      await query(`CREATE ROLE ${role.name} LOGIN PASSWORD '${role.password}'`);
      roles.push(role.name);
      return role;
    },
    configFor(role) {
      const url = new URL(database.url);
      return createSourceConfig({
        system: 'postgres',
        host: url.hostname,
        port: Number(url.port),
        user: role.name,
        password: role.password,
        database: database.name,
      });
    },
    async drop() {
      await database.drop();
      for (const role of roles) await adminQuery(`DROP ROLE IF EXISTS ${role}`);
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

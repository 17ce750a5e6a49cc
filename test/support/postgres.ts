import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL =
  process.env['LAKEHOUSE_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** Whether the local PostgreSQL answers. In CI its absence is a failure, never a skip. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (process.env['CI'])
      throw new Error(`PostgreSQL is required in CI but unreachable at ${ADMIN_URL}`, {
        cause: error,
      });
    console.warn(
      `\n*** SKIPPING PostgreSQL tests: no server at ${ADMIN_URL} (${(error as Error).message}) ***\n`,
    );
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh database with a unique name, dropped (with its connections) by `drop`. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `lh_test_${label}_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
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

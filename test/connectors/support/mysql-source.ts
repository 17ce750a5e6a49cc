import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { createSourceConfig, type SourceConfig } from '../../../src/connectors/index.js';

const ADMIN = {
  host: process.env['LAKEHOUSE_TEST_MYSQL_HOST'] ?? '127.0.0.1',
  port: Number(process.env['LAKEHOUSE_TEST_MYSQL_PORT'] ?? 3306),
  user: process.env['LAKEHOUSE_TEST_MYSQL_USER'] ?? 'root',
  password: process.env['LAKEHOUSE_TEST_MYSQL_PASSWORD'] ?? '',
};

export interface MysqlUser {
  readonly name: string;
  readonly password: string;
}

/** A throwaway MySQL/MariaDB database (and users) to import from; `drop` removes them all. */
export interface MysqlSource {
  readonly name: string;
  /** The admin's config for the database. */
  readonly config: SourceConfig;
  query<R = mysql.RowDataPacket>(sql: string, params?: unknown[]): Promise<R[]>;
  /** One statement over the binary protocol: FLOAT and DOUBLE arrive as their exact bits. */
  execute(sql: string): Promise<Record<string, unknown>[]>;
  /** A user with a password and no privileges, dropped with the source. */
  createUser(): Promise<MysqlUser>;
  configFor(user: MysqlUser): SourceConfig;
  drop(): Promise<void>;
}

/** Whether the local MariaDB answers. In CI its absence is a failure, never a skip. */
export async function mysqlAvailable(): Promise<boolean> {
  try {
    const connection = await mysql.createConnection({ ...ADMIN, connectTimeout: 3000 });
    await connection.end();
    return true;
  } catch (error) {
    if (process.env['CI']) throw new Error('MySQL/MariaDB is required in CI', { cause: error });
    console.warn(`\n*** SKIPPING MySQL tests: ${(error as Error).message} ***\n`);
    return false;
  }
}

export async function createMysqlSource(label: string): Promise<MysqlSource> {
  const name = `lh_test_${label}_${randomBytes(6).toString('hex')}`;
  const admin = await mysql.createConnection({ ...ADMIN, multipleStatements: true });
  const users: string[] = [];
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  } finally {
    await admin.end();
  }
  const withConnection = async <T>(work: (c: mysql.Connection) => Promise<T>): Promise<T> => {
    const connection = await mysql.createConnection({
      ...ADMIN,
      database: name,
      multipleStatements: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      dateStrings: true,
      jsonStrings: true,
    });
    try {
      await connection.query("SET time_zone = '+00:00'");
      return await work(connection);
    } finally {
      await connection.end();
    }
  };
  const query = <R>(sql: string, params?: unknown[]): Promise<R[]> =>
    withConnection(async (c) => (await c.query(sql, params))[0] as R[]);
  return {
    name,
    config: createSourceConfig({ system: 'mysql', ...ADMIN, database: name }),
    query,
    execute: (sql) =>
      withConnection(async (c) => (await c.execute(sql))[0] as Record<string, unknown>[]),
    async createUser() {
      const user = {
        name: `lh_u_${randomBytes(5).toString('hex')}`,
        password: `s3cr3t/${randomBytes(6).toString('hex')}@#?`,
      };
      await query(`CREATE USER '${user.name}'@'%' IDENTIFIED BY '${user.password}'`);
      users.push(user.name);
      return user;
    },
    configFor(user) {
      return createSourceConfig({
        system: 'mysql',
        host: ADMIN.host,
        port: ADMIN.port,
        user: user.name,
        password: user.password,
        database: name,
      });
    },
    async drop() {
      const connection = await mysql.createConnection(ADMIN);
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
        for (const user of users) await connection.query(`DROP USER IF EXISTS '${user}'@'%'`);
      } finally {
        await connection.end();
      }
    },
  };
}

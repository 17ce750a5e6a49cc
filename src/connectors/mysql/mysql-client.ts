import type { Connection as CallbackConnection, SslOptions } from 'mysql2';
import mysql from 'mysql2/promise';
import type { SourceConfig, SourceTls } from '../source-config.js';
import { mysqlFailure } from './mysql-errors.js';

/** What the converters need to know about the server. */
export interface MysqlServer {
  readonly version: string;
  readonly mariadb: boolean;
  readonly majorVersion: number;
}

export interface MysqlSession {
  readonly connection: mysql.Connection;
  readonly server: MysqlServer;
}

/**
 * A connected session. Values arrive exactly: 64-bit integers and decimals as strings, dates as
 * the server's text, JSON as text. Timestamps are read in UTC; `net_write_timeout` is raised
 * because the server counts the pauses of a backpressured stream against it.
 */
export async function connectMysql(config: SourceConfig): Promise<MysqlSession> {
  let connection: mysql.Connection | undefined;
  try {
    connection = await mysql.createConnection({
      host: config.host,
      port: config.port,
      user: config.user,
      password: config.password.reveal(),
      database: config.database ?? undefined,
      ssl: mysqlTls(config.tls),
      connectTimeout: config.connectTimeoutMs,
      charset: 'UTF8MB4_UNICODE_CI',
      supportBigNumbers: true,
      bigNumberStrings: true,
      decimalNumbers: false,
      dateStrings: true,
      jsonStrings: true,
      // A server chosen by a caller must not be able to ask for files from this machine.
      flags: ['-LOCAL_FILES'],
    });
    await connection.query("SET time_zone = '+00:00', net_write_timeout = 600");
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT VERSION() AS version');
    return { connection, server: parseVersion(String(rows[0]!['version'])) };
  } catch (error) {
    connection?.destroy();
    throw mysqlFailure(error, { config, connecting: true });
  }
}

export async function closeMysql(session: MysqlSession): Promise<void> {
  await session.connection.end().catch(() => session.connection.destroy());
}

function parseVersion(version: string): MysqlServer {
  return { version, mariadb: /mariadb/i.test(version), majorVersion: Number.parseInt(version, 10) };
}

/** mysql2 checks the host name only when asked to (`verifyIdentity`), unlike node:tls. */
function mysqlTls(tls: SourceTls): SslOptions | undefined {
  const ca = tls.ca ?? undefined;
  switch (tls.mode) {
    case 'disable':
      return undefined;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return { rejectUnauthorized: true, verifyIdentity: false, ca };
    case 'verify-full':
      return { rejectUnauthorized: true, verifyIdentity: true, ca };
  }
}

/**
 * The callback connection under the promise one (mysql2 documents `.connection`, its types
 * only declare it on pool connections): only its queries can be streamed.
 */
export function streamingConnection(session: MysqlSession): CallbackConnection {
  return (session.connection as unknown as { connection: CallbackConnection }).connection;
}

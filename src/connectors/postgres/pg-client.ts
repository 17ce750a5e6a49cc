import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import type { SourceConfig, SourceTls } from '../source-config.js';
import { pgFailure } from './pg-errors.js';

/**
 * Session settings every value conversion relies on: timestamps with zone printed in UTC, ISO
 * dates (`YYYY-MM-DD`, ` BC` suffix), the interval style DuckDB reads, floats printed with
 * enough digits to round-trip exactly on any server version (≥ 12 prints the shortest exact
 * form for any positive value), bytea as hex, UTF-8 text.
 */
const SESSION_SETTINGS = [
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  'SET extra_float_digits = 3',
  "SET bytea_output = 'hex'",
  "SET client_encoding = 'UTF8'",
].join('; ');

/**
 * A connected client with the session settings applied. Connect failures come back as
 * AppErrors within the config's connect timeout, without the password.
 */
export async function connectPostgres(config: SourceConfig): Promise<pg.Client> {
  const client = new pg.Client({
    host: config.host,
    port: config.port,
    user: config.user,
    // A function, not a string: `pg` falls back to PGPASSWORD and ~/.pgpass for an empty
    // string, and a caller-supplied host must never be sent the server's own credentials.
    password: () => config.password.reveal(),
    database: config.database ?? config.user,
    ssl: pgTls(config.tls),
    connectionTimeoutMillis: config.connectTimeoutMs,
    application_name: 'lakehouse',
    keepAlive: true,
  });
  // A connection that fails while idle emits 'error'; without a listener that would crash the
  // process. The failure still reaches the caller: the next query on the client rejects.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(SESSION_SETTINGS);
    return client;
  } catch (error) {
    await closePostgres(client);
    throw pgFailure(error, { config, connecting: true });
  }
}

/** Ends the session; a session already broken (aborted copy, lost server) is simply dropped. */
export async function closePostgres(client: pg.Client): Promise<void> {
  await client.end().catch(() => undefined);
}

function pgTls(tls: SourceTls): false | ConnectionOptions {
  const ca = tls.ca ?? undefined;
  switch (tls.mode) {
    case 'disable':
      return false;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { rejectUnauthorized: true, ca };
  }
}

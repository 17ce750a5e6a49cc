import { isIP } from 'node:net';
import { AppError } from '../core/index.js';
import { Secret } from './secret.js';

export const SOURCE_SYSTEMS = ['postgres', 'mysql'] as const;
export type SourceSystem = (typeof SOURCE_SYSTEMS)[number];

/**
 * How the connection is encrypted, as libpq's `sslmode` names it: `require` encrypts without
 * checking the certificate, `verify-ca` checks it against `ca`, `verify-full` also checks that
 * it names the host. libpq's opportunistic `allow`/`prefer` are not offered: a connection that
 * silently falls back to plain text is not a setting a governed store should accept.
 */
export const TLS_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export type TlsMode = (typeof TLS_MODES)[number];

export interface SourceTls {
  readonly mode: TlsMode;
  /** PEM of the certificate authorities to trust; null means the system's. */
  readonly ca: string | null;
}

/** A validated, complete description of how to reach one source database. */
export interface SourceConfig {
  readonly system: SourceSystem;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: Secret;
  /** PostgreSQL: the database to connect to. MySQL: the default schema, or null for none. */
  readonly database: string | null;
  readonly tls: SourceTls;
  /** Bound on reaching the server and logging in; every connect failure surfaces within it. */
  readonly connectTimeoutMs: number;
}

/** A source as a caller gives it field by field; `createSourceConfig` fills in the defaults. */
export interface SourceFields {
  readonly system: string;
  readonly host: string;
  readonly port?: number;
  readonly user: string;
  readonly password?: string;
  readonly database?: string | null;
  readonly tls?: { readonly mode?: string; readonly ca?: string | null };
  readonly connectTimeoutMs?: number;
}

export const DEFAULT_PORTS: Readonly<Record<SourceSystem, number>> = {
  postgres: 5432,
  mysql: 3306,
};

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const MAX_CONNECT_TIMEOUT_MS = 300_000;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * Validates fields into a SourceConfig. TLS defaults to `require` except on the loopback
 * interface, where there is no network to protect and local servers rarely have certificates.
 */
export function sourceConfigFromFields(fields: SourceFields): SourceConfig {
  const system = parseSystem(fields.system);
  const host = parseHost(fields.host);
  const user = requireText(fields.user, 'user');
  const config: SourceConfig = {
    system,
    host,
    port: parsePort(fields.port ?? DEFAULT_PORTS[system]),
    user,
    password: new Secret(fields.password ?? ''),
    database: parseDatabase(system, fields.database, user),
    tls: parseTls(fields.tls, host),
    connectTimeoutMs: parseTimeout(fields.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS),
  };
  return Object.freeze({ ...config, tls: Object.freeze(config.tls) });
}

export function invalidSource(message: string, field?: string): AppError {
  return new AppError('invalid_source', message, field ? { details: { field } } : {});
}

function parseSystem(value: string): SourceSystem {
  if ((SOURCE_SYSTEMS as readonly string[]).includes(value)) return value as SourceSystem;
  throw invalidSource(
    `unknown source system "${value}": use ${SOURCE_SYSTEMS.join(' or ')}`,
    'system',
  );
}

function parseHost(value: string): string {
  const host = requireText(value, 'host');
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (isIP(bare) === 0 && !/^[A-Za-z0-9._-]{1,253}$/.test(bare)) {
    throw invalidSource('host must be a host name or an IP address', 'host');
  }
  return bare;
}

function parsePort(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw invalidSource('port must be an integer from 1 to 65535', 'port');
  }
  return value;
}

/** PostgreSQL always connects to one database, by default the one named after the user. */
function parseDatabase(
  system: SourceSystem,
  value: string | null | undefined,
  user: string,
): string | null {
  if (value === undefined || value === null || value === '') {
    return system === 'postgres' ? user : null;
  }
  return requireText(value, 'database');
}

function parseTls(value: SourceFields['tls'], host: string): SourceTls {
  const mode = value?.mode ?? (LOOPBACK_HOSTS.has(host) ? 'disable' : 'require');
  if (!(TLS_MODES as readonly string[]).includes(mode)) {
    throw invalidSource(`unknown TLS mode "${mode}": use ${TLS_MODES.join(', ')}`, 'tls.mode');
  }
  const ca = value?.ca ?? null;
  if (ca !== null && !ca.includes('-----BEGIN CERTIFICATE-----')) {
    throw invalidSource('tls.ca must be PEM text (-----BEGIN CERTIFICATE-----)', 'tls.ca');
  }
  return { mode: mode as TlsMode, ca };
}

function parseTimeout(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_CONNECT_TIMEOUT_MS) {
    throw invalidSource(
      `connectTimeoutMs must be an integer from 1 to ${MAX_CONNECT_TIMEOUT_MS}`,
      'connectTimeoutMs',
    );
  }
  return value;
}

function requireText(value: string | undefined, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw invalidSource(`${field} is required`, field);
  }
  if (value.includes('\0') || value.length > 1024) {
    throw invalidSource(`${field} must be at most 1024 characters, without NUL`, field);
  }
  return value;
}

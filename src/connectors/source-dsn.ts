import { REDACTED } from './secret.js';
import {
  DEFAULT_PORTS,
  invalidSource,
  type SourceConfig,
  type SourceFields,
  type SourceSystem,
  type TlsMode,
} from './source-config.js';

const SCHEMES: Readonly<Record<string, SourceSystem>> = {
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
};

/** The DSN parameter that names the TLS mode, and its spelling of each mode, per system. */
const TLS_PARAMETER: Readonly<Record<SourceSystem, string>> = {
  postgres: 'sslmode',
  mysql: 'ssl-mode',
};
const TLS_SPELLINGS: Readonly<Record<SourceSystem, Readonly<Record<string, TlsMode>>>> = {
  postgres: {
    disable: 'disable',
    require: 'require',
    'verify-ca': 'verify-ca',
    'verify-full': 'verify-full',
  },
  mysql: {
    DISABLED: 'disable',
    REQUIRED: 'require',
    VERIFY_CA: 'verify-ca',
    VERIFY_IDENTITY: 'verify-full',
  },
};
const CERTIFICATE_PARAMETERS = [
  'sslrootcert',
  'sslcert',
  'sslkey',
  'ssl-ca',
  'ssl-cert',
  'ssl-key',
];

/**
 * Parses `postgres://user:password@host:port/database?sslmode=…&connect_timeout=…` (also
 * `postgresql:`, `mysql:`, `mariadb:`; MySQL names TLS `ssl-mode=REQUIRED|VERIFY_CA|…`).
 * Errors never quote the DSN: it holds the password. Certificate *file* parameters are refused
 * because a DSN may come from an API caller, and the server's files are not theirs to name; the
 * CA is given as PEM text instead.
 */
export function parseSourceDsn(dsn: string): SourceFields {
  const url = parseUrl(dsn);
  const system = SCHEMES[url.protocol];
  if (system === undefined) {
    throw invalidSource(
      'the DSN must start with postgres://, postgresql://, mysql:// or mariadb://',
      'dsn',
    );
  }
  if (url.hash !== '') {
    throw invalidSource('the DSN contains "#": percent-encode it as %23 in the password', 'dsn');
  }
  const parameters = readParameters(url, system);
  const database = decode(url.pathname.replace(/^\//, ''), 'database');
  return {
    system,
    host: url.hostname,
    port: url.port === '' ? DEFAULT_PORTS[system] : Number(url.port),
    user: decode(url.username, 'user'),
    password: decode(url.password, 'password'),
    database: database === '' ? null : database,
    ...parameters,
  };
}

/** The DSN of a config with the password replaced by `***`: safe for logs and lineage. */
export function redactedDsn(config: SourceConfig): string {
  const scheme = config.system === 'postgres' ? 'postgres' : 'mysql';
  const user = encodeURIComponent(config.user);
  const credentials = config.password.isEmpty ? user : `${user}:${REDACTED}`;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const database = config.database === null ? '' : `/${encodeURIComponent(config.database)}`;
  const tls = Object.entries(TLS_SPELLINGS[config.system]).find(
    ([, mode]) => mode === config.tls.mode,
  );
  return `${scheme}://${credentials}@${host}:${config.port}${database}?${TLS_PARAMETER[config.system]}=${tls![0]}`;
}

function parseUrl(dsn: string): URL {
  try {
    return new URL(dsn);
  } catch {
    // No cause: the URL parser's error carries the input, password included.
    throw invalidSource(
      'the DSN is not a valid URL; percent-encode special characters in the user and password',
      'dsn',
    );
  }
}

function readParameters(url: URL, system: SourceSystem): Partial<SourceFields> {
  const result: { tls?: { mode: string }; connectTimeoutMs?: number } = {};
  for (const [name, value] of url.searchParams) {
    if (name === TLS_PARAMETER[system]) {
      result.tls = { mode: tlsMode(system, value) };
    } else if (name === 'connect_timeout') {
      result.connectTimeoutMs = connectTimeout(value);
    } else if (CERTIFICATE_PARAMETERS.includes(name)) {
      throw invalidSource(
        `DSN parameter ${name} is not accepted: give the CA as PEM in tls.ca`,
        'dsn',
      );
    } else {
      throw invalidSource(
        `unknown DSN parameter "${name}": use ${TLS_PARAMETER[system]} or connect_timeout`,
        'dsn',
      );
    }
  }
  return result;
}

function tlsMode(system: SourceSystem, value: string): TlsMode {
  const mode = TLS_SPELLINGS[system][value];
  if (mode !== undefined) return mode;
  const accepted = Object.keys(TLS_SPELLINGS[system]).join(', ');
  throw invalidSource(`${TLS_PARAMETER[system]}=${value} is not supported: use ${accepted}`, 'dsn');
}

/** `connect_timeout` is in seconds, as libpq and the MySQL client read it. */
function connectTimeout(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || seconds <= 0) {
    throw invalidSource('connect_timeout must be a positive number of seconds', 'dsn');
  }
  return Math.round(seconds * 1000);
}

function decode(value: string, field: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw invalidSource(`the DSN's ${field} has a malformed percent-encoding`, 'dsn');
  }
}

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  createSourceConfig,
  parseSourceDsn,
  publicSourceConfig,
  redactedDsn,
  type SourceInput,
} from '../../src/connectors/index.js';
import { AppError } from '../../src/core/index.js';

const PASSWORD = 'p@ss/w:rd #?%';
const ENCODED = encodeURIComponent(PASSWORD);

function invalid(input: SourceInput): AppError {
  try {
    createSourceConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_source');
    return error as AppError;
  }
  throw new Error('expected invalid_source');
}

describe('DSN parsing', () => {
  it('reads every part of a PostgreSQL DSN, percent-decoding user, password and database', () => {
    const config = createSourceConfig({
      dsn: `postgresql://r%C3%A9my:${ENCODED}@db.example.com:6543/sales%20eu?sslmode=verify-full&connect_timeout=2.5`,
    });
    expect(config).toMatchObject({
      system: 'postgres',
      host: 'db.example.com',
      port: 6543,
      user: 'rémy',
      database: 'sales eu',
      tls: { mode: 'verify-full', ca: null },
      connectTimeoutMs: 2500,
    });
    expect(config.password.reveal()).toBe(PASSWORD);
  });

  it('fills in defaults: port, database (PostgreSQL: the user), TLS off only on loopback, 10 s', () => {
    expect(createSourceConfig({ dsn: 'postgres://ann@localhost' })).toMatchObject({
      port: 5432,
      database: 'ann',
      tls: { mode: 'disable' },
      connectTimeoutMs: 10_000,
    });
    expect(createSourceConfig({ dsn: 'mariadb://root@[::1]' })).toMatchObject({
      system: 'mysql',
      host: '::1',
      port: 3306,
      database: null,
      tls: { mode: 'disable' },
    });
    expect(createSourceConfig({ dsn: 'mysql://ann@db.internal/hr' }).tls.mode).toBe('require');
  });

  it('maps MySQL ssl-mode names and takes a CA and password beside the DSN', () => {
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const config = createSourceConfig({
      dsn: 'mysql://ann@db.internal/hr?ssl-mode=VERIFY_CA',
      password: PASSWORD,
      tls: { ca },
    });
    expect(config.tls).toEqual({ mode: 'verify-ca', ca });
    expect(config.password.reveal()).toBe(PASSWORD);
    expect(parseSourceDsn('mysql://a@h/d?ssl-mode=VERIFY_IDENTITY').tls).toEqual({
      mode: 'verify-full',
    });
  });

  it('refuses what it cannot honour, without ever quoting the DSN', () => {
    const cases: [string, RegExp][] = [
      [`redis://u:${ENCODED}@h/0`, /must start with postgres:\/\//],
      [`postgres://u:${PASSWORD}@h/db`, /percent-encode it as %23|not a valid URL/],
      [`postgres://u:${ENCODED}@h/db?sslmode=prefer`, /sslmode=prefer is not supported/],
      [`postgres://u:${ENCODED}@h/db?sslrootcert=/etc/passwd`, /give the CA as PEM/],
      [
        `postgres://u:${ENCODED}@h/db?application_name=x`,
        /unknown DSN parameter "application_name"/,
      ],
      [`postgres://u:${ENCODED}@h/db?connect_timeout=soon`, /connect_timeout must be/],
      [`postgres://u:%ZZ@h/db`, /malformed percent-encoding/],
      [`postgres://:${ENCODED}@h/db`, /user is required/],
      [`postgres://u:${ENCODED}@h:99999/db`, /not a valid URL|port/],
      ['not a url at all', /not a valid URL/],
    ];
    for (const [dsn, message] of cases) {
      const error = invalid({ dsn });
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(PASSWORD);
      expect(error.message).not.toContain(ENCODED);
      expect(error.cause).toBeUndefined();
    }
  });
});

describe('source fields', () => {
  it('validates each field and names it', () => {
    const base = { system: 'postgres', host: 'db', user: 'ann' };
    expect(invalid({ ...base, system: 'oracle' }).details).toEqual({ field: 'system' });
    expect(invalid({ ...base, host: 'db/../x' }).details).toEqual({ field: 'host' });
    expect(invalid({ ...base, port: 0 }).details).toEqual({ field: 'port' });
    expect(invalid({ ...base, user: '' }).details).toEqual({ field: 'user' });
    expect(invalid({ ...base, tls: { mode: 'prefer' } }).details).toEqual({ field: 'tls.mode' });
    expect(invalid({ ...base, tls: { mode: 'verify-full', ca: 'not pem' } }).details).toEqual({
      field: 'tls.ca',
    });
    expect(invalid({ ...base, connectTimeoutMs: -1 }).details).toEqual({
      field: 'connectTimeoutMs',
    });
  });

  it('freezes the config', () => {
    const config = createSourceConfig({ system: 'mysql', host: 'db', user: 'ann' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.tls)).toBe(true);
  });
});

describe('the password never shows', () => {
  const config = createSourceConfig({
    dsn: `postgres://ann:${ENCODED}@db.internal:5433/hr?sslmode=require`,
  });

  it('prints, serialises and inspects as ***', () => {
    expect(JSON.stringify(config)).not.toContain(PASSWORD);
    expect(JSON.stringify(config)).toContain('"password":"***"');
    expect(inspect(config, { depth: 5 })).not.toContain(PASSWORD);
    expect(`${config.password}`).toBe('***');
  });

  it('is replaced in the redacted DSN, which parses back to the same source', () => {
    expect(redactedDsn(config)).toBe('postgres://ann:***@db.internal:5433/hr?sslmode=require');
    const back = createSourceConfig({ dsn: redactedDsn(config), password: PASSWORD });
    expect({ ...back, password: null }).toEqual({ ...config, password: null });
    const passwordless = createSourceConfig({ dsn: 'mysql://root@127.0.0.1' });
    expect(redactedDsn(passwordless)).toBe('mysql://root@127.0.0.1:3306?ssl-mode=DISABLED');
  });

  it('is absent from the public view', () => {
    const shown = publicSourceConfig(config);
    expect(shown).toEqual({
      system: 'postgres',
      host: 'db.internal',
      port: 5433,
      user: 'ann',
      database: 'hr',
      tls: { mode: 'require', customCa: false },
      connectTimeoutMs: 10_000,
      hasPassword: true,
      dsn: 'postgres://ann:***@db.internal:5433/hr?sslmode=require',
    });
    expect(JSON.stringify(shown)).not.toContain(PASSWORD);
  });
});

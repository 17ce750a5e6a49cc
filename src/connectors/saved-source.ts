import { openSecret, sealSecret } from './secret-box.js';
import { Secret } from './secret.js';
import { redactedDsn } from './source-dsn.js';
import type { SourceConfig, SourceSystem, SourceTls, TlsMode } from './source-config.js';

/** A source as stored at rest: every field in clear except the password, which is sealed. */
export interface SavedSourceConfig {
  readonly system: SourceSystem;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly database: string | null;
  readonly tls: SourceTls;
  readonly connectTimeoutMs: number;
  /** `sealSecret` output; `context` binds it to one record. */
  readonly sealedPassword: string;
}

/** A source as it may be shown (API responses, logs, lineage): no password, a redacted DSN. */
export interface PublicSourceConfig {
  readonly system: SourceSystem;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly database: string | null;
  readonly tls: { readonly mode: TlsMode; readonly customCa: boolean };
  readonly connectTimeoutMs: number;
  readonly hasPassword: boolean;
  readonly dsn: string;
}

export function sealSourceConfig(
  config: SourceConfig,
  key: Uint8Array,
  context: string,
): SavedSourceConfig {
  const { password, ...fields } = config;
  return { ...fields, sealedPassword: sealSecret(password.reveal(), key, context) };
}

export function openSavedSourceConfig(
  saved: SavedSourceConfig,
  key: Uint8Array,
  context: string,
): SourceConfig {
  const { sealedPassword, ...fields } = saved;
  return Object.freeze({
    ...fields,
    password: new Secret(openSecret(sealedPassword, key, context)),
  });
}

export function publicSourceConfig(config: SourceConfig): PublicSourceConfig {
  return {
    system: config.system,
    host: config.host,
    port: config.port,
    user: config.user,
    database: config.database,
    tls: { mode: config.tls.mode, customCa: config.tls.ca !== null },
    connectTimeoutMs: config.connectTimeoutMs,
    hasPassword: !config.password.isEmpty,
    dsn: redactedDsn(config),
  };
}

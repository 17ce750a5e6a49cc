import { parseSourceDsn } from './source-dsn.js';
import { sourceConfigFromFields, type SourceConfig, type SourceFields } from './source-config.js';

/**
 * A source given as a DSN. The password may sit in the DSN or beside it (so it need not travel
 * inside a URL); the TLS CA and the connect timeout, which a DSN cannot carry well, beside it.
 */
export interface SourceDsnInput {
  readonly dsn: string;
  readonly password?: string;
  readonly tls?: { readonly mode?: string; readonly ca?: string | null };
  readonly connectTimeoutMs?: number;
}

export type SourceInput = SourceDsnInput | SourceFields;

/** Validates a DSN or fields into a frozen SourceConfig; fields beside a DSN override it. */
export function createSourceConfig(input: SourceInput): SourceConfig {
  if (!('dsn' in input)) return sourceConfigFromFields(input);
  const parsed = parseSourceDsn(input.dsn);
  return sourceConfigFromFields({
    ...parsed,
    password: input.password ?? parsed.password,
    tls: { ...parsed.tls, ...input.tls },
    connectTimeoutMs: input.connectTimeoutMs ?? parsed.connectTimeoutMs,
  });
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseByteSize } from './byte-size.js';
import { parseDuration } from './duration.js';
import { FAULT_POINTS, type FaultPointName } from './fault-injection.js';

/**
 * Configuration: read once from the environment (and an optional JSON file named by
 * LAKEHOUSE_CONFIG), validated, frozen and passed down. Nothing else reads process.env.
 * Environment variables override the file.
 */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface LimitsConfig {
  /** Largest raw object accepted by the object routes. */
  readonly maxObjectBytes: number;
  /** Largest JSON request body. */
  readonly maxJsonBodyBytes: number;
  /** Largest file accepted by ingest uploads. */
  readonly maxUploadBytes: number;
  /** Uploads at least this large are ingested as background jobs (202). */
  readonly ingestAsyncBytes: number;
}

export interface QueryConfig {
  /** A query running longer is interrupted (408 query_timeout). */
  readonly timeoutMs: number;
  /** Rows returned inline in JSON; beyond them the result says `truncated: true`. */
  readonly maxInlineRows: number;
  /** Queries running at once; more wait in line. */
  readonly maxConcurrent: number;
  /** How long a query waits in line before 503 too_busy. */
  readonly queueWaitMs: number;
  /** Paged results: the largest kept, how many are kept, their total size, their lifetime. */
  readonly maxPagedRows: number;
  readonly pagedResults: number;
  readonly pagedBytes: number;
  readonly pagedTtlMs: number;
  /** Memory the hot-dataset cache may use. */
  readonly pinBudgetBytes: number;
}

export interface EngineConfig {
  /** DuckDB worker threads; undefined = one per core. */
  readonly threads: number | undefined;
  /** DuckDB memory limit such as `4GB`; undefined = DuckDB's default (80% of RAM). */
  readonly memoryLimit: string | undefined;
}

export interface Config {
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly adminKey: string | undefined;
  readonly metastoreUrl: string;
  readonly logLevel: LogLevel;
  readonly demo: boolean;
  readonly shutdownTimeoutMs: number;
  readonly limits: LimitsConfig;
  readonly engine: EngineConfig;
  readonly query: QueryConfig;
  /** Files may be ingested from server paths only inside this folder. */
  readonly inboxDir: string;
  /** Ingest new files dropped into the inbox automatically. */
  readonly inboxWatch: boolean;
  /** Requests per minute per API key, by role (the most generous of a caller's roles applies; 0 = unlimited). */
  readonly rateLimits: {
    readonly perRole: Readonly<Record<string, number>>;
    readonly fallback: number;
  };
  /** Test-only: the named crash point (see core/fault-injection.ts). */
  readonly faultPoint: string | undefined;
  /** Snapshots stay readable (as_of) at least this long before garbage collection may expire them. */
  readonly snapshotRetentionMs: number;
  readonly compliance: ComplianceConfig;
  /** Key (≥ 32 bytes, hex or base64) sealing saved source passwords; generated into the data dir when unset. */
  readonly sourceSecretKey: string | undefined;
  readonly sourceSecretKeyFile: string | undefined;
}

export interface ComplianceConfig {
  /** The audit-chain HMAC key (≥ 32 bytes) or a file holding it; generated when both are unset. */
  readonly auditKey: string | undefined;
  readonly auditKeyFile: string | undefined;
  /** The legal-audit token (≥ 32 bytes) or a file holding it; the legal routes answer 503 without one. */
  readonly legalToken: string | undefined;
  readonly legalTokenFile: string | undefined;
  /** How long general personal data and biometric data are kept after the last interaction. */
  readonly generalRetentionMs: number;
  readonly biometricRetentionMs: number;
}

/** Biometric data may be kept at most three years after the last interaction (BIPA-style). */
export const MAX_BIOMETRIC_RETENTION_MS = 3 * 365 * 86_400_000;

export class ConfigError extends Error {
  readonly setting: string;
  constructor(setting: string, message: string) {
    super(`${setting}: ${message}`);
    this.name = 'ConfigError';
    this.setting = setting;
  }
}

type Env = Readonly<Record<string, string | undefined>>;
type FileConfig = Record<string, unknown>;

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];
const MIN_ADMIN_KEY_LENGTH = 16;

export interface LoadConfigOptions {
  /** Base directory for relative paths; defaults to the working directory. */
  cwd?: string;
  /** Values that win over the environment (used by CLI flags and tests). */
  overrides?: Partial<Record<keyof Config, unknown>>;
}

export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  const file = readConfigFile(env['LAKEHOUSE_CONFIG'], cwd);
  const pick = (envName: string, fileKey: string, overrideKey: keyof Config): unknown =>
    options.overrides?.[overrideKey] ?? env[envName] ?? file[fileKey];

  const dataDir = path.resolve(
    cwd,
    stringSetting(
      'LAKEHOUSE_DATA_DIR',
      pick('LAKEHOUSE_DATA_DIR', 'dataDir', 'dataDir') ?? './data',
    ),
  );
  const fileLimits = (file['limits'] ?? {}) as FileConfig;
  const fileQuery = (file['query'] ?? {}) as FileConfig;
  const limit = (envName: string, fileKey: string, fallback: string) =>
    byteSetting(envName, env[envName] ?? fileLimits[fileKey] ?? fallback);
  const config: Config = {
    dataDir,
    port: portSetting(pick('LAKEHOUSE_PORT', 'port', 'port') ?? 3100),
    host: stringSetting('LAKEHOUSE_HOST', pick('LAKEHOUSE_HOST', 'host', 'host') ?? '127.0.0.1'),
    adminKey: adminKeySetting(pick('LAKEHOUSE_ADMIN_KEY', 'adminKey', 'adminKey')),
    metastoreUrl: metastoreUrlSetting(
      pick('LAKEHOUSE_METASTORE_URL', 'metastoreUrl', 'metastoreUrl'),
      dataDir,
      cwd,
    ),
    logLevel: logLevelSetting(pick('LAKEHOUSE_LOG_LEVEL', 'logLevel', 'logLevel') ?? 'info'),
    demo: booleanSetting('LAKEHOUSE_DEMO', pick('LAKEHOUSE_DEMO', 'demo', 'demo') ?? true),
    shutdownTimeoutMs: positiveIntSetting(
      'LAKEHOUSE_SHUTDOWN_TIMEOUT_MS',
      pick('LAKEHOUSE_SHUTDOWN_TIMEOUT_MS', 'shutdownTimeoutMs', 'shutdownTimeoutMs') ?? 30_000,
    ),
    limits: {
      maxObjectBytes: limit('LAKEHOUSE_MAX_OBJECT_BYTES', 'maxObjectBytes', '1GiB'),
      maxJsonBodyBytes: limit('LAKEHOUSE_MAX_JSON_BODY_BYTES', 'maxJsonBodyBytes', '1MiB'),
      maxUploadBytes: limit('LAKEHOUSE_MAX_UPLOAD_BYTES', 'maxUploadBytes', '10GiB'),
      ingestAsyncBytes: limit('LAKEHOUSE_INGEST_ASYNC_BYTES', 'ingestAsyncBytes', '64MiB'),
    },
    engine: {
      threads: optional(env['LAKEHOUSE_ENGINE_THREADS'] ?? file['engineThreads'], (v) =>
        positiveIntSetting('LAKEHOUSE_ENGINE_THREADS', v),
      ),
      memoryLimit: optional(
        env['LAKEHOUSE_ENGINE_MEMORY_LIMIT'] ?? file['engineMemoryLimit'],
        memoryLimitSetting,
      ),
    },
    inboxDir: path.resolve(
      cwd,
      stringSetting(
        'LAKEHOUSE_INBOX_DIR',
        pick('LAKEHOUSE_INBOX_DIR', 'inboxDir', 'inboxDir') ?? path.join(dataDir, 'inbox'),
      ),
    ),
    query: {
      timeoutMs: positiveIntSetting(
        'LAKEHOUSE_QUERY_TIMEOUT_MS',
        env['LAKEHOUSE_QUERY_TIMEOUT_MS'] ?? fileQuery['timeoutMs'] ?? 30_000,
      ),
      maxInlineRows: positiveIntSetting(
        'LAKEHOUSE_QUERY_MAX_ROWS',
        env['LAKEHOUSE_QUERY_MAX_ROWS'] ?? fileQuery['maxInlineRows'] ?? 10_000,
      ),
      maxConcurrent: positiveIntSetting(
        'LAKEHOUSE_QUERY_CONCURRENCY',
        env['LAKEHOUSE_QUERY_CONCURRENCY'] ?? fileQuery['maxConcurrent'] ?? 4,
      ),
      maxPagedRows: positiveIntSetting(
        'LAKEHOUSE_PAGED_MAX_ROWS',
        env['LAKEHOUSE_PAGED_MAX_ROWS'] ?? fileQuery['maxPagedRows'] ?? 1_000_000,
      ),
      pagedResults: positiveIntSetting(
        'LAKEHOUSE_PAGED_RESULTS',
        env['LAKEHOUSE_PAGED_RESULTS'] ?? fileQuery['pagedResults'] ?? 64,
      ),
      pagedBytes: byteSetting(
        'LAKEHOUSE_PAGED_BYTES',
        env['LAKEHOUSE_PAGED_BYTES'] ?? fileQuery['pagedBytes'] ?? '1GiB',
      ),
      pagedTtlMs: positiveIntSetting(
        'LAKEHOUSE_PAGED_TTL_MS',
        env['LAKEHOUSE_PAGED_TTL_MS'] ?? fileQuery['pagedTtlMs'] ?? 15 * 60_000,
      ),
      pinBudgetBytes: byteSetting(
        'LAKEHOUSE_PIN_BUDGET_BYTES',
        env['LAKEHOUSE_PIN_BUDGET_BYTES'] ?? fileQuery['pinBudgetBytes'] ?? '2GiB',
      ),
      queueWaitMs: positiveIntSetting(
        'LAKEHOUSE_QUERY_QUEUE_MS',
        env['LAKEHOUSE_QUERY_QUEUE_MS'] ?? fileQuery['queueWaitMs'] ?? 10_000,
      ),
    },
    rateLimits: {
      perRole: rateLimitsSetting(env['LAKEHOUSE_RATE_LIMITS'] ?? file['rateLimits'] ?? 'admin=0'),
      fallback: nonNegativeIntSetting(
        'LAKEHOUSE_RATE_LIMIT_DEFAULT',
        env['LAKEHOUSE_RATE_LIMIT_DEFAULT'] ?? file['rateLimitDefault'] ?? 600,
      ),
    },
    faultPoint: optional(env['LAKEHOUSE_FAULT_POINT'], (v) => faultPointSetting(v)),
    compliance: complianceSettings(env, file),
    sourceSecretKey: optional(env['LAKEHOUSE_SOURCE_KEY'], (v) =>
      stringSetting('LAKEHOUSE_SOURCE_KEY', v),
    ),
    sourceSecretKeyFile: optional(env['LAKEHOUSE_SOURCE_KEY_FILE'] ?? file['sourceKeyFile'], (v) =>
      path.resolve(cwd, stringSetting('LAKEHOUSE_SOURCE_KEY_FILE', v)),
    ),
    snapshotRetentionMs: durationSetting(
      'LAKEHOUSE_SNAPSHOT_RETENTION',
      pick('LAKEHOUSE_SNAPSHOT_RETENTION', 'snapshotRetention', 'snapshotRetentionMs') ?? '7d',
    ),
    inboxWatch: booleanSetting(
      'LAKEHOUSE_INBOX_WATCH',
      pick('LAKEHOUSE_INBOX_WATCH', 'inboxWatch', 'inboxWatch') ?? true,
    ),
  };
  return deepFreeze(config);
}

function readConfigFile(file: string | undefined, cwd: string): FileConfig {
  if (file === undefined || file === '') return {};
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new ConfigError(
      'LAKEHOUSE_CONFIG',
      `cannot read config file ${file}: ${(error as Error).message}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      'LAKEHOUSE_CONFIG',
      `config file ${file} is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError('LAKEHOUSE_CONFIG', `config file ${file} must contain a JSON object`);
  }
  return parsed as FileConfig;
}

function stringSetting(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError(name, 'must be a non-empty string');
  }
  return value;
}

function portSetting(value: unknown): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || String(value).trim() === '') {
    throw new ConfigError(
      'LAKEHOUSE_PORT',
      `must be an integer from 0 to 65535, got "${String(value)}"`,
    );
  }
  return port;
}

function positiveIntSetting(name: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new ConfigError(name, `must be a positive integer, got "${String(value)}"`);
  return n;
}

function complianceSettings(env: Env, file: FileConfig): ComplianceConfig {
  const text = (name: string, fileKey: string) =>
    optional(env[name] ?? file[fileKey], (v) => stringSetting(name, v));
  const legalToken = text('LAKEHOUSE_LEGAL_TOKEN', 'legalToken');
  if (legalToken !== undefined && Buffer.byteLength(legalToken) < 32)
    throw new ConfigError(
      'LAKEHOUSE_LEGAL_TOKEN',
      'the legal token must be at least 32 bytes (e.g. openssl rand -hex 32)',
    );
  const biometricRetentionMs = durationSetting(
    'LAKEHOUSE_RETENTION_BIOMETRIC',
    env['LAKEHOUSE_RETENTION_BIOMETRIC'] ?? file['retentionBiometric'] ?? '1095d',
  );
  if (biometricRetentionMs > MAX_BIOMETRIC_RETENTION_MS)
    throw new ConfigError(
      'LAKEHOUSE_RETENTION_BIOMETRIC',
      'biometric data may be kept at most 3 years (1095d) after the last interaction',
    );
  return {
    auditKey: text('LAKEHOUSE_AUDIT_KEY', 'auditKey'),
    auditKeyFile: text('LAKEHOUSE_AUDIT_KEY_FILE', 'auditKeyFile'),
    legalToken,
    legalTokenFile: text('LAKEHOUSE_LEGAL_TOKEN_FILE', 'legalTokenFile'),
    generalRetentionMs: durationSetting(
      'LAKEHOUSE_RETENTION_GENERAL',
      env['LAKEHOUSE_RETENTION_GENERAL'] ?? file['retentionGeneral'] ?? '1095d',
    ),
    biometricRetentionMs,
  };
}

function durationSetting(name: string, value: unknown): number {
  const ms = typeof value === 'number' ? value : parseDuration(String(value));
  if (ms === undefined || !Number.isInteger(ms) || ms < 0)
    throw new ConfigError(
      name,
      `expected a duration such as 90s, 15m, 12h, 7d or 2w, got "${String(value)}"`,
    );
  return ms;
}

function byteSetting(name: string, value: unknown): number {
  const bytes = parseByteSize(value);
  if (bytes === undefined || bytes <= 0) {
    throw new ConfigError(
      name,
      `must be a positive size such as 1048576, 10MB or 1GiB, got "${String(value)}"`,
    );
  }
  return bytes;
}

function nonNegativeIntSetting(name: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new ConfigError(name, `must be a whole number (0 = unlimited), got "${String(value)}"`);
  return n;
}

/** `admin=0,analyst=600,agent=120` (or an object in the config file). */
function rateLimitsSetting(value: unknown): Record<string, number> {
  const entries =
    typeof value === 'string'
      ? value
          .split(',')
          .filter((part) => part.trim() !== '')
          .map((part) => part.split('=').map((s) => s.trim()))
      : Object.entries(value as Record<string, unknown>);
  const limits: Record<string, number> = {};
  for (const [role, rpm] of entries) {
    const n = Number(rpm);
    if (!role || !/^[a-z][a-z0-9_-]*$/.test(String(role)) || !Number.isInteger(n) || n < 0) {
      throw new ConfigError(
        'LAKEHOUSE_RATE_LIMITS',
        'must look like admin=0,analyst=600 (requests per minute; 0 = unlimited)',
      );
    }
    limits[String(role)] = n;
  }
  return limits;
}

function faultPointSetting(value: unknown): string {
  if (!FAULT_POINTS.includes(value as FaultPointName)) {
    throw new ConfigError('LAKEHOUSE_FAULT_POINT', `must be one of ${FAULT_POINTS.join(', ')}`);
  }
  return value as string;
}

function optional<T>(value: unknown, parse: (value: unknown) => T): T | undefined {
  return value === undefined || value === '' ? undefined : parse(value);
}

function memoryLimitSetting(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value.trim())
  ) {
    throw new ConfigError(
      'LAKEHOUSE_ENGINE_MEMORY_LIMIT',
      `must be a size such as 2GB or 512MiB, got "${String(value)}"`,
    );
  }
  return value.trim();
}

function booleanSetting(name: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (['1', 'true', 'on', 'yes'].includes(text)) return true;
  if (['0', 'false', 'off', 'no'].includes(text)) return false;
  throw new ConfigError(name, `must be on or off, got "${String(value)}"`);
}

function adminKeySetting(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length < MIN_ADMIN_KEY_LENGTH || /\s/.test(value)) {
    throw new ConfigError(
      'LAKEHOUSE_ADMIN_KEY',
      `must be at least ${MIN_ADMIN_KEY_LENGTH} characters without white space`,
    );
  }
  return value;
}

function logLevelSetting(value: unknown): LogLevel {
  if (!LOG_LEVELS.includes(value as LogLevel)) {
    throw new ConfigError(
      'LAKEHOUSE_LOG_LEVEL',
      `must be one of ${LOG_LEVELS.join(', ')}, got "${String(value)}"`,
    );
  }
  return value as LogLevel;
}

function metastoreUrlSetting(value: unknown, dataDir: string, cwd: string): string {
  if (value === undefined || value === '')
    return `sqlite:${path.join(dataDir, 'metastore.sqlite')}`;
  const url = stringSetting('LAKEHOUSE_METASTORE_URL', value);
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError('LAKEHOUSE_METASTORE_URL', 'is not a valid postgres:// URL');
    }
    return url;
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === '') throw new ConfigError('LAKEHOUSE_METASTORE_URL', 'sqlite: needs a file path');
    return file === ':memory:' ? url : `sqlite:${path.resolve(cwd, file)}`;
  }
  throw new ConfigError(
    'LAKEHOUSE_METASTORE_URL',
    'must start with postgres://, postgresql:// or sqlite:',
  );
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

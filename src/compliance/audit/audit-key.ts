import { randomBytes, createSecretKey, type KeyObject } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory, ConfigError } from '../../core/index.js';

/** The settings config.ts reads; named here so messages and docs use the same words. */
export const AUDIT_KEY_ENV = 'LAKEHOUSE_AUDIT_KEY';
export const AUDIT_KEY_FILE_ENV = 'LAKEHOUSE_AUDIT_KEY_FILE';

/** HMAC-SHA256 keys shorter than the hash output weaken it (RFC 2104 §3). */
export const AUDIT_KEY_MIN_BYTES = 32;

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const BASE64_PREFIX = 'base64:';

export interface AuditKeyOptions {
  /** The key itself (LAKEHOUSE_AUDIT_KEY). */
  readonly value?: string | undefined;
  /** A file holding the key (LAKEHOUSE_AUDIT_KEY_FILE). */
  readonly file?: string | undefined;
  /** Where a key is generated when neither is set: `<dataDir>/secrets/audit.key`. */
  readonly dataDir: string;
}

export interface LoadedAuditKey {
  /** A KeyObject, so the bytes never show in logs or `util.inspect`. */
  readonly key: KeyObject;
  readonly source: 'env' | 'file' | 'generated';
  readonly path?: string;
  /** Something the operator should fix, e.g. a key file readable by others. */
  readonly warning?: string;
}

export function defaultAuditKeyPath(dataDir: string): string {
  return path.join(dataDir, 'secrets', 'audit.key');
}

/**
 * The chain's HMAC key: from the environment, from a file, or (neither set) from
 * `<dataDir>/secrets/audit.key`, generated on first start with owner-only permissions.
 */
export async function loadAuditKey(options: AuditKeyOptions): Promise<LoadedAuditKey> {
  if (options.value !== undefined && options.file !== undefined)
    throw new ConfigError(AUDIT_KEY_ENV, `set ${AUDIT_KEY_ENV} or ${AUDIT_KEY_FILE_ENV}, not both`);
  if (options.value !== undefined)
    return { key: parseAuditKey(options.value, AUDIT_KEY_ENV), source: 'env' };
  if (options.file !== undefined)
    return readKeyFile(path.resolve(options.file), AUDIT_KEY_FILE_ENV);
  const file = defaultAuditKeyPath(options.dataDir);
  if (await createKeyFile(file)) return { ...(await readKeyFile(file, file)), source: 'generated' };
  return readKeyFile(file, file);
}

/**
 * Accepted forms: at least 64 hex digits, or `base64:` followed by standard or URL-safe
 * base64 of at least 32 bytes. Passphrases are refused: their entropy is unknown.
 */
export function parseAuditKey(text: string, setting: string): KeyObject {
  const value = text.trim();
  const bytes = value.startsWith(BASE64_PREFIX)
    ? decodeBase64(value.slice(BASE64_PREFIX.length))
    : HEX.test(value) && value.length % 2 === 0
      ? Buffer.from(value, 'hex')
      : undefined;
  // The message names the setting and the length, never the value.
  if (bytes === undefined || bytes.length < AUDIT_KEY_MIN_BYTES)
    throw new ConfigError(
      setting,
      `the audit key must be at least ${AUDIT_KEY_MIN_BYTES * 2} hex digits or ` +
        `${BASE64_PREFIX}<at least ${AUDIT_KEY_MIN_BYTES} bytes in base64> ` +
        `(got ${bytes === undefined ? 'neither form' : `${bytes.length} bytes`})`,
    );
  return createSecretKey(bytes);
}

function decodeBase64(text: string): Buffer | undefined {
  return BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}

async function readKeyFile(file: string, setting: string): Promise<LoadedAuditKey> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const failure = new ConfigError(setting, `cannot read the audit key file ${file}`);
    failure.cause = error; // ConfigError takes no options; keep the errno and its stack anyway
    throw failure;
  }
  const key = parseAuditKey(text, setting);
  const mode = (await stat(file)).mode & 0o777;
  const warning =
    process.platform !== 'win32' && (mode & 0o077) !== 0
      ? `audit key file ${file} is readable by others (mode ${mode.toString(8)}); chmod 600 it`
      : undefined;
  return { key, source: 'file', path: file, ...(warning ? { warning } : {}) };
}

/**
 * Writes 32 random bytes as hex to a temporary file, then links it into place: `link` never
 * overwrites, so two processes starting at once agree on one key. False if it already existed.
 */
async function createKeyFile(file: string): Promise<boolean> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${randomBytes(AUDIT_KEY_MIN_BYTES).toString('hex')}\n`);
    await handle.sync(); // a lost key makes every chain unverifiable: have it on disk first
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file);
    await syncDirectory(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

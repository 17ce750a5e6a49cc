import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../core/index.js';

/** The settings config.ts reads; named here so messages use the same words. */
export const LEGAL_TOKEN_ENV = 'LAKEHOUSE_LEGAL_TOKEN';
export const LEGAL_TOKEN_FILE_ENV = 'LAKEHOUSE_LEGAL_TOKEN_FILE';

/** A shared secret shorter than a SHA-256 output can be guessed sooner than the digest collides. */
export const LEGAL_TOKEN_MIN_BYTES = 32;

/**
 * The legal token, held only as its SHA-256 digest: it never shows in logs or `util.inspect`,
 * and every comparison is of two 32-byte digests, so neither its length nor its bytes leak
 * through timing (crypto.timingSafeEqual needs equal lengths).
 */
export class LegalToken {
  readonly #digest: Buffer;

  private constructor(digest: Buffer) {
    this.#digest = digest;
  }

  /** The token from its text; refuses one shorter than LEGAL_TOKEN_MIN_BYTES, naming `setting`. */
  static fromText(text: string, setting: string): LegalToken {
    const value = text.trim();
    const bytes = Buffer.byteLength(value, 'utf8');
    // The message names the setting and the length, never the value.
    if (bytes < LEGAL_TOKEN_MIN_BYTES)
      throw new ConfigError(
        setting,
        `the legal token must be at least ${LEGAL_TOKEN_MIN_BYTES} bytes (got ${bytes}); ` +
          'generate one with: openssl rand -hex 32',
      );
    return new LegalToken(digestOf(value));
  }

  /** Whether `presented` is the token, in constant time. */
  matches(presented: string): boolean {
    return timingSafeEqual(digestOf(presented), this.#digest);
  }

  toJSON(): string {
    return '[legal token]';
  }
}

export interface LegalTokenSettings {
  /** The token itself (LAKEHOUSE_LEGAL_TOKEN; its length is checked by loadConfig too). */
  readonly legalToken?: string | undefined;
  /** A file holding it (LAKEHOUSE_LEGAL_TOKEN_FILE), relative to the working directory. */
  readonly legalTokenFile?: string | undefined;
}

export interface LoadedLegalToken {
  readonly token: LegalToken;
  readonly source: 'env' | 'file';
  readonly path?: string;
  /** Something the operator should fix, e.g. a token file readable by others. */
  readonly warning?: string;
}

/**
 * The legal token from the environment or from a file, or null when neither is set (the legal
 * routes then answer 503). Throws a ConfigError at start-up for a token under 32 bytes, an
 * unreadable file, or both settings at once.
 */
export async function loadLegalToken(
  settings: LegalTokenSettings,
): Promise<LoadedLegalToken | null> {
  const { legalToken: value, legalTokenFile: file } = settings;
  if (value !== undefined && file !== undefined)
    throw new ConfigError(
      LEGAL_TOKEN_ENV,
      `set ${LEGAL_TOKEN_ENV} or ${LEGAL_TOKEN_FILE_ENV}, not both`,
    );
  if (value !== undefined)
    return { token: LegalToken.fromText(value, LEGAL_TOKEN_ENV), source: 'env' };
  if (file === undefined) return null;
  return readTokenFile(path.resolve(file));
}

async function readTokenFile(file: string): Promise<LoadedLegalToken> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const failure = new ConfigError(
      LEGAL_TOKEN_FILE_ENV,
      `cannot read the legal token file ${file}`,
    );
    failure.cause = error; // ConfigError takes no options; keep the errno and its stack anyway
    throw failure;
  }
  const token = LegalToken.fromText(text, `${LEGAL_TOKEN_FILE_ENV} (${file})`);
  const mode = (await stat(file)).mode & 0o777;
  const warning =
    process.platform !== 'win32' && (mode & 0o077) !== 0
      ? `legal token file ${file} is readable by others (mode ${mode.toString(8)}); chmod 600 it`
      : undefined;
  return { token, source: 'file', path: file, ...(warning ? { warning } : {}) };
}

function digestOf(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

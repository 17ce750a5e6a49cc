import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../core/index.js';

/**
 * Authenticated encryption of a stored credential: AES-256-GCM with a random 96-bit nonce, in a
 * versioned text form `v1.<nonce>.<tag>.<ciphertext>` (base64url), so a future scheme or key
 * can be told apart. `context` (e.g. the source's id) is bound as associated data: a sealed
 * password copied onto another record does not open there.
 */
const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends AppError {
  constructor(message: string) {
    super('internal', message);
    this.name = 'SecretBoxError';
  }
}

export function sealSecret(plaintext: string, key: Uint8Array, context = ''): string {
  checkKey(key);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [nonce, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
  return [VERSION, ...parts].join('.');
}

export function openSecret(sealed: string, key: Uint8Array, context = ''): string {
  checkKey(key);
  const [version, nonce, tag, ciphertext, ...rest] = sealed.split('.');
  if (version !== VERSION || ciphertext === undefined || rest.length > 0) {
    throw new SecretBoxError(`not a sealed secret of version ${VERSION}`);
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(nonce!, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
    const plaintext = Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]);
    return plaintext.toString('utf8');
  } catch {
    throw new SecretBoxError(
      'the sealed secret does not open with this key: wrong key, other record, or tampered',
    );
  }
}

/** A key from configuration text: 64 hex digits or base64 of 32 bytes. */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  checkKey(key);
  return key;
}

function checkKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) {
    throw new SecretBoxError(`the secret key must be ${KEY_BYTES} bytes, got ${key.length}`);
  }
}

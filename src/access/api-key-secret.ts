import { createHash, timingSafeEqual } from 'node:crypto';
import { randomToken } from '../core/index.js';

const KEY_PREFIX = 'lh_';

/** A new key: 32 random bytes, so a plain SHA-256 is a sound stored form (no stretching needed). */
export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomToken(32)}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests of equal length. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** What a listing shows of a key: enough to recognise it, never enough to use it. */
export function keyHint(key: string): string {
  return `${key.slice(0, Math.min(6, key.length - 4))}…${key.slice(-2)}`;
}

import { AppError } from '../core/index.js';

const MAX_KEY_BYTES = 1024;
// C0 controls, DEL and C1 controls: never part of a file name we accept.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Validates an object key: a relative, `/`-separated path that cannot leave its bucket.
 * Percent-decoding has already happened at the transport, so `%2e%2e/x` arrives as `../x`.
 */
export function validateObjectKey(key: string): string {
  const refuse = (why: string): never => {
    throw new AppError('invalid_object_key', `invalid object key: ${why}`, {
      details: { key: printable(key) },
    });
  };
  if (key.length === 0) refuse('it is empty');
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES)
    refuse(`it is longer than ${MAX_KEY_BYTES} bytes`);
  if (CONTROL_CHARS.test(key)) refuse('it contains NUL or control characters');
  if (key.includes('\\')) refuse('backslashes are not allowed');
  if (key.startsWith('/')) refuse('absolute paths are not allowed');
  for (const segment of key.split('/')) {
    if (segment === '') refuse('empty path segments are not allowed');
    if (segment === '.' || segment === '..') refuse('"." and ".." segments are not allowed');
    if (segment.startsWith('.lakehouse')) refuse('names starting with ".lakehouse" are reserved');
  }
  return key;
}

export function validateKeyPrefix(prefix: string): string {
  if (prefix === '') return prefix;
  // A prefix may end in "/" (a folder) or part-way through a name; validate it as a key.
  validateObjectKey(prefix.endsWith('/') ? `${prefix}x` : prefix);
  return prefix;
}

function printable(key: string): string {
  return key.replace(CONTROL_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

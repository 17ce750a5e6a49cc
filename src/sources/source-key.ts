import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseSecretKey } from '../connectors/index.js';

export interface LoadedSourceKey {
  readonly key: Buffer;
  /** Set when the key was generated at this start (the operator should back it up). */
  readonly generatedPath?: string;
}

/**
 * The key sealing saved source passwords: from LAKEHOUSE_SOURCE_KEY (64 hex digits or base64 of
 * 32 bytes), from LAKEHOUSE_SOURCE_KEY_FILE, or generated once into `<data dir>/secrets/` with
 * owner-only permissions.
 */
export async function loadSourceKey(options: {
  value: string | undefined;
  file: string | undefined;
  dataDir: string;
}): Promise<LoadedSourceKey> {
  if (options.value !== undefined) return { key: parseSecretKey(options.value) };
  if (options.file !== undefined)
    return { key: parseSecretKey(await readFile(options.file, 'utf8')) };
  const dir = path.join(options.dataDir, 'secrets');
  const file = path.join(dir, 'source.key');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
    return { key: parseSecretKey(await readFile(file, 'utf8')), generatedPath: file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { key: parseSecretKey(await readFile(file, 'utf8')) };
  }
}

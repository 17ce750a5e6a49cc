import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { uuidv7 } from '../core/index.js';

/**
 * This server's identity: a UUID kept in its data directory (made at first start). Servers
 * sharing a PostgreSQL metastore tell their own jobs apart by it.
 */
export async function loadInstanceId(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'instance-id');
  try {
    await writeFile(file, `${uuidv7()}\n`, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const id = (await readFile(file, 'utf8')).trim();
  if (id === '') throw new Error(`${file} is empty; delete it to make a new instance id`);
  return id;
}

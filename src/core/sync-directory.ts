import { open } from 'node:fs/promises';

/** Flushes a directory's entries to disk: a rename or new file in it survives a power cut. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

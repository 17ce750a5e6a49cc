import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A unique temp directory; returns it and a remover. */
export function tempDir(label: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `lh-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

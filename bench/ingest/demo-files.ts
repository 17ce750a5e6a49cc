import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateDemo, type DemoScale } from '../../src/demo/index.js';
import { startTimer } from '../support/timer.js';

export interface CsvInput {
  readonly table: string;
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

const MANIFEST = 'manifest.json';

/**
 * The demo tables as CSV in `<outDir>/demo-<scale>/`. Generating the full scale takes a while
 * and the output is deterministic (fixed seed), so it is cached and reused while every file is
 * still there with the size recorded when it was written.
 */
export async function demoCsvFiles(scale: DemoScale, outDir: string): Promise<CsvInput[]> {
  const dir = path.join(outDir, `demo-${scale}`);
  const cached = await readCache(dir);
  if (cached) return cached;
  console.log(`generating demo data (${scale}) in ${dir} …`);
  const elapsed = startTimer();
  const files = await generateDemo({ scale, outDir: dir });
  await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(files, null, 2)}\n`);
  console.log(`generated in ${elapsed().toFixed(1)} s`);
  return files;
}

async function readCache(dir: string): Promise<CsvInput[] | undefined> {
  let files: CsvInput[];
  try {
    files = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as CsvInput[];
  } catch {
    return undefined;
  }
  const intact = await Promise.all(files.map((file) => hasSize(file.path, file.bytes)));
  return intact.every(Boolean) ? files : undefined;
}

async function hasSize(file: string, bytes: number): Promise<boolean> {
  try {
    return (await stat(file)).size === bytes;
  } catch {
    return false;
  }
}

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoScale } from './sizes.js';
import { DEMO_TABLES, demoTableSizes } from './sizes.js';
import { demoTableSources } from './table-sources.js';
import { writeCsvFile } from './table-writer.js';

export const DEFAULT_DEMO_SEED = 42;

export interface DemoOptions {
  readonly scale: DemoScale;
  readonly outDir: string;
  /** Same seed and scale, same bytes. Defaults to DEFAULT_DEMO_SEED. */
  readonly seed?: number;
  /** Running row count of the table being written, after every batch and once at the end. */
  readonly onProgress?: (table: string, rows: number) => void;
}

export interface DemoTableFile {
  readonly table: string;
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

/**
 * Writes `<outDir>/<table>.csv` for every demo table, parents first, one table at a time.
 * The output depends only on the seed and the scale: no clock, no Math.random.
 */
export async function generateDemo(options: DemoOptions): Promise<DemoTableFile[]> {
  const sources = demoTableSources(
    demoTableSizes(options.scale),
    options.seed ?? DEFAULT_DEMO_SEED,
  );
  await mkdir(options.outDir, { recursive: true });
  const files: DemoTableFile[] = [];
  for (const table of DEMO_TABLES) {
    const path = join(options.outDir, `${table}.csv`);
    const onRows = options.onProgress && ((rows: number) => options.onProgress?.(table, rows));
    const { columns, lines } = sources[table];
    files.push({ table, path, ...(await writeCsvFile(path, columns, lines, onRows)) });
  }
  return files;
}

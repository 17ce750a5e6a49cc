import path from 'node:path';
import type { BenchApp } from '../support/bench-app.js';
import type { CsvInput } from './demo-files.js';
import { ingestDirect } from './direct-ingest.js';
import { uploadCsv } from './http-upload.js';
import { measureRun, summarizeRuns, type PathFigures, type RunFigures } from './measure.js';
import { rawCsvToParquet, type ConvertRun } from './raw-convert.js';
import { warmRead } from './warm-read.js';

export const PATH_NAMES = ['raw', 'http', 'direct'] as const;
export type PathName = (typeof PATH_NAMES)[number];

export interface TableFigures {
  readonly table: string;
  readonly rows: number;
  readonly csvBytes: number;
  readonly raw: PathFigures;
  readonly http: PathFigures;
  readonly direct: PathFigures;
  /** Every row count agrees: raw COPY, our rows_written and the catalog, in every run. */
  readonly rowsMatch: boolean;
}

/** Each run of ours creates its own dataset: `<table>`, `<table>_direct`, then `…_r2`, `…_r3`. */
export function datasetName(table: string, via: 'http' | 'direct', run: number): string {
  const base = via === 'direct' ? `${table}_direct` : table;
  return run === 0 ? base : `${base}_r${run + 1}`;
}

/**
 * Converts one CSV three ways, `repeat` times. Before each round the file is read once so no
 * path meets a cold page cache, and the order flips from round to round and table to table
 * (raw first, then raw last) so neither side keeps inheriting the other's warm caches or memory.
 */
export async function benchTable(
  app: BenchApp,
  baseUrl: string,
  input: CsvInput,
  options: { rawOutDir: string; tableIndex: number; repeat: number },
): Promise<TableFigures> {
  const runs: Record<PathName, RunFigures[]> = { raw: [], http: [], direct: [] };
  let rowsMatch = true;
  for (let run = 0; run < options.repeat; run += 1) {
    await warmRead(input.path);
    const paths = pathRunners(app, baseUrl, input, options.rawOutDir, run);
    const order = (options.tableIndex + run) % 2 === 0 ? PATH_NAMES : [...PATH_NAMES].reverse();
    for (const name of order) runs[name].push(await measureRun(paths[name]));
    rowsMatch &&= await rowsAgree(app, input.table, run, runs);
  }
  return {
    table: input.table,
    rows: input.rows,
    csvBytes: input.bytes,
    raw: summarizeRuns(runs.raw, input.bytes),
    http: summarizeRuns(runs.http, input.bytes),
    direct: summarizeRuns(runs.direct, input.bytes),
    rowsMatch,
  };
}

function pathRunners(
  app: BenchApp,
  baseUrl: string,
  input: CsvInput,
  rawOutDir: string,
  run: number,
): Record<PathName, () => Promise<ConvertRun>> {
  return {
    raw: () => rawCsvToParquet(input.path, path.join(rawOutDir, `${input.table}.parquet`)),
    http: () => uploadCsv(baseUrl, input.path, datasetName(input.table, 'http', run)),
    direct: () => ingestDirect(app, input.path, datasetName(input.table, 'direct', run)),
  };
}

/** The row counts of this run's three conversions, and what the catalog recorded for ours. */
async function rowsAgree(
  app: BenchApp,
  table: string,
  run: number,
  runs: Record<PathName, RunFigures[]>,
): Promise<boolean> {
  const catalogRows = async (p: 'http' | 'direct'): Promise<number> =>
    (await app.lakehouse.services.catalog.get(app.ctx, datasetName(table, p, run))).rowCount;
  const expected = runs.raw[run]!.rows;
  const counts = [
    runs.http[run]!.rows,
    runs.direct[run]!.rows,
    await catalogRows('http'),
    await catalogRows('direct'),
  ];
  return counts.every((rows) => rows === expected);
}

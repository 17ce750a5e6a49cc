import type { DemoTable } from '../../src/demo/index.js';
import { describeLocalFile } from '../../src/ingest/index.js';
import type { BenchApp } from '../support/bench-app.js';
import { startTimer } from '../support/timer.js';
import type { CsvInput } from '../ingest/demo-files.js';

/** Each demo table's row key, as `loadDemo` declares it. */
export const ROW_KEYS: Record<DemoTable, string> = {
  recruiters: 'recruiter_id',
  clients: 'client_id',
  candidates: 'candidate_id',
  jobs: 'job_id',
  placements: 'placement_id',
  timesheets: 'timesheet_id',
};

export interface LoadedTable {
  readonly table: string;
  readonly rows: number;
  readonly seconds: number;
}

/** Ingests every demo CSV as a dataset of the same name, the way the CLI loads a server file. */
export async function loadDatasets(
  app: BenchApp,
  inputs: readonly CsvInput[],
): Promise<LoadedTable[]> {
  const loaded: LoadedTable[] = [];
  for (const input of inputs) {
    const elapsed = startTimer();
    const upload = await describeLocalFile(input.path, `${input.table}.csv`);
    const outcome = await app.lakehouse.services.ingest.ingestStaged(app.ctx, upload, {
      dataset: input.table,
      mode: 'create',
      rowKey: rowKeyOf(input.table),
      sourceSystem: 'server_path',
      async: false,
    });
    const rows = outcome.result?.rowsWritten;
    if (rows !== input.rows) {
      throw new Error(`${input.table}: ingested ${String(rows)} rows, expected ${input.rows}`);
    }
    loaded.push({ table: input.table, rows, seconds: elapsed() });
    console.log(`  ${input.table}: ${rows} rows in ${loaded.at(-1)!.seconds.toFixed(1)} s`);
  }
  return loaded;
}

function rowKeyOf(table: string): string {
  const key = (ROW_KEYS as Record<string, string | undefined>)[table];
  if (key === undefined) throw new Error(`no row key known for demo table ${table}`);
  return key;
}

/** The Parquet files behind each dataset, from the metastore: what raw DuckDB reads too. */
export async function datasetFiles(
  app: BenchApp,
  tables: readonly string[],
): Promise<Record<string, string[]>> {
  const { catalog } = app.lakehouse.services;
  const files: Record<string, string[]> = {};
  for (const table of tables) {
    const dataset = await catalog.get(app.ctx, table);
    files[table] = await catalog.currentFilePaths(app.ctx, dataset);
  }
  return files;
}

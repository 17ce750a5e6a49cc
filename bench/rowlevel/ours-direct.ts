import { describeLocalFile, type IngestResult } from '../../src/ingest/index.js';
import type { BenchApp } from '../support/bench-app.js';
import { timeMs } from '../query/measure.js';
import { DATASET } from './plan.js';

/**
 * An upsert without HTTP: the service call the CLI makes for a file already on the server.
 * Describing the file (its checksum is read alongside the conversion) is part of the path.
 */
export async function upsertDirect(
  app: BenchApp,
  csv: string,
): Promise<{ ms: number; result: IngestResult }> {
  let result: IngestResult | undefined;
  const ms = await timeMs(async () => {
    const upload = await describeLocalFile(csv, 'upsert.csv');
    const outcome = await app.lakehouse.services.ingest.ingestStaged(app.ctx, upload, {
      dataset: DATASET,
      mode: 'upsert',
      format: 'csv',
      sourceSystem: 'server_path',
      async: false,
    });
    result = outcome.result;
  });
  if (!result?.upsert) throw new Error('the upsert did not complete synchronously');
  return { ms, result };
}

/**
 * Puts placements back to its base rows alone (`mode: 'replace'` from a copy of the base
 * file): the state every fresh upsert starts from. Not timed.
 */
export async function resetToBase(app: BenchApp, baseCopy: string, rows: number): Promise<void> {
  const upload = await describeLocalFile(baseCopy, `${DATASET}.parquet`);
  const outcome = await app.lakehouse.services.ingest.ingestStaged(app.ctx, upload, {
    dataset: DATASET,
    mode: 'replace',
    format: 'parquet',
    sourceSystem: 'server_path',
    async: false,
  });
  if (outcome.result?.rowsWritten !== rows) {
    throw new Error(`reset wrote ${String(outcome.result?.rowsWritten)} rows, expected ${rows}`);
  }
}

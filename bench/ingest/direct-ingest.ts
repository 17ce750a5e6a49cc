import { describeLocalFile } from '../../src/ingest/index.js';
import type { BenchApp } from '../support/bench-app.js';
import { timed } from '../support/timer.js';
import type { ConvertRun } from './raw-convert.js';

/**
 * Our ingest without HTTP: the service call the CLI and the inbox make for a file already on
 * the server. Describing the file (one hashing read) is part of the path, so it is timed.
 */
export async function ingestDirect(
  app: BenchApp,
  file: string,
  dataset: string,
): Promise<ConvertRun> {
  const { value, seconds } = await timed(async () => {
    const upload = await describeLocalFile(file, `${dataset}.csv`);
    return app.lakehouse.services.ingest.ingestStaged(app.ctx, upload, {
      dataset,
      mode: 'create',
      sourceSystem: 'server_path',
      async: false,
    });
  });
  if (!value.result) throw new Error(`ingest of ${dataset} did not complete synchronously`);
  return { rows: value.result.rowsWritten, seconds };
}

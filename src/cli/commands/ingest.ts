import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { AppError } from '../../core/index.js';
import { csvOptionsFromQuery } from '../../ingest/formats/index.js';
import { describeLocalFile, parseMode } from '../../ingest/index.js';
import type { JobView } from '../../jobs/index.js';
import { withLakehouse, type CliRuntime } from '../runtime.js';

interface IngestOptions {
  dataset: string;
  mode?: string;
  key?: string;
  format?: string;
  bucket?: string;
  description?: string;
  delimiter?: string;
  header?: string;
  quote?: string;
  encoding?: string;
  progress: boolean;
  dataDir?: string;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest <file>')
    .description(
      'Ingest a local file (CSV, TSV, JSON, NDJSON, Parquet) into a dataset, with a progress bar',
    )
    .requiredOption('--dataset <name>', 'target dataset')
    .option('--mode <mode>', 'create, append or replace', 'create')
    .option('--key <column>', 'row key column (create/replace)')
    .option('--format <format>', 'csv, tsv, json, ndjson, parquet (default: detected)')
    .option('--bucket <bucket>', 'target bucket (default primary)')
    .option('--description <text>', 'dataset description')
    .option('--delimiter <char>', 'CSV delimiter')
    .option('--header <bool>', 'CSV header: true, false or auto')
    .option('--quote <char>', 'CSV quote character')
    .option('--encoding <name>', 'utf-8, utf-16 or latin-1')
    .option('--no-progress', 'no progress bar')
    .option('--data-dir <dir>', 'data directory')
    .action(async (file: string, options: IngestOptions) => {
      await withLakehouse(
        (runtime) => ingestFile(runtime, path.resolve(file), options),
        options.dataDir,
      );
    });
}

async function ingestFile(
  { lakehouse, ctx }: CliRuntime,
  file: string,
  options: IngestOptions,
): Promise<void> {
  const upload = await describeLocalFile(file, path.basename(file)).catch((error: unknown) => {
    throw new AppError('not_found', `cannot read ${file}: ${(error as Error).message}`);
  });
  const outcome = await lakehouse.services.ingest.ingestStaged(ctx, upload, {
    dataset: options.dataset,
    mode: parseMode(options.mode),
    sourceSystem: 'server_path',
    async: true,
    csv: csvOptionsFromQuery({
      delimiter: options.delimiter,
      header: options.header,
      quote: options.quote,
      encoding: options.encoding,
    }),
    ...(options.key !== undefined && { rowKey: options.key }),
    ...(options.format !== undefined && { format: options.format }),
    ...(options.bucket !== undefined && { bucket: options.bucket }),
    ...(options.description !== undefined && { description: options.description }),
  });
  const job = await followJob(
    () => lakehouse.services.jobs.get(ctx, outcome.jobId),
    upload.size,
    options.progress,
  );
  if (job.state === 'failed') {
    const error = job.error!;
    throw new AppError('bad_request', `ingest failed (${error.code}): ${error.message}`);
  }
  const result = job.result as { rowsWritten: number; snapshotId: string };
  console.log(
    `Ingested ${result.rowsWritten.toLocaleString('en-US')} rows into ${options.dataset} (snapshot ${result.snapshotId})`,
  );
}

/** Polls a job until it ends, drawing a progress bar of bytes read with rate and ETA. */
async function followJob(
  read: () => Promise<JobView>,
  totalBytes: number,
  showBar: boolean,
): Promise<JobView> {
  const bar = showBar
    ? new cliProgress.SingleBar(
        {
          format:
            ' {bar} {percentage}% | {mb}/{totalMb} MB | {rows} rows | {rate} MB/s | ETA {eta}s',
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  bar?.start(totalBytes, 0, { mb: '0.0', totalMb: mb(totalBytes), rows: 0, rate: '0.0' });
  for (;;) {
    const job = await read();
    bar?.update(job.progress.bytesProcessed, {
      mb: mb(job.progress.bytesProcessed),
      totalMb: mb(totalBytes),
      rows: job.progress.rowsProcessed.toLocaleString('en-US'),
      rate: mb(job.bytesPerSecond ?? 0),
    });
    if (job.state === 'succeeded' || job.state === 'failed') {
      bar?.stop();
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

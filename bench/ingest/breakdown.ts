import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { classifyColumns, sampleColumnValues } from '../../src/catalog/index.js';
import { csvOptionsFromHead } from '../../src/ingest/formats/index.js';
import { describeLocalFile, stageUpload, type StagedUpload } from '../../src/ingest/index.js';
import { readUploadToParquet } from '../../src/ingest/read-upload.js';
import { parquetScan } from '../../src/query/sql-text.js';
import type { BenchApp } from '../support/bench-app.js';
import { median } from '../support/stats.js';
import { timed } from '../support/timer.js';
import type { CsvInput } from './demo-files.js';
import { ingestDirect } from './direct-ingest.js';
import { fastPathSteps, type FastPathOutcome } from './fast-path-steps.js';
import { otherReadSteps } from './other-read-steps.js';
import { rawCsvToParquet } from './raw-convert.js';

/**
 * Steps of our ingest, timed one by one by calling the functions IngestService calls, on the
 * server's own engine. "of which" rows re-run the inside of readUploadToParquet's fast path
 * step by step; the last rows are not on the fast path and show what the alternatives cost.
 */
export const STEP_LABELS = {
  hashCsv: 'hash CSV (describeLocalFile, direct path)',
  stageCsv: 'stage CSV to disk (HTTP path, minus the socket)',
  readUpload: 'read CSV → Parquet (readUploadToParquet)',
  sniff: '  of which: sniff 20,480 rows (DESCRIBE)',
  predict: '  of which: predict decimals from the first rows',
  copy: '  of which: COPY with guarded DECIMAL casts',
  rowCount: '  of which: row count from the Parquet footer',
  refine: '  of which: exact check of numeric-looking text',
  sample: 'sample rows for classification',
  classify: 'classify columns (PII detection on samples)',
  stageParquet: 'stage Parquet (hash + fsync)',
  safeSniff: 'fallback path: DESCRIBE, whole-file sniff',
  safeCopy: 'fallback path: COPY, whole-file sniff, fractions as text',
  rawSqlCopy: 'raw SQL: COPY with default read_csv, our engine',
} as const;
export type StepId = keyof typeof STEP_LABELS;
export const STEP_IDS = Object.keys(STEP_LABELS) as StepId[];

/** The steps of the in-process path (`ours direct`), whose sum is held against its total. */
export const DIRECT_PATH_STEPS: readonly StepId[] = [
  'hashCsv',
  'readUpload',
  'sample',
  'classify',
  'stageParquet',
];

export type TableBreakdown = Readonly<Record<StepId, number>>;

export interface StepsPass {
  readonly seconds: TableBreakdown;
  /** A whole in-process ingest of the same file in the same pass, to hold the steps against. */
  readonly directSeconds: number;
  /** A raw conversion (fresh DuckDB instance) of the same file in the same pass. */
  readonly rawSeconds: number;
  readonly fastPath: FastPathOutcome;
}

/** Records how long each step took. */
export class StepClock {
  readonly seconds: Partial<Record<StepId, number>> = {};

  async time<T>(step: StepId, work: () => Promise<T>): Promise<T> {
    const { value, seconds } = await timed(work);
    this.seconds[step] = seconds;
    return value;
  }
}

/**
 * One pass over one CSV: a raw conversion and a whole in-process ingest (into `dataset`), then
 * every step alone, close together in time so they share the machine's conditions. Scratch
 * files go to `scratchDir` and are removed.
 */
export async function timeSteps(
  app: BenchApp,
  input: CsvInput,
  options: { scratchDir: string; dataset: string },
): Promise<StepsPass> {
  const scratch = path.join(options.scratchDir, `${input.table}.steps.parquet`);
  const raw = await rawCsvToParquet(input.path, scratch);
  const direct = await ingestDirect(app, input.path, options.dataset);
  const clock = new StepClock();
  const upload = await clock.time('hashCsv', () =>
    describeLocalFile(input.path, `${input.table}.csv`),
  );
  const staged = await clock.time('stageCsv', () => stageCsv(app, input));
  await staged.remove();
  await wholeRead(app, upload, clock);
  const csv = csvOptionsFromHead(upload.head, 'csv');
  const fastPath = await app.lakehouse.engine.withConnection((c) =>
    fastPathSteps(c, { csv: input.path, options: csv, target: scratch }, clock),
  );
  await app.lakehouse.engine.withConnection((c) =>
    otherReadSteps(c, { csv: input.path, options: csv, target: scratch }, clock),
  );
  await rm(scratch, { force: true });
  return {
    seconds: clock.seconds as TableBreakdown,
    directSeconds: direct.seconds,
    rawSeconds: raw.seconds,
    fastPath,
  };
}

/** Step by step, the median over several passes. */
export function medianSteps(passes: readonly StepsPass[]): TableBreakdown {
  const entries = STEP_IDS.map((step) => [step, median(passes.map((p) => p.seconds[step]))]);
  return Object.fromEntries(entries) as TableBreakdown;
}

/** What the HTTP route does with the body: stream it to the uploads staging folder, hashing. */
function stageCsv(app: BenchApp, input: CsvInput): Promise<StagedUpload> {
  return stageUpload(createReadStream(input.path), {
    dir: path.join(app.lakehouse.config.dataDir, 'staging', 'uploads'),
    maxBytes: Number.MAX_SAFE_INTEGER,
    displayName: `${input.table}.csv`,
  });
}

/**
 * The staged Parquet's life as IngestService lives it: read, sampled and classified, staged for
 * commit (hash + fsync) in the target bucket.
 */
async function wholeRead(app: BenchApp, upload: StagedUpload, clock: StepClock): Promise<void> {
  const buckets = app.lakehouse.services.buckets;
  const parquet = buckets.stagingPath('.parquet');
  try {
    await app.lakehouse.engine.withConnection(async (c) => {
      const outcome = await clock.time('readUpload', () =>
        readUploadToParquet(c, upload, 'csv', undefined, parquet, () => {}),
      );
      const names = outcome.incoming.map((column) => column.name);
      const samples = await clock.time('sample', () =>
        sampleColumnValues(c, parquetScan([parquet]), names),
      );
      await clock.time('classify', async () =>
        classifyColumns(outcome.incoming, samples, [], new Date()),
      );
    });
    const store = await buckets.store(app.ctx, 'primary');
    const staged = await clock.time('stageParquet', () => store.stageFile(parquet));
    await staged.abort();
  } finally {
    await rm(parquet, { force: true });
  }
}

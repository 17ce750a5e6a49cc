/**
 * Child-process entry point: one conversion in a fresh process, so its peak RSS is not mixed
 * with memory that earlier work left in the allocator. Spawned by rss-probes.ts:
 *   node --import tsx bench/ingest/rss-probe.ts <kind> <csv> <table> <workDir>
 * where kind is raw, http or direct (a conversion), or sniffWhole / sniffSample (only the sniff).
 * Prints one JSON line: ProbeResult.
 */
import path from 'node:path';
import { createBenchApp, type BenchApp } from '../support/bench-app.js';
import { RssSampler, type RssFigures } from '../support/rss.js';
import { ingestDirect } from './direct-ingest.js';
import { uploadCsv } from './http-upload.js';
import { rawCsvToParquet, type ConvertRun } from './raw-convert.js';
import { describeOnly, isSniffKind, type SniffKind } from './sniff-describe.js';
import { warmRead } from './warm-read.js';

export interface ProbeResult {
  readonly rows: number;
  readonly rss: RssFigures;
}

async function probe(
  kind: string,
  csv: string,
  table: string,
  workDir: string,
): Promise<ProbeResult> {
  await warmRead(csv);
  if (isSniffKind(kind)) return probeSniff(csv, kind);
  const app = kind === 'raw' ? undefined : await createBenchApp(path.join(workDir, 'lakehouse'));
  try {
    const work = await prepare(kind, app, csv, table, workDir);
    const sampler = RssSampler.start(); // after start-up: the figure is what the conversion adds
    const { rows } = await work();
    return { rows, rss: sampler.stop() };
  } finally {
    await app?.stop();
  }
}

/** Rows are not read into anything here, so the result carries none. */
async function probeSniff(csv: string, kind: SniffKind): Promise<ProbeResult> {
  const sampler = RssSampler.start();
  await describeOnly(csv, kind);
  return { rows: 0, rss: sampler.stop() };
}

async function prepare(
  kind: string,
  app: BenchApp | undefined,
  csv: string,
  table: string,
  workDir: string,
): Promise<() => Promise<ConvertRun>> {
  if (kind === 'raw') return () => rawCsvToParquet(csv, path.join(workDir, `${table}.parquet`));
  if (app && kind === 'direct') return () => ingestDirect(app, csv, table);
  if (app && kind === 'http') {
    const baseUrl = await app.listen();
    return () => uploadCsv(baseUrl, csv, table);
  }
  throw new Error(`unknown probe kind "${kind}"`);
}

const [kind, csv, table, workDir] = process.argv.slice(2);
if (kind === undefined || csv === undefined || table === undefined || workDir === undefined) {
  console.error('usage: rss-probe.ts <raw|http|direct|sniffWhole|sniffSample> <csv> <table> <dir>');
  process.exitCode = 2;
} else {
  probe(kind, csv, table, workDir).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

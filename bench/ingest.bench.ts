/**
 * Ingest benchmark: the demo tables, CSV → Parquet, through raw DuckDB and through our ingest
 * (over HTTP and in process), in one process on one machine. See docs/BENCHMARKS.md.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BenchOptions, BenchReport } from './support/benchmark.js';
import { createBenchApp, type BenchApp } from './support/bench-app.js';
import { describeMachine } from './support/machine.js';
import { startTimer } from './support/timer.js';
import { benchTable, type TableFigures } from './ingest/bench-table.js';
import { timeSteps, type StepsPass } from './ingest/breakdown.js';
import { breakdownRow, breakdownTextTable, type BreakdownRow } from './ingest/breakdown-table.js';
import { demoCsvFiles, type CsvInput } from './ingest/demo-files.js';
import { ingestGoals } from './ingest/goals.js';
import { probeRss } from './ingest/rss-probes.js';
import { memoryTable, probeTable, throughputTable } from './ingest/tables.js';
import { ingestTotals } from './ingest/totals.js';

export async function run(options: BenchOptions): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const elapsed = startTimer();
  const inputs = await demoCsvFiles(options.scale, options.outDir);
  await mkdir(options.outDir, { recursive: true });
  const workDir = await mkdtemp(path.join(options.outDir, 'work-ingest-'));
  try {
    const { tables, breakdown } = await benchInOneServer(inputs, workDir, options.repeat);
    console.log('peak RSS, one fresh process per conversion …');
    const probes = await probeRss(inputs, workDir);
    const totals = ingestTotals(tables);
    return {
      benchmark: 'ingest',
      scale: options.scale,
      startedAt,
      durationSeconds: elapsed(),
      machine: describeMachine(),
      tables: [
        throughputTable(tables, totals),
        breakdownTextTable(breakdown),
        probeTable('Peak RSS, smallest vs largest table', probes.tables, [
          'DuckDB buffers a Parquet row group (122,880 rows) whole: wide rows cost memory',
        ]),
        probeTable('Peak RSS, the largest table at growing sizes', probes.sizeSeries, [
          'the same rows repeated: only the size changes',
        ]),
        memoryTable(tables, totals),
      ],
      goals: ingestGoals(totals, probes.sizeSeries),
      figures: { tables, totals, breakdown, probes },
    };
  } finally {
    if (options.keep) console.log(`kept: ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
}

interface Measured {
  readonly tables: TableFigures[];
  readonly breakdown: BreakdownRow[];
}

/**
 * One server for the whole run, as in production. The step-by-step breakdown runs after every
 * table has been measured, so its extra work cannot disturb the headline figures.
 */
async function benchInOneServer(
  inputs: readonly CsvInput[],
  workDir: string,
  repeat: number,
): Promise<Measured> {
  const rawOutDir = path.join(workDir, 'raw');
  await mkdir(rawOutDir, { recursive: true });
  const app = await createBenchApp(path.join(workDir, 'lakehouse'));
  try {
    const baseUrl = await app.listen();
    const tables: TableFigures[] = [];
    for (const [tableIndex, input] of inputs.entries()) {
      console.log(`${input.table}: ${input.rows} rows, ${(input.bytes / 1e6).toFixed(1)} MB …`);
      tables.push(await benchTable(app, baseUrl, input, { rawOutDir, tableIndex, repeat }));
    }
    console.log('timing each step of our ingest …');
    const breakdown: BreakdownRow[] = [];
    for (const input of inputs) breakdown.push(await breakdownOf(app, input, rawOutDir, repeat));
    return { tables, breakdown };
  } finally {
    await app.stop();
  }
}

/** `repeat` passes of the step-by-step timing, each ingesting into its own dataset. */
async function breakdownOf(
  app: BenchApp,
  input: CsvInput,
  scratchDir: string,
  repeat: number,
): Promise<BreakdownRow> {
  const passes: StepsPass[] = [];
  for (let pass = 1; pass <= repeat; pass += 1) {
    const dataset = `${input.table}_steps_p${pass}`;
    passes.push(await timeSteps(app, input, { scratchDir, dataset }));
  }
  return breakdownRow(input.table, passes);
}

/**
 * Benchmark runner: `npm run bench -- <name> [--scale small|full] [--keep] [--out <dir>]
 * [--repeat <n>]`. Each benchmark lives in `bench/<name>.bench.ts` and compares our product with
 * the raw engine or library it is built on, measured in the same run on the same machine.
 */
import os from 'node:os';
import type { BenchModule, BenchReport, RunConditions } from './support/benchmark.js';
import { parseBenchArgs, UsageError, type ParsedArgs } from './support/args.js';
import { machineSummary } from './support/machine.js';
import { writeReport } from './support/report-file.js';
import { renderText } from './support/table.js';

/** Loaded lazily: a benchmark's imports (the whole app, DuckDB) cost nothing until it runs. */
const BENCHMARKS: Record<string, () => Promise<BenchModule>> = {
  connectors: () => import('./connectors.bench.js'),
  audit: () => import('./audit.bench.js'),
  governed: () => import('./governed.bench.js'),
  ingest: () => import('./ingest.bench.js'),
  query: () => import('./query.bench.js'),
  rowlevel: () => import('./rowlevel.bench.js'),
};

/** A 1-minute load above this share of the CPUs means other work is competing for them. */
const BUSY_LOAD_PER_CPU = 0.5;

async function main(argv: readonly string[]): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = parseBenchArgs(argv);
  } catch (error) {
    if (error instanceof UsageError || error instanceof TypeError) return usage(error.message);
    throw error;
  }
  const load = parsed.name === undefined ? undefined : BENCHMARKS[parsed.name];
  if (load === undefined) {
    const problem =
      parsed.name === undefined ? 'which benchmark?' : `unknown benchmark "${parsed.name}"`;
    return usage(problem);
  }
  const { run } = await load();
  const loadAverageBefore = os.loadavg();
  warnIfBusy(loadAverageBefore);
  const report = await run(parsed.options);
  const conditions: RunConditions = {
    repeat: parsed.options.repeat,
    loadAverageBefore,
    loadAverageAfter: os.loadavg(),
  };
  printReport(report, conditions);
  const written = await writeReport(report, conditions, parsed.options.outDir);
  console.log(`\nreport: ${written.json}\n        ${written.markdown}`);
  return 0; // a goal not met is a finding to read, not a failed run
}

function usage(problem: string): number {
  console.error(`${problem}\n`);
  console.error(
    'usage: npm run bench -- <name> [--scale small|full] [--keep] [--out <dir>] [--repeat <n>]',
  );
  console.error(`benchmarks: ${Object.keys(BENCHMARKS).join(', ')}`);
  return 2;
}

function warnIfBusy(loadAverage: readonly number[]): void {
  const cpus = os.availableParallelism();
  if ((loadAverage[0] ?? 0) > BUSY_LOAD_PER_CPU * cpus) {
    console.warn(
      `warning: load average ${loadAverage[0]?.toFixed(2)} on ${cpus} CPUs; figures will be noisy`,
    );
  }
}

function printReport(report: BenchReport, conditions: RunConditions): void {
  const load = (values: readonly number[]): string => values.map((v) => v.toFixed(2)).join(' ');
  console.log(`\n${report.benchmark} · scale ${report.scale} · ${machineSummary(report.machine)}`);
  console.log(
    `run took ${report.durationSeconds.toFixed(1)} s · ${conditions.repeat} runs per figure ` +
      `(median) · load average ${load(conditions.loadAverageBefore)} → ${load(conditions.loadAverageAfter)}\n`,
  );
  for (const table of report.tables) console.log(`${renderText(table)}\n`);
  for (const goal of report.goals) {
    console.log(`${goal.met ? 'MET    ' : 'NOT MET'}  ${goal.goal}: ${goal.detail}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RssFigures } from '../support/rss.js';
import { PATH_NAMES, type PathName } from './bench-table.js';
import type { CsvInput } from './demo-files.js';
import type { ProbeResult } from './rss-probe.js';
import { repeatCsv } from './scaled-csv.js';
import { isSniffKind, type SniffKind } from './sniff-describe.js';

const PROBE_SCRIPT = fileURLToPath(new URL('./rss-probe.ts', import.meta.url));
/** The repository root, where `--import tsx` resolves. */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The largest table at 1×, 2× and 4× its rows: enough range to tell a plateau from a slope. */
export const SIZE_FACTORS = [1, 2, 4] as const;

export interface FileProbe {
  readonly table: string;
  /** Why this file was probed: smallest, largest, widest rows, or "largest × 2". */
  readonly label: string;
  readonly rows: number;
  readonly csvBytes: number;
  readonly raw: RssFigures;
  readonly http: RssFigures;
  readonly direct: RssFigures;
  /** Size series only: our reader's type sniff alone, over the whole file and over a sample. */
  readonly sniff?: Readonly<Record<SniffKind, RssFigures>>;
}

export interface RssProbes {
  /** The smallest and largest table, and the one with the widest rows. */
  readonly tables: readonly FileProbe[];
  /** The largest table repeated SIZE_FACTORS times: same rows, growing size. */
  readonly sizeSeries: readonly FileProbe[];
}

/** Every path on every probe file, one fresh process per conversion. */
export async function probeRss(inputs: readonly CsvInput[], workDir: string): Promise<RssProbes> {
  const tables: FileProbe[] = [];
  for (const { input, label } of probeTargets(inputs)) {
    tables.push(await probeFile(input, label, workDir));
  }
  const largest = [...inputs].sort((a, b) => b.bytes - a.bytes)[0]!;
  const sizeSeries: FileProbe[] = [];
  for (const factor of SIZE_FACTORS) {
    const input = factor === 1 ? largest : await repeatCsv(largest, factor, workDir);
    const known = factor === 1 ? tables.find((t) => t.table === largest.table) : undefined;
    try {
      const probe = known
        ? { ...known, label: '× 1' }
        : await probeFile(input, `× ${factor}`, workDir);
      sizeSeries.push({ ...probe, sniff: await probeSniffs(input, workDir) });
    } finally {
      if (factor !== 1) await rm(input.path, { force: true });
    }
  }
  return { tables, sizeSeries };
}

/**
 * Which tables to probe: the smallest and the largest, and the one with the widest rows (DuckDB
 * buffers a Parquet row group whole, so row width matters as well as file size).
 */
function probeTargets(inputs: readonly CsvInput[]): { input: CsvInput; label: string }[] {
  const bySize = [...inputs].sort((a, b) => a.bytes - b.bytes);
  const byWidth = [...inputs].sort((a, b) => b.bytes / b.rows - a.bytes / a.rows);
  const labels = new Map<CsvInput, string[]>();
  const add = (input: CsvInput | undefined, label: string): void => {
    if (input) labels.set(input, [...(labels.get(input) ?? []), label]);
  };
  add(bySize[0], 'smallest');
  add(bySize[bySize.length - 1], 'largest');
  add(byWidth[0], 'widest rows');
  return [...labels].map(([input, names]) => ({ input, label: names.join(', ') }));
}

async function probeFile(input: CsvInput, label: string, workDir: string): Promise<FileProbe> {
  const rss: Partial<Record<PathName, RssFigures>> = {};
  for (const name of PATH_NAMES) rss[name] = (await runProbe(name, input, workDir)).rss;
  return {
    table: input.table,
    label,
    rows: input.rows,
    csvBytes: input.bytes,
    ...(rss as Record<PathName, RssFigures>),
  };
}

async function probeSniffs(
  input: CsvInput,
  workDir: string,
): Promise<Record<SniffKind, RssFigures>> {
  const sniffWhole = (await runProbe('sniffWhole', input, workDir)).rss;
  const sniffSample = (await runProbe('sniffSample', input, workDir)).rss;
  return { sniffWhole, sniffSample };
}

async function runProbe(
  kind: PathName | SniffKind,
  input: CsvInput,
  workDir: string,
): Promise<ProbeResult> {
  const dir = await mkdtemp(path.join(workDir, `probe-${kind}-`));
  try {
    const stdout = await spawnProbe([kind, input.path, input.table, dir]);
    const result = JSON.parse(stdout.trim().split('\n').pop() ?? '') as ProbeResult;
    if (!isSniffKind(kind) && result.rows !== input.rows) {
      throw new Error(
        `${kind} probe of ${input.path}: ${result.rows} rows, expected ${input.rows}`,
      );
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function spawnProbe(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', PROBE_SCRIPT, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`rss probe ${args.join(' ')} exited ${code}`)),
    );
  });
}

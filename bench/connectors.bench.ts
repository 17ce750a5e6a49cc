/**
 * Connectors benchmark: a generated staffing-like table (1M rows; 100K at `--scale small`) in a
 * uniquely named PostgreSQL database and a uniquely named MariaDB/MySQL database, both dropped
 * after, imported to Parquet by our connector (`exportSourceTable`), each run in a fresh process
 * so its peak RSS is its own. Beside it, in the same run, the raw path: the server's own client
 * dumps CSV (`psql \copy … TO`; `mysql --batch --quick`, TSV) and DuckDB converts it
 * (`COPY (FROM read_csv(…)) TO … parquet`). Raw and ours alternate, figures are medians.
 *
 * This file is also the probe's entry point: `node --import tsx bench/connectors.bench.ts
 * --probe <postgres|mysql> <dsn> <schema> <table> <dir>` runs one import and prints JSON.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { createSourceConfig, exportSourceTable } from '../src/connectors/index.js';
import { DuckDbEngine } from '../src/query/index.js';
import type { BenchOptions, BenchReport, GoalResult } from './support/benchmark.js';
import { formatCount, formatMB, formatMiB, formatRatio, formatSeconds } from './support/format.js';
import { rawCsvToParquet } from './ingest/raw-convert.js';
import { describeMachine } from './support/machine.js';
import { RssSampler, type RssFigures } from './support/rss.js';
import { median } from './support/stats.js';
import type { TextTable } from './support/table.js';
import { startTimer, timed } from './support/timer.js';

const ROWS = { small: 100_000, full: 1_000_000 } as const;
const TABLE = 'bench_rows';
/** The brief's targets: at least 0.7× the raw path, and under 500 MB of resident memory. */
const MIN_RATIO = 0.7;
const MAX_PEAK_RSS = 500 * 1024 * 1024;
const PG_ADMIN =
  process.env['LAKEHOUSE_BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MYSQL_ADMIN = process.env['LAKEHOUSE_BENCH_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
const THIS_FILE = fileURLToPath(import.meta.url);
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

type System = 'postgres' | 'mysql';
const LABEL: Record<System, string> = { postgres: 'PostgreSQL', mysql: 'MariaDB/MySQL' };

interface BenchSource {
  readonly system: System;
  /** Our connector's DSN for the database. */
  readonly dsn: string;
  readonly schema: string;
  drop(): Promise<void>;
}

interface ProbeResult {
  readonly rows: number;
  readonly seconds: number;
  readonly stagedBytes: number;
  readonly rss: RssFigures;
}

interface RawRun {
  readonly rows: number;
  readonly dumpSeconds: number;
  readonly convertSeconds: number;
  readonly csvBytes: number;
}

interface SystemFigures {
  readonly system: System;
  readonly rows: number;
  readonly raw: readonly RawRun[];
  readonly ours: readonly ProbeResult[];
}

export async function run(options: BenchOptions): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const elapsed = startTimer();
  const rows = ROWS[options.scale];
  await mkdir(options.outDir, { recursive: true });
  const workDir = await mkdtemp(path.join(options.outDir, 'work-connectors-'));
  const figures: SystemFigures[] = [];
  try {
    for (const create of [createPostgresSource, createMysqlSource]) {
      const source = await create(rows);
      try {
        figures.push(await measure(source, rows, workDir, options.repeat));
      } finally {
        await source.drop();
      }
    }
    return {
      benchmark: 'connectors',
      scale: options.scale,
      startedAt,
      durationSeconds: elapsed(),
      machine: describeMachine(),
      tables: [throughputTable(figures), memoryTable(figures)],
      goals: figures.flatMap(goals),
      figures,
    };
  } finally {
    if (options.keep) console.log(`kept: ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
}

/** Raw and ours alternate, so a disturbance of the machine hits both alike. */
async function measure(
  source: BenchSource,
  rows: number,
  workDir: string,
  repeat: number,
): Promise<SystemFigures> {
  const raw: RawRun[] = [];
  const ours: ProbeResult[] = [];
  for (let pass = 1; pass <= repeat; pass += 1) {
    console.log(`${LABEL[source.system]}: pass ${pass} of ${repeat} …`);
    raw.push(await rawExport(source, workDir));
    ours.push(await probe(source, workDir));
  }
  return { system: source.system, rows, raw, ours };
}

// ── the raw path ─────────────────────────────────────────────────────────────────────────────

async function rawExport(source: BenchSource, workDir: string): Promise<RawRun> {
  const dump = path.join(workDir, `raw-${source.system}.csv`);
  const target = path.join(workDir, `raw-${source.system}.parquet`);
  try {
    const { seconds: dumpSeconds } = await timed(() => dumpWithClient(source, dump));
    const converted = await rawCsvToParquet(dump, target);
    return {
      rows: converted.rows,
      dumpSeconds,
      convertSeconds: converted.seconds,
      csvBytes: (await stat(dump)).size,
    };
  } finally {
    await rm(dump, { force: true });
    await rm(target, { force: true });
  }
}

/** The server's own command-line client writing the table to a file, as an operator would. */
async function dumpWithClient(source: BenchSource, file: string): Promise<void> {
  if (source.system === 'postgres') {
    const copy = `\\copy (SELECT * FROM ${TABLE}) TO '${file}' WITH (FORMAT csv, HEADER)`;
    await runCommand('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', source.dsn, '-c', copy]);
    return;
  }
  const url = new URL(source.dsn);
  const args = [
    '-h',
    url.hostname,
    '-P',
    url.port || '3306',
    '-u',
    decodeURIComponent(url.username),
  ];
  const env = { ...process.env, MYSQL_PWD: decodeURIComponent(url.password) };
  // --quick streams rows instead of buffering the result; --batch writes TSV with a header.
  await runCommand(
    'mysql',
    [...args, '--batch', '--quick', '-D', source.schema, '-e', `SELECT * FROM ${TABLE}`],
    {
      env,
      stdout: file,
    },
  );
}

function runCommand(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; stdout?: string } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = options.stdout ? createWriteStream(options.stdout) : undefined;
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ['ignore', out ? 'pipe' : 'ignore', 'inherit'],
    });
    if (out) child.stdout!.pipe(out);
    child.on('error', reject);
    child.on('close', (code) => {
      const done = (): void =>
        code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`));
      if (out) out.end(done);
      else done();
    });
  });
}

// ── ours, one fresh process per import ───────────────────────────────────────────────────────

async function probe(source: BenchSource, workDir: string): Promise<ProbeResult> {
  const dir = await mkdtemp(path.join(workDir, `probe-${source.system}-`));
  try {
    const stdout = await spawnProbe([source.system, source.dsn, source.schema, TABLE, dir]);
    return JSON.parse(stdout.trim().split('\n').pop() ?? '') as ProbeResult;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function spawnProbe(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', THIS_FILE, '--probe', ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`probe ${args[0]} exited ${code}`)),
    );
  });
}

/** In the child: one import with the engine's defaults, RSS sampled once the engine is up. */
async function probeOnce(
  dsn: string,
  schema: string,
  table: string,
  dir: string,
): Promise<ProbeResult> {
  const engine = await DuckDbEngine.create();
  try {
    const config = createSourceConfig({ dsn });
    const sampler = RssSampler.start();
    const { value, seconds } = await timed(() =>
      exportSourceTable(
        config,
        { schema, table },
        { parquetPath: path.join(dir, 'out.parquet'), stagingDir: dir, engine },
      ),
    );
    return { rows: value.rows, seconds, stagedBytes: value.stagedBytes, rss: sampler.stop() };
  } finally {
    engine.close();
  }
}

// ── sources ──────────────────────────────────────────────────────────────────────────────────

/** Roughly a placement: ids, names, an email, a decimal rate, a double, dates, two timestamps, notes. */
async function createPostgresSource(rows: number): Promise<BenchSource> {
  const name = `lh_bench_conn_${randomBytes(5).toString('hex')}`;
  await pgQuery(PG_ADMIN, `CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  const dsn = url.toString();
  const drop = (): Promise<void> =>
    pgQuery(PG_ADMIN, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  try {
    console.log(`PostgreSQL: generating ${formatCount(rows)} rows in ${name} …`);
    await pgQuery(
      dsn,
      `CREATE TABLE ${TABLE} AS SELECT i::bigint AS id, (i * 7919 % 100000)::bigint AS candidate_id,
         (i % 2000)::int AS client_id, 'Candidate ' || i AS full_name, 'person' || i || '@example.com' AS email,
         (ARRAY['Nurse', 'Welder', 'Accountant', 'Engineer', 'Driver'])[1 + i % 5] || ' level ' || (i % 7) AS title,
         (15 + (i % 9000) / 100.0)::numeric(10,2) AS rate, (i % 600) / 10.0::float8 AS hours, i % 3 <> 0 AS active,
         DATE '2015-01-01' + (i % 3650)::int AS start_date,
         TIMESTAMPTZ '2020-01-01 00:00:00+00' + i * INTERVAL '17 seconds' AS created_at,
         TIMESTAMP '2021-01-01 00:00:00' + i * INTERVAL '13.5 seconds' AS updated_at,
         CASE WHEN i % 5 = 0 THEN NULL ELSE 'Notes for placement ' || i || ': reliable, punctual, prefers nights' END AS notes
       FROM generate_series(1::bigint, ${rows}) AS i;
       ALTER TABLE ${TABLE} ADD PRIMARY KEY (id);
       ANALYZE ${TABLE};`,
    );
  } catch (error) {
    await drop();
    throw error;
  }
  return { system: 'postgres', dsn, schema: 'public', drop };
}

async function pgQuery(connectionString: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createMysqlSource(rows: number): Promise<BenchSource> {
  const name = `lh_bench_conn_${randomBytes(5).toString('hex')}`;
  const admin = await mysql.createConnection({ uri: MYSQL_ADMIN, multipleStatements: true });
  const drop = async (): Promise<void> => {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  };
  try {
    console.log(`MariaDB/MySQL: generating ${formatCount(rows)} rows in ${name} …`);
    // Six cross-joined digit tables number the rows: portable to MySQL and MariaDB alike.
    const digits = (alias: string): string =>
      `(SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 ` +
      `UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) ${alias}`;
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4; USE \`${name}\`;
       CREATE TABLE ${TABLE} (id BIGINT PRIMARY KEY, candidate_id BIGINT, client_id INT, full_name VARCHAR(60),
         email VARCHAR(80), title VARCHAR(60), rate DECIMAL(10,2), hours DOUBLE, active BOOLEAN, start_date DATE,
         created_at TIMESTAMP(6) NULL, updated_at DATETIME(6), notes TEXT);
       INSERT INTO ${TABLE}
       SELECT i, i * 7919 % 100000, i % 2000, CONCAT('Candidate ', i), CONCAT('person', i, '@example.com'),
         CONCAT(ELT(1 + i % 5, 'Nurse', 'Welder', 'Accountant', 'Engineer', 'Driver'), ' level ', i % 7),
         15 + (i % 9000) / 100, (i % 600) / 10e0, i % 3 <> 0, DATE '2015-01-01' + INTERVAL (i % 3650) DAY,
         TIMESTAMP '2020-01-01 00:00:00' + INTERVAL (i * 17) SECOND,
         TIMESTAMP '2021-01-01 00:00:00' + INTERVAL (i * 13500000) MICROSECOND,
         IF(i % 5 = 0, NULL, CONCAT('Notes for placement ', i, ': reliable, punctual, prefers nights'))
       FROM (SELECT a.n + 10 * b.n + 100 * c.n + 1000 * d.n + 10000 * e.n + 100000 * f.n + 1 AS i
             FROM ${['a', 'b', 'c', 'd', 'e', 'f'].map(digits).join(', ')}) AS numbered
       WHERE i <= ${rows};
       ANALYZE TABLE ${TABLE};`,
    );
  } catch (error) {
    await drop();
    throw error;
  }
  const url = new URL(MYSQL_ADMIN);
  url.pathname = `/${name}`;
  return { system: 'mysql', dsn: url.toString(), schema: name, drop };
}

// ── report ───────────────────────────────────────────────────────────────────────────────────

interface Summary {
  readonly rawSeconds: number;
  readonly oursSeconds: number;
  readonly rawDumpSeconds: number;
  readonly rawConvertSeconds: number;
  readonly worstPeak: RssFigures;
  readonly rowsMatch: boolean;
}

function summarise(f: SystemFigures): Summary {
  return {
    rawSeconds: median(f.raw.map((r) => r.dumpSeconds + r.convertSeconds)),
    rawDumpSeconds: median(f.raw.map((r) => r.dumpSeconds)),
    rawConvertSeconds: median(f.raw.map((r) => r.convertSeconds)),
    oursSeconds: median(f.ours.map((o) => o.seconds)),
    worstPeak: f.ours.reduce((a, b) => (b.rss.peakBytes > a.rss.peakBytes ? b : a)).rss,
    rowsMatch: [...f.raw, ...f.ours].every((r) => r.rows === f.rows),
  };
}

function throughputTable(figures: readonly SystemFigures[]): TextTable {
  return {
    title: 'Import of one table to Parquet (zstd), median of the runs',
    columns: [
      { header: 'source', align: 'left' },
      { header: 'rows' },
      { header: 'staged MB' },
      { header: 'raw dump s' },
      { header: 'raw convert s' },
      { header: 'raw rows/s' },
      { header: 'ours s' },
      { header: 'ours rows/s' },
      { header: 'ours ÷ raw' },
    ],
    rows: figures.map((f) => {
      const s = summarise(f);
      return [
        LABEL[f.system],
        formatCount(f.rows),
        formatMB(median(f.ours.map((o) => o.stagedBytes))),
        formatSeconds(s.rawDumpSeconds),
        formatSeconds(s.rawConvertSeconds),
        formatCount(f.rows / s.rawSeconds),
        formatSeconds(s.oursSeconds),
        formatCount(f.rows / s.oursSeconds),
        formatRatio(s.rawSeconds / s.oursSeconds),
      ];
    }),
    notes: [
      "raw: the server's client writes the table to a file (psql \\copy … CSV; mysql --batch --quick TSV), then DuckDB alone converts it",
      'ours: exportSourceTable in a fresh process: one consistent snapshot, exact types, progress; staging CSV → DuckDB',
      'the MySQL raw path is approximate: --batch output escapes tabs and newlines, which this table does not contain',
    ],
  };
}

function memoryTable(figures: readonly SystemFigures[]): TextTable {
  return {
    title: 'Peak RSS of our import (fresh process per run, worst run)',
    columns: [
      { header: 'source', align: 'left' },
      { header: 'peak RSS' },
      { header: 'at start' },
      { header: 'added by the import' },
    ],
    rows: figures.map((f) => {
      const { worstPeak } = summarise(f);
      return [
        LABEL[f.system],
        formatMiB(worstPeak.peakBytes),
        formatMiB(worstPeak.startBytes),
        formatMiB(worstPeak.deltaBytes),
      ];
    }),
    notes: ['peak: VmHWM reset after the DuckDB engine started (Linux), else the polled peak'],
  };
}

function goals(f: SystemFigures): GoalResult[] {
  const s = summarise(f);
  const ratio = s.rawSeconds / s.oursSeconds;
  return [
    {
      goal: `${LABEL[f.system]}: ours ≥ ${MIN_RATIO}× the raw path`,
      met: ratio >= MIN_RATIO,
      detail: `${formatRatio(ratio)} (${formatCount(f.rows / s.oursSeconds)} vs ${formatCount(f.rows / s.rawSeconds)} rows/s)`,
    },
    {
      goal: `${LABEL[f.system]}: peak RSS < ${formatMiB(MAX_PEAK_RSS)}`,
      met: s.worstPeak.peakBytes < MAX_PEAK_RSS,
      detail: `${formatMiB(s.worstPeak.peakBytes)} at worst`,
    },
    {
      goal: `${LABEL[f.system]}: every run writes every row`,
      met: s.rowsMatch,
      detail: s.rowsMatch
        ? `${formatCount(f.rows)} rows, raw and ours`
        : 'row counts differ, see the JSON report',
    },
  ];
}

// ── the probe's entry point ──────────────────────────────────────────────────────────────────

if (process.argv[1] === THIS_FILE && process.argv[2] === '--probe') {
  const [, dsn, schema, table, dir] = process.argv.slice(3);
  probeOnce(dsn!, schema!, table!, dir!).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

/**
 * Audit-chain benchmark: append latency and throughput (one subject, many subjects, batches)
 * beside a bare INSERT of the same row into the same table without hashing or locking, and
 * the time to verify a long chain beside reading its rows without checking them. SQLite in a
 * temp dir always; PostgreSQL too when LAKEHOUSE_BENCH_PG_URL names a server (a fresh
 * database is created on it and dropped afterwards). See docs/audit-chain.md.
 */
import { createSecretKey, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { BenchOptions, BenchReport, GoalResult } from './support/benchmark.js';
import { runClosedLoop, type CallOutcome, type LoadResult } from './support/closed-loop.js';
import { formatCount, formatRatio, formatSeconds } from './support/format.js';
import { describeMachine } from './support/machine.js';
import { median } from './support/stats.js';
import type { TextTable } from './support/table.js';
import { startTimer } from './support/timer.js';
import { formatMs } from './query/format-ms.js';
import { AuditChainService, type AuditEntry } from '../src/compliance/audit/index.js';
import { Metastore } from '../src/metastore/index.js';

/** The reference figure for one append. */
const REFERENCE_APPEND_MS = 1;
const BATCH = 100;
const SUBJECTS = 1000;
const VERIFY_PAGE = 2000;

const SIZES = {
  small: { appends: 1000, seconds: 3, verifyRows: 10_000 },
  full: { appends: 5000, seconds: 10, verifyRows: 100_000 },
} as const;

type WorkloadId = 'one' | 'oneConcurrent' | 'many' | 'batch';
const WORKLOADS: Record<WorkloadId, { label: string; inFlight: number }> = {
  one: { label: 'one subject', inFlight: 1 },
  oneConcurrent: { label: 'one subject', inFlight: 16 },
  many: { label: `${SUBJECTS} subjects`, inFlight: 16 },
  batch: { label: `appendMany ×${BATCH}, ${SUBJECTS} subjects`, inFlight: 1 },
};

interface Throughput {
  /** Rows per second (a batch counts its rows). */
  readonly rowsPerSecond: number;
  /** Per call: one append, or one batch. */
  readonly p50: number;
  readonly p99: number;
}

interface DialectFigures {
  readonly metastore: string;
  readonly appends: Record<WorkloadId, { ours: Throughput; raw: Throughput }>;
  readonly verify: { rows: number; ok: boolean; seconds: number; rawReadSeconds: number };
}

const ENTRY: AuditEntry = {
  accessor: { principal: 'p-bench', kind: 'user', purpose: 'benchmark', traceId: 'req-bench' },
  fieldsAccessed: ['email', 'phone', 'pay_rate'],
  result: 'success',
};

export async function run(options: BenchOptions): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const elapsed = startTimer();
  await mkdir(options.outDir, { recursive: true });
  const workDir = await mkdtemp(path.join(options.outDir, 'work-audit-'));
  const figures: DialectFigures[] = [];
  try {
    const sqliteUrl = `sqlite:${path.join(workDir, 'metastore.sqlite')}`;
    figures.push(await measureOn('SQLite', sqliteUrl, options));
    const pgAdminUrl = process.env['LAKEHOUSE_BENCH_PG_URL'];
    if (pgAdminUrl)
      figures.push(
        await withPgDatabase(pgAdminUrl, (url) => measureOn('PostgreSQL', url, options)),
      );
    else console.log('PostgreSQL skipped: set LAKEHOUSE_BENCH_PG_URL to include it');
  } finally {
    if (options.keep) console.log(`kept: ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
  return {
    benchmark: 'audit',
    scale: options.scale,
    startedAt,
    durationSeconds: elapsed(),
    machine: describeMachine(),
    tables: [appendTable(figures), verifyTable(figures)],
    goals: goals(figures),
    figures,
  };
}

async function measureOn(
  name: string,
  url: string,
  options: BenchOptions,
): Promise<DialectFigures> {
  const metastore = await Metastore.open(url);
  const audit = new AuditChainService(metastore, {
    key: createSecretKey(randomBytes(32)),
    verifyPageSize: VERIFY_PAGE,
  });
  try {
    const appends = {} as DialectFigures['appends'];
    for (const id of Object.keys(WORKLOADS) as WorkloadId[]) {
      console.log(`${name}: ${WORKLOADS[id].label}, ${WORKLOADS[id].inFlight} in flight …`);
      appends[id] = {
        ours: await repeated(options, () => appendLoad(audit, id, options)),
        raw: await repeated(options, () => rawLoad(metastore, id, options)),
      };
    }
    console.log(`${name}: building and verifying a ${SIZES[options.scale].verifyRows}-row chain …`);
    return { metastore: name, appends, verify: await measureVerify(metastore, audit, options) };
  } finally {
    await metastore.close();
  }
}

/** Each figure is the median of `repeat` runs, each on fresh subjects. */
async function repeated(
  options: BenchOptions,
  load: () => Promise<Throughput>,
): Promise<Throughput> {
  const runs: Throughput[] = [];
  for (let i = 0; i < options.repeat; i += 1) runs.push(await load());
  return {
    rowsPerSecond: median(runs.map((r) => r.rowsPerSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
  };
}

function appendLoad(audit: AuditChainService, id: WorkloadId, options: BenchOptions) {
  const prefix = `S${randomBytes(4).toString('hex')}-`;
  const subject = (n: number) =>
    id === 'one' || id === 'oneConcurrent' ? prefix : `${prefix}${n % SUBJECTS}`;
  return closedLoop(id, options, async (n) => {
    if (id !== 'batch') await audit.append(subject(n), ENTRY);
    else {
      const items = Array.from({ length: BATCH }, (_, i) => ({
        subjectId: subject(n * BATCH + i),
        entry: ENTRY,
      }));
      await audit.appendMany(items);
    }
  });
}

/** The floor: the same row text and columns inserted as is, one statement per call. */
function rawLoad(metastore: Metastore, id: WorkloadId, options: BenchOptions) {
  const prefix = `R${randomBytes(4).toString('hex')}-`;
  const one = id === 'one' || id === 'oneConcurrent';
  const row = (n: number) => ({
    ...RAW_ROW,
    subject_id: one ? prefix : `${prefix}${n % SUBJECTS}`,
    seq: n + 1,
  });
  return closedLoop(id, options, async (n) => {
    const rows =
      id === 'batch' ? Array.from({ length: BATCH }, (_, i) => row(n * BATCH + i)) : [row(n)];
    await metastore.db.insertInto('audit_rows').values(rows).execute();
  });
}

const RAW_ROW = {
  ts: '2026-03-04T05:06:07.008Z',
  result: 'success',
  principal: 'p-bench',
  row_json: JSON.stringify({
    ...ENTRY,
    prev_hash: 'f'.repeat(64),
    row_hmac: 'f'.repeat(64),
    pad: 'x'.repeat(120),
  }),
};

async function closedLoop(
  id: WorkloadId,
  options: BenchOptions,
  call: (n: number) => Promise<void>,
): Promise<Throughput> {
  const size = SIZES[options.scale];
  const perCall = id === 'batch' ? BATCH : 1;
  const result: LoadResult = await runClosedLoop(
    {
      concurrency: WORKLOADS[id].inFlight,
      durationMs: size.seconds * 1000,
      maxRequests: Math.ceil(size.appends / perCall),
    },
    async (n): Promise<CallOutcome> => {
      await call(n);
      return { ok: true };
    },
  );
  if (result.errors > 0) throw new Error(`${id}: ${JSON.stringify(result.errorsByKind)}`);
  return {
    rowsPerSecond: result.requestsPerSecond * perCall,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** Builds one long chain in batches, then times verify against reading the same pages raw. */
async function measureVerify(
  metastore: Metastore,
  audit: AuditChainService,
  options: BenchOptions,
) {
  const rows = SIZES[options.scale].verifyRows;
  const subjectId = `V${randomBytes(4).toString('hex')}`;
  for (let done = 0; done < rows; done += 1000)
    await audit.appendMany(
      Array.from({ length: Math.min(1000, rows - done) }, () => ({ subjectId, entry: ENTRY })),
    );
  const verifyRuns: number[] = [];
  const rawRuns: number[] = [];
  let ok = true;
  for (let i = 0; i < options.repeat; i += 1) {
    const timer = startTimer();
    const result = await audit.verify(subjectId);
    verifyRuns.push(timer());
    ok &&= result.ok && result.rows === rows;
    rawRuns.push(await rawRead(metastore, subjectId));
  }
  return { rows, ok, seconds: median(verifyRuns), rawReadSeconds: median(rawRuns) };
}

/** The same keyset pages verify reads, without parsing or hashing. */
async function rawRead(metastore: Metastore, subjectId: string): Promise<number> {
  const timer = startTimer();
  let after = 0;
  for (;;) {
    const page = await metastore.db
      .selectFrom('audit_rows')
      .selectAll()
      .where('subject_id', '=', subjectId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(VERIFY_PAGE)
      .execute();
    if (page.length < VERIFY_PAGE) return timer();
    after = page[page.length - 1]!.seq;
  }
}

async function withPgDatabase<T>(adminUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `lh_bench_audit_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

function appendTable(figures: readonly DialectFigures[]): TextTable {
  const rows = figures.flatMap((f) =>
    (Object.keys(WORKLOADS) as WorkloadId[]).map((id) => {
      const { ours, raw } = f.appends[id];
      return [
        f.metastore,
        WORKLOADS[id].label,
        String(WORKLOADS[id].inFlight),
        formatMs(ours.p50),
        formatMs(ours.p99),
        formatCount(ours.rowsPerSecond),
        formatMs(raw.p50),
        formatMs(raw.p99),
        formatCount(raw.rowsPerSecond),
        formatRatio(ours.rowsPerSecond / raw.rowsPerSecond),
      ];
    }),
  );
  return {
    title:
      'Audit appends: ours (HMAC + chain + per-subject lock + tip) vs a bare INSERT of the row',
    columns: [
      { header: 'metastore', align: 'left' },
      { header: 'workload', align: 'left' },
      { header: 'in flight' },
      { header: 'p50 ms' },
      { header: 'p99 ms' },
      { header: 'rows/s' },
      { header: 'raw p50' },
      { header: 'raw p99' },
      { header: 'raw rows/s' },
      { header: 'ours ÷ raw' },
    ],
    rows,
    notes: [
      'latency is per call (one append, or one appendMany of the batch); rows/s counts rows',
      'ours: append() commits the appends that arrive during a commit together (group commit)',
      'raw: the same columns and row text, one INSERT per call in autocommit, no hashing, no lock, no tip',
      'SQLite runs synchronous=FULL: every commit is on disk before it returns',
    ],
  };
}

function verifyTable(figures: readonly DialectFigures[]): TextTable {
  return {
    title:
      'Verify one chain: ours (parse, canonicalize, HMAC, SHA-256 per row) vs reading its rows',
    columns: [
      { header: 'metastore', align: 'left' },
      { header: 'rows' },
      { header: 'intact' },
      { header: 'verify s' },
      { header: 'rows/s' },
      { header: 'raw read s' },
      { header: 'ours ÷ raw' },
    ],
    rows: figures.map((f) => [
      f.metastore,
      String(f.verify.rows),
      f.verify.ok ? 'yes' : 'NO',
      formatSeconds(f.verify.seconds),
      formatCount(f.verify.rows / f.verify.seconds),
      formatSeconds(f.verify.rawReadSeconds),
      formatRatio(f.verify.seconds / f.verify.rawReadSeconds),
    ]),
    notes: [`both read keyset pages of ${VERIFY_PAGE} rows in seq order`],
  };
}

function goals(figures: readonly DialectFigures[]): GoalResult[] {
  return figures.flatMap((f) => [
    {
      goal: `${f.metastore}: one append ≤ ${REFERENCE_APPEND_MS} ms (p50, one subject, 1 in flight)`,
      met: f.appends.one.ours.p50 <= REFERENCE_APPEND_MS,
      detail: `p50 ${formatMs(f.appends.one.ours.p50)} ms, p99 ${formatMs(f.appends.one.ours.p99)} ms; bare INSERT p50 ${formatMs(f.appends.one.raw.p50)} ms`,
    },
    {
      goal: `${f.metastore}: a ${f.verify.rows}-row chain verifies intact`,
      met: f.verify.ok,
      detail: `${formatSeconds(f.verify.seconds)} s (${formatCount(f.verify.rows / f.verify.seconds)} rows/s)`,
    },
  ]);
}

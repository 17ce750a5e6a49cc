import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditChainService, parseAuditKey } from '../../src/compliance/audit/index.js';
import { Metastore } from '../../src/metastore/index.js';
import { createTestDatabase, postgresAvailable } from '../support/postgres.js';
import { tempDir } from '../support/temp.js';
import { newSubject } from './support/audit-fixtures.js';

const WORKER = path.join(import.meta.dirname, 'support', 'append-worker.ts');
const APPENDS_PER_PROCESS = 50;

interface Worker {
  readonly ready: Promise<void>;
  readonly done: Promise<number[]>;
  go(): void;
}

function startWorker(url: string, subjectId: string, label: string, keyHex: string): Worker {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WORKER, url, subjectId, String(APPENDS_PER_PROCESS), label],
    { env: { ...process.env, AUDIT_TEST_KEY: keyHex }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<number[]>((resolve, reject) =>
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker ${label} exited with ${code}:\n${err}`));
      resolve(JSON.parse(out.split('\n')[1]!) as number[]);
    }),
  );
  // A worker that dies before `ready` must fail the test, not hang it.
  void done.catch(() => markReady());
  return { ready, done, go: () => child.stdin.write('go\n') };
}

/** Two processes, 50 concurrent appends each, one subject, one metastore. */
async function appendFromTwoProcesses(url: string): Promise<void> {
  const keyHex = randomBytes(32).toString('hex');
  const metastore = await Metastore.open(url); // migrated before the workers open it
  try {
    const subjectId = newSubject();
    const workers = ['first', 'second'].map((label) => startWorker(url, subjectId, label, keyHex));
    await Promise.all(workers.map((w) => w.ready));
    for (const worker of workers) worker.go();
    const seqs = (await Promise.all(workers.map((w) => w.done))).flat();
    expect(seqs.sort((a, b) => a - b)).toEqual(
      Array.from({ length: 2 * APPENDS_PER_PROCESS }, (_, i) => i + 1),
    );
    const audit = new AuditChainService(metastore, { key: parseAuditKey(keyHex, 'test key') });
    expect(await audit.verify(subjectId)).toMatchObject({ ok: true, rows: 100 });
  } finally {
    await metastore.close();
  }
}

describe('audit chain across processes', () => {
  it('SQLite: two processes appending to one subject make one intact chain', async () => {
    const temp = tempDir('audit-procs');
    try {
      await appendFromTwoProcesses(`sqlite:${path.join(temp.dir, 'metastore.sqlite')}`);
    } finally {
      temp.remove();
    }
  });

  it('PostgreSQL: two processes appending to one subject make one intact chain', async (test) => {
    if (!(await postgresAvailable())) return test.skip();
    const db = await createTestDatabase('audit_procs');
    try {
      await appendFromTwoProcesses(db.url);
    } finally {
      await db.drop();
    }
  });
});

import { createWriteStream, existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { FAULT_POINTS } from '../../src/core/index.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { tempDir } from '../support/temp.js';

const KEY = 'crash-test-admin-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };
const temps: Array<{ remove: () => void }> = [];
afterAll(() => temps.forEach((t) => t.remove()));

const BASE_CSV = 'id,name\n1,a\n2,b\n3,c\n';
const MORE_CSV = 'id,name\n4,d\n5,e\n6,f\n';
const LATER_CSV = 'id,name\n7,g\n8,h\n9,i\n';

async function start(dir: string, extra: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess({
    LAKEHOUSE_ADMIN_KEY: KEY,
    LAKEHOUSE_DATA_DIR: dir,
    LAKEHOUSE_INBOX_WATCH: 'off',
    ...extra,
  });
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

async function ingest(server: ServerProcess, query: string, body: string): Promise<Response> {
  return fetch(`${server.url}/ingest/file?${query}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv' },
    body,
  });
}

/** Rows readable from the files the current snapshot references (all must exist). */
async function committedRows(dir: string, dataset: string): Promise<number | null> {
  const db = new SqliteDatabase(path.join(dir, 'metastore.sqlite'), { readonly: true });
  try {
    const row = db
      .prepare('SELECT bucket, current_snapshot_id FROM datasets WHERE name = ?')
      .get(dataset) as { bucket: string; current_snapshot_id: string } | undefined;
    if (!row) return null;
    const files = db
      .prepare('SELECT file_key FROM snapshot_files WHERE snapshot_id = ?')
      .all(row.current_snapshot_id) as { file_key: string }[];
    const paths = files.map((f) => path.join(dir, 'buckets', row.bucket, f.file_key));
    for (const p of paths) expect(existsSync(p), `referenced file ${p}`).toBe(true);
    const duck = await DuckDBInstance.create(':memory:');
    const connection = await duck.connect();
    const list = paths.map((p) => `'${p}'`).join(', ');
    const result = await connection.runAndReadAll(
      `SELECT count(*) AS n FROM read_parquet([${list}], union_by_name = true)`,
    );
    connection.closeSync();
    duck.closeSync();
    return Number(result.getRowObjectsJS()[0]!['n']);
  } finally {
    db.close();
  }
}

describe('ingest survives a crash at every point', () => {
  it.each(FAULT_POINTS.filter((p) => p.startsWith('ingest.')))(
    'crash at %s leaves the old or the new state',
    async (point) => {
      const temp = tempDir('crash');
      temps.push(temp);
      const first = await start(temp.dir);
      expect(
        (await ingest(first, 'dataset=people&key=id&filename=people.csv', BASE_CSV)).status,
      ).toBe(201);
      await stop(first);

      const faulty = await start(temp.dir, { LAKEHOUSE_FAULT_POINT: point });
      await ingest(faulty, 'dataset=people&mode=append&filename=more.csv', MORE_CSV).catch(
        () => null,
      );
      expect(await faulty.exited).toBe('SIGKILL');

      const after = await start(temp.dir);
      const dataset = (await (
        await fetch(`${after.url}/catalog/datasets/people`, { headers: auth })
      ).json()) as { row_count: number };
      const expected = point === 'ingest.after_commit' ? 6 : 3;
      expect(dataset.row_count).toBe(expected);
      expect(await committedRows(temp.dir, 'people')).toBe(expected);
      const { events } = (await (
        await fetch(`${after.url}/journal/history/people`, { headers: auth })
      ).json()) as {
        events: { action: string }[];
      };
      expect(events.filter((e) => e.action.startsWith('ingest_'))).toHaveLength(
        expected === 6 ? 2 : 1,
      );
      // The store still works after the crash.
      expect(
        (await ingest(after, 'dataset=people&mode=append&filename=later.csv', LATER_CSV)).status,
      ).toBe(201);
      expect(await committedRows(temp.dir, 'people')).toBe(expected + 3);
      await stop(after);
    },
  );

  it('SIGKILL during a large conversion leaves no dataset, and the job is marked interrupted', async () => {
    const temp = tempDir('crash');
    temps.push(temp);
    const csv = path.join(temp.dir, 'big.csv');
    await writeBigCsv(csv, 1_500_000);
    const server = await start(path.join(temp.dir, 'data'));
    const accepted = await uploadFile(server, 'dataset=big&async=true&filename=big.csv', csv);
    expect(accepted.status).toBe(202);
    const jobId = accepted.body.job_id as string;
    await waitUntil(async () => {
      const job = (await (
        await fetch(`${server.url}/jobs/${jobId}`, { headers: auth })
      ).json()) as { state: string };
      return job.state === 'running';
    });
    server.child.kill('SIGKILL');
    await server.exited;

    const after = await start(path.join(temp.dir, 'data'));
    expect((await fetch(`${after.url}/catalog/datasets/big`, { headers: auth })).status).toBe(404);
    const job = (await (await fetch(`${after.url}/jobs/${jobId}`, { headers: auth })).json()) as {
      state: string;
      error: { code: string };
    };
    expect(job.state).toBe('failed');
    expect(job.error.code).toBe('interrupted');
    const datasetDir = path.join(temp.dir, 'data', 'buckets', 'primary', 'datasets', 'big');
    const visible = existsSync(datasetDir) ? readdirSync(datasetDir) : [];
    expect(visible).toEqual([]);
    await stop(after);
  }, 120_000);
});

async function writeBigCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('id,name,city,amount\n');
  for (let i = 0; i < rows; i += 10_000) {
    let chunk = '';
    for (let j = i; j < Math.min(rows, i + 10_000); j += 1)
      chunk += `${j},name-${j},city-${j % 97},${(j % 1000) / 10}\n`;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

function uploadFile(
  server: ServerProcess,
  query: string,
  file: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/ingest/file?${query}`,
        headers: { ...auth, 'content-type': 'text/csv' },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }),
        );
      },
    );
    request.on('error', reject);
    import('node:fs').then(({ createReadStream }) => createReadStream(file).pipe(request));
  });
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

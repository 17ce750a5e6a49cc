import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { FAULT_POINTS } from '../../src/core/index.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { tempDir } from '../support/temp.js';

const KEY = 'rowlevel-crash-admin-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };
const temps: Array<{ remove: () => void }> = [];
afterAll(() => temps.forEach((t) => t.remove()));

const BASE_CSV = 'id,name\n1,a\n2,b\n3,c\n';
/** Rows visible before the crash: 1 upserted, 2 tombstoned, 3 unchanged. */
const BEFORE = [
  ['1', 'a2'],
  ['3', 'c'],
];

const start = (dir: string, extra: Record<string, string> = {}) =>
  startServerProcess({
    LAKEHOUSE_ADMIN_KEY: KEY,
    LAKEHOUSE_DATA_DIR: dir,
    LAKEHOUSE_INBOX_WATCH: 'off',
    LAKEHOUSE_DEMO: 'off',
    ...extra,
  });

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

async function call(server: ServerProcess, method: string, url: string, body?: unknown) {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { ...auth, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function rows(server: ServerProcess): Promise<unknown[][]> {
  const result = await call(server, 'POST', '/query/sql', {
    sql: 'SELECT id, name FROM people ORDER BY id',
  });
  expect(result.status).toBe(200);
  return result.body['rows'] as unknown[][];
}

/** A dataset with a base file, one delta and one pending tombstone (id 2). */
async function prepare(dir: string): Promise<void> {
  const server = await start(dir);
  const created = await fetch(`${server.url}/ingest/file?dataset=people&key=id&format=csv`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv' },
    body: BASE_CSV,
  });
  expect(created.status).toBe(201);
  const upsert = await call(server, 'POST', '/catalog/datasets/people/rows', {
    rows: [{ id: 1, name: 'a2' }],
  });
  expect(upsert.status).toBe(200);
  const tombstone = await call(server, 'POST', '/catalog/datasets/people/tombstones', {
    key_column: 'id',
    values: ['2'],
    reason: 'erasure',
  });
  expect(tombstone.status).toBe(200);
  expect(await rows(server)).toEqual(BEFORE);
  await stop(server);
}

/** The current snapshot's files from the metastore: every one must exist. */
function currentFiles(dir: string): { kind: string; path: string }[] {
  const db = new SqliteDatabase(path.join(dir, 'metastore.sqlite'), { readonly: true });
  try {
    const dataset = db
      .prepare("SELECT bucket, current_snapshot_id FROM datasets WHERE name = 'people'")
      .get() as { bucket: string; current_snapshot_id: string };
    const files = db
      .prepare('SELECT file_key, kind FROM snapshot_files WHERE snapshot_id = ?')
      .all(dataset.current_snapshot_id) as { file_key: string; kind: string }[];
    return files.map((f) => ({
      kind: f.kind,
      path: path.join(dir, 'buckets', dataset.bucket, f.file_key),
    }));
  } finally {
    db.close();
  }
}

/** How many rows with id 2 every Parquet file under the data directory holds, straight from disk. */
async function erasedRowsOnDisk(dir: string): Promise<number> {
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.parquet'))
    .map((f) => path.join(dir, f));
  const duck = await DuckDBInstance.create(':memory:');
  const connection = await duck.connect();
  let found = 0;
  for (const file of files) {
    const reader = await connection.runAndReadAll(
      `SELECT count(*) AS n FROM read_parquet('${file}') WHERE CAST(id AS VARCHAR) = '2'`,
    );
    found += Number(reader.getRowObjectsJS()[0]!['n']);
  }
  connection.closeSync();
  duck.closeSync();
  return found;
}

const COMPACT_POINTS = FAULT_POINTS.filter((p) => p.startsWith('compact.'));
const COMMITTED = new Set(['compact.after_commit', 'compact.mid_rewrite']);

describe('compaction survives a crash at every point', () => {
  it.each(COMPACT_POINTS)(
    'crash at %s: old or new state, queries work, no file missing, no erased row back',
    async (point) => {
      const temp = tempDir('rowlevel-crash');
      temps.push(temp);
      await prepare(temp.dir);
      const faulty = await start(temp.dir, { LAKEHOUSE_FAULT_POINT: point });
      await call(faulty, 'POST', '/catalog/datasets/people/compact').catch(() => null);
      expect(await faulty.exited).toBe('SIGKILL');

      const after = await start(temp.dir);
      const files = currentFiles(temp.dir);
      for (const file of files) expect(existsSync(file.path), file.path).toBe(true);
      expect(await rows(after)).toEqual(BEFORE);
      const dataset = (await call(after, 'GET', '/catalog/datasets/people')).body;
      expect(dataset['row_count']).toBe(2);
      const tombstones = (await call(after, 'GET', '/catalog/datasets/people/tombstones')).body;
      if (COMMITTED.has(point)) {
        // New state: one compacted file; the restart finished rewriting the older files.
        expect(files.map((f) => f.kind)).toEqual(['base']);
        expect(tombstones['tombstones']).toEqual([]);
        expect(await erasedRowsOnDisk(temp.dir)).toBe(0);
      } else {
        // Old state: base + delta, the tombstone still pending and still hiding the row.
        expect(files.map((f) => f.kind).sort()).toEqual(['base', 'delta']);
        expect(tombstones['tombstones']).toHaveLength(1);
        const compact = await call(after, 'POST', '/catalog/datasets/people/compact');
        expect(compact.status).toBe(200);
        expect(await rows(after)).toEqual(BEFORE);
        expect(await erasedRowsOnDisk(temp.dir)).toBe(0);
      }
      const events = (await call(after, 'GET', '/journal/history/people')).body['events'] as {
        action: string;
      }[];
      expect(events.filter((e) => e.action === 'compact')).toHaveLength(1);
      expect(events.filter((e) => e.action === 'erase_files')).toHaveLength(1);
      await stop(after);
    },
    60_000,
  );
});

describe('an upsert survives a crash at every ingest point', () => {
  it.each(FAULT_POINTS.filter((p) => p.startsWith('ingest.')))(
    'crash at %s leaves the old or the new state',
    async (point) => {
      const temp = tempDir('rowlevel-crash');
      temps.push(temp);
      await prepare(temp.dir);
      const faulty = await start(temp.dir, { LAKEHOUSE_FAULT_POINT: point });
      await call(faulty, 'POST', '/catalog/datasets/people/rows', {
        rows: [
          { id: 3, name: 'c2' },
          { id: 4, name: 'd' },
        ],
      }).catch(() => null);
      expect(await faulty.exited).toBe('SIGKILL');

      const after = await start(temp.dir);
      for (const file of currentFiles(temp.dir)) expect(existsSync(file.path)).toBe(true);
      const committed = point === 'ingest.after_commit';
      expect(await rows(after)).toEqual(
        committed
          ? [
              ['1', 'a2'],
              ['3', 'c2'],
              ['4', 'd'],
            ]
          : BEFORE,
      );
      const dataset = (await call(after, 'GET', '/catalog/datasets/people')).body;
      expect(dataset['row_count']).toBe(committed ? 3 : 2);
      await stop(after);
    },
    60_000,
  );
});

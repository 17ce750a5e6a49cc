import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../src/connectors/index.js';
import { sqlString } from '../../src/query/sql-text.js';
import { createExportHarness, type ExportHarness } from './support/export-harness.js';
import { failureOf } from './support/error-checks.js';
import { createMysqlSource, mysqlAvailable, type MysqlSource } from './support/mysql-source.js';
import { createPgSource, postgresAvailable, type PgSource } from './support/pg-source.js';

const [pgUp, mysqlUp] = await Promise.all([postgresAvailable(), mysqlAvailable()]);
/** Ids beyond 2^53: a watermark compared as a double would skip the row after 2^53. */
const HUGE = 9_007_199_254_740_992n;

interface Scenario {
  readonly schema: () => string;
  readonly config: () => SourceConfig;
  readonly run: (sql: string) => Promise<unknown>;
  /** Inserts rows `from`..`to` with ids HUGE + n and updated_at 2024-01-01 + n seconds (+1 µs). */
  readonly insert: (from: number, to: number) => string;
  /** Touches rows `from`..`to`: updated_at moves to 2030. */
  readonly touch: (from: number, to: number) => string;
  readonly firstMax: string;
  readonly unorderedColumn: string;
}

function describeIncremental(name: string, available: boolean, scenario: () => Scenario): void {
  describe.runIf(available)(`incremental export from ${name}`, () => {
    let s: Scenario;
    let harness: ExportHarness;
    const exportAfter = (column: string, after: string | null, file: string) =>
      harness.exportTable(
        s.config(),
        { schema: s.schema(), table: 'events', watermark: { column, after } },
        file,
      );
    const ids = async (parquetPath: string): Promise<string[]> =>
      (
        await harness.query(
          `SELECT CAST(id AS VARCHAR) AS id FROM read_parquet(${sqlString(parquetPath)}) ORDER BY id`,
        )
      ).map((r) => String(r['id']));

    beforeAll(async () => {
      s = scenario();
      harness = await createExportHarness('conn-incr');
      await s.run(s.insert(1, 1000));
    });
    afterAll(() => harness?.close());

    it('exports only rows past the stored watermark, from one snapshot, and returns the new one', async () => {
      const first = await exportAfter('updated_at', null, 'first');
      expect(first.result.rows).toBe(1000);
      expect(first.result.maxWatermark).toBe(s.firstMax);

      await s.run(s.insert(1001, 1010));
      await s.run(s.touch(1, 5));
      const second = await exportAfter('updated_at', first.result.maxWatermark, 'second');
      expect(second.result.rows).toBe(15);
      expect(await ids(second.parquetPath)).toEqual(
        [...[1, 2, 3, 4, 5], ...Array.from({ length: 10 }, (_, i) => 1001 + i)].map((n) =>
          String(HUGE + BigInt(n)),
        ),
      );
      expect(second.result.maxWatermark).not.toBe(first.result.maxWatermark);
      expect(second.progress.filter((p) => p.phase === 'reading').at(-1)?.estimatedRows).toBeNull();

      const third = await exportAfter('updated_at', second.result.maxWatermark, 'third');
      expect(third.result.rows).toBe(0);
      expect(third.result.maxWatermark).toBe(second.result.maxWatermark);
      expect(third.result.columns.map((c) => c.name)).toEqual(['id', 'updated_at', 'payload']);
    });

    it('compares 64-bit watermarks exactly', async () => {
      const after = String(HUGE + 1009n);
      const { result, parquetPath } = await exportAfter('id', after, 'by-id');
      expect(await ids(parquetPath)).toEqual([String(HUGE + 1010n)]);
      expect(result.maxWatermark).toBe(String(HUGE + 1010n));
    });

    it('refuses a missing or unordered watermark column, and a malformed stored value', async () => {
      for (const [column, after, message] of [
        ['nope', null, 'watermark column "nope" is not in the table'],
        [s.unorderedColumn, null, `watermark column "${s.unorderedColumn}" has type`],
        ['updated_at', 'not a time', 'the stored watermark is not a valid'],
        ['id', '12abc', 'the stored watermark is not a valid'],
      ] as const) {
        const { error } = await failureOf(() => exportAfter(column, after, 'refused'));
        expect(error.code).toBe('invalid_option');
        expect(error.message).toContain(message);
      }
      expect(harness.stagedFiles()).toEqual([]);
    });
  });
}

let pg: PgSource | undefined;
let mysql: MysqlSource | undefined;
beforeAll(async () => {
  if (pgUp) {
    pg = await createPgSource('conn_incr');
    await pg.query(
      'CREATE TABLE events (id bigint PRIMARY KEY, updated_at timestamptz NOT NULL, payload jsonb)',
    );
  }
  if (mysqlUp) {
    mysql = await createMysqlSource('conn_incr');
    await mysql.query(
      'CREATE TABLE events (id BIGINT UNSIGNED PRIMARY KEY, updated_at DATETIME(6) NOT NULL, payload JSON)',
    );
  }
});
afterAll(async () => {
  await pg?.drop();
  await mysql?.drop();
});

describeIncremental('PostgreSQL', pgUp, () => ({
  schema: () => 'public',
  config: () => pg!.config,
  run: (sql) => pg!.query(sql),
  insert: (from, to) =>
    `INSERT INTO events SELECT ${HUGE} + n, timestamptz '2024-01-01 00:00:00.000001+00' + n * interval '1 second', ` +
    `jsonb_build_object('n', n) FROM generate_series(${from}, ${to}) AS n`,
  touch: (from, to) =>
    `UPDATE events SET updated_at = timestamptz '2030-01-01 00:00:00+00' + (id - ${HUGE}) * interval '1 microsecond' ` +
    `WHERE id BETWEEN ${HUGE + BigInt(from)} AND ${HUGE + BigInt(to)}`,
  firstMax: '2024-01-01 00:16:40.000001+00',
  unorderedColumn: 'payload',
}));

describeIncremental('MySQL/MariaDB', mysqlUp, () => ({
  schema: () => mysql!.name,
  config: () => mysql!.config,
  run: (sql) => mysql!.query(sql),
  insert: (from, to) =>
    `INSERT INTO events SELECT ${HUGE} + seq, TIMESTAMP '2024-01-01 00:00:00.000001' + INTERVAL seq SECOND, ` +
    `JSON_OBJECT('n', seq) FROM seq_${from}_to_${to}`,
  touch: (from, to) =>
    `UPDATE events SET updated_at = TIMESTAMP '2030-01-01 00:00:00' + INTERVAL (id - ${HUGE}) MICROSECOND ` +
    `WHERE id BETWEEN ${HUGE + BigInt(from)} AND ${HUGE + BigInt(to)}`,
  firstMax: '2024-01-01 00:16:40.000001',
  unorderedColumn: 'payload',
}));

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRequest, SourceConfig } from '../../src/connectors/index.js';
import { createExportHarness, type ExportHarness } from './support/export-harness.js';
import { createMysqlSource, mysqlAvailable, type MysqlSource } from './support/mysql-source.js';
import { MiB, peakMemoryBytes, resetPeakMemory } from './support/peak-memory.js';
import { createPgSource, postgresAvailable, type PgSource } from './support/pg-source.js';

const [pgUp, mysqlUp] = await Promise.all([postgresAvailable(), mysqlAvailable()]);
const canMeasure = resetPeakMemory();
/** Rows of ~1.2 KB: the tables below stage ~90 MB and ~360 MB of CSV. */
const SMALL = 75_000;
const LARGE = 300_000;

interface Measured {
  readonly stagedBytes: number;
  /** Peak resident memory while rows streamed from the source, above the start. */
  readonly readingGrowth: number;
  /** Peak over the whole export (streaming, then DuckDB writing Parquet), above the start. */
  readonly totalGrowth: number;
}

async function measure(
  harness: ExportHarness,
  config: SourceConfig,
  request: ExportRequest,
): Promise<Measured> {
  global.gc?.();
  resetPeakMemory();
  const start = process.memoryUsage.rss();
  let readingPeak = start;
  const { result } = await harness.exportTable(config, request, `${request.table}-measured`, {
    onProgress: (p) => {
      if (p.phase === 'reading') readingPeak = Math.max(readingPeak, peakMemoryBytes());
    },
  });
  return {
    stagedBytes: result.stagedBytes,
    readingGrowth: readingPeak - start,
    totalGrowth: peakMemoryBytes() - start,
  };
}

/**
 * Memory must not grow with the table: the source streams through a fixed-size pipeline into a
 * file, and DuckDB converts the file with fixed-size buffers. A 4× larger table may not cost
 * more than noise; the streaming phase holds far less than the data.
 */
describe.runIf(canMeasure)('peak memory of an export', () => {
  let harness: ExportHarness;
  beforeAll(async () => {
    harness = await createExportHarness('conn-memory');
  });
  afterAll(() => harness?.close());

  describe.runIf(pgUp)('from PostgreSQL', () => {
    let source: PgSource;
    beforeAll(async () => {
      source = await createPgSource('conn_mem');
      for (const [name, rows] of [
        ['small', SMALL],
        ['large', LARGE],
      ] as const) {
        await source.query(
          `CREATE TABLE ${name} AS SELECT i AS id, repeat(md5(i::text), 36) AS body, now() AS at ` +
            `FROM generate_series(1, ${rows}) AS i`,
        );
      }
    }, 120_000);
    afterAll(async () => source?.drop());

    it('stays flat as the table grows 4×', async () => {
      await measure(harness, source.config, { schema: 'public', table: 'small' }); // warm-up
      const small = await measure(harness, source.config, { schema: 'public', table: 'small' });
      const large = await measure(harness, source.config, { schema: 'public', table: 'large' });
      expect(large.stagedBytes).toBeGreaterThan(4 * small.stagedBytes * 0.95);
      expect(large.stagedBytes).toBeGreaterThan(300 * MiB);
      expect(large.readingGrowth).toBeLessThan(64 * MiB);
      expect(large.totalGrowth).toBeLessThan(small.totalGrowth + 150 * MiB);
      expect(large.totalGrowth).toBeLessThan(large.stagedBytes);
    }, 180_000);
  });

  describe.runIf(mysqlUp)('from MySQL', () => {
    let source: MysqlSource;
    beforeAll(async () => {
      source = await createMysqlSource('conn_mem');
      await source.query(
        `CREATE TABLE large (id INT PRIMARY KEY, body TEXT, at DATETIME) ` +
          `SELECT seq AS id, REPEAT(MD5(seq), 36) AS body, NOW() AS at FROM seq_1_to_${LARGE / 2}`,
      );
    }, 120_000);
    afterAll(async () => source?.drop());

    it('streams rows without holding them', async () => {
      const large = await measure(harness, source.config, { schema: source.name, table: 'large' });
      expect(large.stagedBytes).toBeGreaterThan(150 * MiB);
      expect(large.readingGrowth).toBeLessThan(64 * MiB);
      expect(large.totalGrowth).toBeLessThan(large.stagedBytes);
    }, 180_000);
  });
});

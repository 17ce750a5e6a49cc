import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverSource, type SourceTable } from '../../src/connectors/index.js';
import { createExportHarness, type ExportHarness } from './support/export-harness.js';
import {
  PG_CHECKS,
  PG_EXPECTED_TYPES,
  PG_FIXTURE_INSERTS,
  PG_FIXTURE_SQL,
} from './support/pg-fixture.js';
import { createPgSource, postgresAvailable, type PgSource } from './support/pg-source.js';
import { expectSameValues, selectList } from './support/value-checks.js';
import { sqlString } from '../../src/query/sql-text.js';

const available = await postgresAvailable();
const quote = (name: string): string => `"${name}"`;
const BIG_ROWS = 120_000;

describe.runIf(available)('PostgreSQL → Parquet round trip', () => {
  let source: PgSource;
  let harness: ExportHarness;

  beforeAll(async () => {
    source = await createPgSource('conn_rt');
    harness = await createExportHarness('conn-pg-rt');
    await source.query(PG_FIXTURE_SQL);
    for (const insert of PG_FIXTURE_INSERTS) await source.query(insert);
    await source.query(
      `CREATE TABLE big AS SELECT i AS id, (i * 7919) % 1000003 AS n, ` +
        `CASE WHEN i % 7 = 0 THEN NULL ELSE md5(i::text) || ' ü ' || i END AS label, ` +
        `round((i / 7.0)::numeric, 2)::numeric(12,2) AS amount, i % 3 = 0 AS flag, ` +
        `timestamptz '2020-01-01 00:00:00+00' + i * interval '1 minute 1.000001 second' AS at ` +
        `FROM generate_series(1, ${BIG_ROWS}) AS i`,
    );
    await source.query('ANALYZE big');
  }, 120_000);
  afterAll(async () => {
    harness?.close();
    await source?.drop();
  });

  it('discovers the table with source types, nullability and the DuckDB types', async () => {
    const catalog = await discoverSource(source.config);
    expect(catalog.system).toBe('postgres');
    const table = catalog.schemas
      .find((s) => s.name === 'public')!
      .tables.find((t) => t.name === 'all_types')!;
    expect(table.kind).toBe('table');
    expect(Object.fromEntries(table.columns.map((c) => [c.name, c.duckdbType]))).toEqual(
      PG_EXPECTED_TYPES,
    );
    const column = (name: string): SourceTable['columns'][number] =>
      table.columns.find((c) => c.name === name)!;
    expect(column('c_numeric')).toEqual({
      name: 'c_numeric',
      sourceType: 'numeric(12,3)',
      nullable: true,
      duckdbType: 'DECIMAL(12,3)',
    });
    expect(column('c_integer').nullable).toBe(false);
    expect(column('c_amount').sourceType).toBe('amount');
    expect(column('c_int_array').sourceType).toBe('integer[]');
    const big = catalog.schemas[0]!.tables.find((t) => t.name === 'big')!;
    expect(big.estimatedRows).toBe(BIG_ROWS);
  });

  it('exports every type with every value exact, NULLs and empty values kept apart', async () => {
    const { result, parquetPath } = await harness.exportTable(
      source.config,
      { schema: 'public', table: 'all_types' },
      'all_types',
    );
    expect(result.rows).toBe(9);
    expect(result.maxWatermark).toBeNull();
    const described = await harness.query(
      `DESCRIBE SELECT * FROM read_parquet(${sqlString(parquetPath)})`,
    );
    expect(Object.fromEntries(described.map((r) => [r['column_name'], r['column_type']]))).toEqual(
      PG_EXPECTED_TYPES,
    );
    expect(result.columns.map((c) => c.duckdbType)).toEqual(Object.values(PG_EXPECTED_TYPES));

    const expected = await source.query(
      `SELECT id, ${selectList(PG_CHECKS, 'source', quote)} FROM all_types ORDER BY id`,
    );
    const actual = await harness.query(
      `SELECT id, ${selectList(PG_CHECKS, 'parquet', quote)} FROM read_parquet(${sqlString(parquetPath)}) ORDER BY id`,
    );
    expectSameValues(expected, actual, PG_CHECKS);
  });

  it('keeps the values whose text forms need care exactly as PostgreSQL prints them', async () => {
    const { parquetPath } = await harness.exportTable(
      source.config,
      { schema: 'public', table: 'all_types' },
      'spot',
    );
    const rows = await harness.query(
      `SELECT id, c_char, c_text, CAST(c_date AS VARCHAR) AS c_date, CAST(c_timestamptz AS VARCHAR) AS tz, c_interval, ` +
        `c_numeric_free, c_char_array, c_inet_array, length(c_text) AS text_length, octet_length(c_bytea) AS bytes ` +
        `FROM read_parquet(${sqlString(parquetPath)}) ORDER BY id`,
    );
    const byId = (id: number): Record<string, unknown> => rows.find((r) => r['id'] === id)!;
    expect(byId(1)).toMatchObject({
      c_char: 'ab   ',
      tz: '2024-02-29 10:34:56.123456+00',
      c_interval: '1 year 2 months 3 days 04:05:06.789',
      c_char_array: ['a  ', 'bb ', null, '   '],
      c_inet_array: ['::1', '192.168.0.1/24', null],
    });
    expect(byId(2)).toMatchObject({ c_text: null, c_char: null, c_date: null });
    expect(byId(3)).toMatchObject({
      c_text: '',
      c_char: '     ',
      c_date: 'infinity',
      c_numeric_free: 'NaN',
    });
    expect(byId(4)).toMatchObject({
      c_date: '0044-03-15 (BC)',
      c_interval: '-1 day 02:00:00',
      c_numeric_free: 'Infinity',
    });
    expect(byId(6)).toMatchObject({ c_text: 'NULL', c_interval: '-00:00:00.000001' });
    expect(byId(7)).toMatchObject({ c_text: '\\N' });
    expect(byId(9)).toMatchObject({ text_length: String(6 * 131_072), bytes: '1048576' });
  });

  it('streams 100K+ rows exactly, reporting progress against the estimate', async () => {
    const { result, parquetPath, progress } = await harness.exportTable(
      source.config,
      { schema: 'public', table: 'big' },
      'big',
    );
    expect(result.rows).toBe(BIG_ROWS);
    const checks = [
      {
        column: 'n',
        source: (r: string) => `${r}::text`,
        parquet: (r: string) => `CAST(${r} AS VARCHAR)`,
        compare: 'text' as const,
      },
      {
        column: 'label',
        source: (r: string) => r,
        parquet: (r: string) => r,
        compare: 'text' as const,
      },
      {
        column: 'amount',
        source: (r: string) => `${r}::text`,
        parquet: (r: string) => `CAST(${r} AS VARCHAR)`,
        compare: 'text' as const,
      },
      {
        column: 'flag',
        source: (r: string) => `${r}::text`,
        parquet: (r: string) => `CAST(${r} AS VARCHAR)`,
        compare: 'text' as const,
      },
      {
        column: 'at',
        source: (r: string) => `(extract(epoch FROM ${r}) * 1000000)::numeric(30,0)::text`,
        parquet: (r: string) => `CAST(epoch_us(${r}) AS VARCHAR)`,
        compare: 'text' as const,
      },
    ];
    const expected = await source.query(
      `SELECT id, ${selectList(checks, 'source', quote)} FROM big ORDER BY id`,
    );
    const actual = await harness.query(
      `SELECT id, ${selectList(checks, 'parquet', quote)} FROM read_parquet(${sqlString(parquetPath)}) ORDER BY id`,
    );
    expectSameValues(expected, actual, checks);

    const reading = progress.filter((p) => p.phase === 'reading');
    expect(reading.length).toBeGreaterThan(0);
    expect(reading.at(-1)).toMatchObject({
      rows: BIG_ROWS,
      estimatedRows: BIG_ROWS,
      stagedBytes: result.stagedBytes,
    });
    for (const p of reading) expect(p.rowsPerSecond).toBeGreaterThanOrEqual(0);
    expect(harness.stagedFiles()).toEqual([]);
  });

  it('exports a view and an empty table', async () => {
    await source.query('CREATE VIEW flagged AS SELECT id, label FROM big WHERE flag AND id <= 30');
    await source.query('CREATE TABLE nothing (id int, note text)');
    const view = await harness.exportTable(
      source.config,
      { schema: 'public', table: 'flagged' },
      'flagged',
    );
    expect(view.result.rows).toBe(10);
    const empty = await harness.exportTable(
      source.config,
      { schema: 'public', table: 'nothing' },
      'nothing',
    );
    expect(empty.result.rows).toBe(0);
    const described = await harness.query(
      `DESCRIBE SELECT * FROM read_parquet(${sqlString(empty.parquetPath)})`,
    );
    expect(described.map((r) => r['column_type'])).toEqual(['INTEGER', 'VARCHAR']);
  });
});

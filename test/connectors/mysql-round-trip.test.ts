import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverSource } from '../../src/connectors/index.js';
import { sqlString } from '../../src/query/sql-text.js';
import { createExportHarness, type ExportHarness } from './support/export-harness.js';
import {
  MYSQL_CHECKS,
  MYSQL_EXPECTED_TYPES,
  MYSQL_FIXTURE_INSERTS,
  MYSQL_FIXTURE_SQL,
} from './support/mysql-fixture.js';
import { createMysqlSource, mysqlAvailable, type MysqlSource } from './support/mysql-source.js';
import { expectSameValues, selectList, type ValueCheck } from './support/value-checks.js';

const available = await mysqlAvailable();
const backquote = (name: string): string => `\`${name}\``;
const quote = (name: string): string => `"${name}"`;
const BIG_ROWS = 120_000;

describe.runIf(available)('MySQL/MariaDB → Parquet round trip', () => {
  let source: MysqlSource;
  let harness: ExportHarness;

  beforeAll(async () => {
    source = await createMysqlSource('conn_rt');
    harness = await createExportHarness('conn-my-rt');
    await source.query(MYSQL_FIXTURE_SQL);
    for (const insert of MYSQL_FIXTURE_INSERTS) await source.query(insert);
    await source.query(
      `CREATE TABLE big (id INT PRIMARY KEY, n BIGINT UNSIGNED, label VARCHAR(80), amount DECIMAL(12,2), ` +
        `ratio DOUBLE, at DATETIME(6)) ` +
        `SELECT seq AS id, seq * 2654435761 AS n, IF(seq % 7 = 0, NULL, CONCAT(MD5(seq), ' ü ', seq)) AS label, ` +
        `ROUND(seq / 7, 2) AS amount, seq / 7e0 AS ratio, ` +
        `TIMESTAMP '2020-01-01 00:00:00' + INTERVAL seq * 61000001 MICROSECOND AS at ` +
        `FROM seq_1_to_${BIG_ROWS}`,
    );
    await source.query('ANALYZE TABLE big');
  }, 120_000);
  afterAll(async () => {
    harness?.close();
    await source?.drop();
  });

  it('discovers the tables with source types, nullability and the DuckDB types', async () => {
    const catalog = await discoverSource(source.config);
    expect(catalog.system).toBe('mysql');
    expect(catalog.schemas.map((s) => s.name)).toEqual([source.name]);
    const table = catalog.schemas[0]!.tables.find((t) => t.name === 'all_types')!;
    expect(Object.fromEntries(table.columns.map((c) => [c.name, c.duckdbType]))).toEqual(
      MYSQL_EXPECTED_TYPES,
    );
    const column = (name: string) => table.columns.find((c) => c.name === name)!;
    expect(column('c_bigint_u')).toEqual({
      name: 'c_bigint_u',
      sourceType: 'bigint(20) unsigned',
      nullable: true,
      duckdbType: 'UBIGINT',
    });
    expect(column('c_int').nullable).toBe(false);
    expect(column('c_json').sourceType).toBe('json');
    const big = catalog.schemas[0]!.tables.find((t) => t.name === 'big')!;
    expect(big.estimatedRows).toBeGreaterThan(BIG_ROWS / 2); // InnoDB's estimate is rough
  });

  it('exports every type with every value exact, zero dates as NULL', async () => {
    const { result, parquetPath } = await harness.exportTable(
      source.config,
      { schema: source.name, table: 'all_types' },
      'all_types',
    );
    expect(result.rows).toBe(8);
    const described = await harness.query(
      `DESCRIBE SELECT * FROM read_parquet(${sqlString(parquetPath)})`,
    );
    expect(Object.fromEntries(described.map((r) => [r['column_name'], r['column_type']]))).toEqual(
      MYSQL_EXPECTED_TYPES,
    );
    const expected = await source.execute(
      `SELECT id, ${selectList(MYSQL_CHECKS, 'source', backquote)} FROM all_types ORDER BY id`,
    );
    const actual = await harness.query(
      `SELECT id, ${selectList(MYSQL_CHECKS, 'parquet', quote)} FROM read_parquet(${sqlString(parquetPath)}) ORDER BY id`,
    );
    expectSameValues(expected, actual, MYSQL_CHECKS);
  });

  it('keeps values whose forms need care', async () => {
    const { parquetPath } = await harness.exportTable(
      source.config,
      { schema: source.name, table: 'all_types' },
      'spot',
    );
    const rows = await harness.query(
      `SELECT id, c_bool, c_date, c_timestamp IS NULL AS ts_null, c_time, c_time6, c_set, c_char, c_varchar, ` +
        `CAST(c_bigint_u AS VARCHAR) AS big_u, c_json, length(c_longtext) AS text_length, ` +
        `octet_length(c_longblob) AS bytes FROM read_parquet(${sqlString(parquetPath)}) ORDER BY id`,
    );
    const byId = (id: number): Record<string, unknown> => rows.find((r) => r['id'] === id)!;
    expect(byId(1)).toMatchObject({
      c_bool: true,
      c_time: '12:34:56',
      c_time6: '-01:02:03.000004',
      c_set: ['a', 'c'],
    });
    expect(byId(2)).toMatchObject({ c_bool: null, c_set: null, c_varchar: null });
    expect(byId(3)).toMatchObject({
      c_bool: false,
      c_date: null,
      ts_null: true,
      c_time: '-838:59:59',
      c_set: [],
      c_varchar: '',
    });
    expect(byId(4)).toMatchObject({
      big_u: '18446744073709551615',
      c_char: ' x',
      c_varchar: ' lead/trail ',
      c_json: '"just a string"',
    });
    expect(byId(8)).toMatchObject({ text_length: String(6 * 131_072), bytes: '1048576' });
  });

  it('streams 100K+ rows exactly, reporting progress', async () => {
    const { result, parquetPath, progress } = await harness.exportTable(
      source.config,
      { schema: source.name, table: 'big' },
      'big',
    );
    expect(result.rows).toBe(BIG_ROWS);
    const asText = (column: string): ValueCheck => ({
      column,
      source: (r) => `CAST(${r} AS CHAR)`,
      parquet: (r) => `CAST(${r} AS VARCHAR)`,
      compare: 'text',
    });
    const checks: ValueCheck[] = [
      asText('n'),
      asText('label'),
      asText('amount'),
      {
        column: 'ratio',
        source: (r) => r,
        parquet: (r) => `CAST(${r} AS VARCHAR)`,
        compare: 'double',
      },
      {
        column: 'at',
        source: (r) => `CAST(TIMESTAMPDIFF(MICROSECOND, '2000-01-01', ${r}) AS CHAR)`,
        parquet: (r) => `CAST(epoch_us(${r}) - 946684800000000 AS VARCHAR)`,
        compare: 'text',
      },
    ];
    const expected = await source.execute(
      `SELECT id, ${selectList(checks, 'source', backquote)} FROM big ORDER BY id`,
    );
    const actual = await harness.query(
      `SELECT id, ${selectList(checks, 'parquet', quote)} FROM read_parquet(${sqlString(parquetPath)}) ORDER BY id`,
    );
    expectSameValues(expected, actual, checks);
    const reading = progress.filter((p) => p.phase === 'reading');
    expect(reading.at(-1)).toMatchObject({ rows: BIG_ROWS, stagedBytes: result.stagedBytes });
    expect(reading.at(-1)!.estimatedRows).toBeGreaterThan(0);
    expect(harness.stagedFiles()).toEqual([]);
  });
});

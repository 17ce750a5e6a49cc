import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CSV_TYPE_CANDIDATES,
  InvalidOptionError,
  readerSql,
  sqlString,
} from '../../../src/ingest/formats/index.js';
import { DuckDbHarness } from './duckdb-harness.js';

describe('readerSql', () => {
  it('pins the CSV dialect and reads strictly (the exact call)', () => {
    expect(readerSql('/stage/people.csv', { format: 'csv' })).toBe(
      "read_csv('/stage/people.csv', delim=',', quote='\"', escape='\"', comment='', skip=0, " +
        "encoding='utf-8', strict_mode=true, null_padding=false, ignore_errors=false, " +
        "all_varchar=false, allow_quoted_nulls=false, nullstr=[''], sample_size=-1, " +
        "auto_type_candidates=['BOOLEAN', 'BIGINT', 'TIME', 'DATE', 'TIMESTAMP', 'TIMESTAMPTZ', 'VARCHAR'], " +
        'auto_detect=true)',
    );
  });

  it('defaults TSV to a tab and honours every CSV option', () => {
    expect(readerSql('/s/x.tsv', { format: 'tsv' })).toContain("delim='\t'");
    const sql = readerSql('/s/x.csv', {
      format: 'csv',
      sampleSize: 1000,
      csv: {
        delimiter: ';',
        quote: "'",
        escape: '\\',
        header: false,
        nullString: 'N/A',
        encoding: 'latin-1',
      },
    });
    expect(sql).toContain("delim=';', quote='''', escape='\\', ");
    expect(sql).toContain("encoding='latin-1'");
    expect(sql).toContain('header=false');
    expect(sql).toContain("nullstr=['', 'N/A']");
    expect(sql).toContain('sample_size=1000');
  });

  it('omits header when it should be detected', () => {
    expect(readerSql('/s/x.csv', { format: 'csv', csv: {} })).not.toContain('header=');
  });

  it('reads JSON as records, array or newline-delimited, sniffing every record', () => {
    expect(readerSql('/s/x.json', { format: 'json' })).toBe(
      "read_json('/s/x.json', format='array', records=true, sample_size=-1)",
    );
    expect(readerSql('/s/x.ndjson', { format: 'ndjson' })).toBe(
      "read_json('/s/x.ndjson', format='newline_delimited', records=true, sample_size=-1)",
    );
  });

  it('reads Parquet as it is', () => {
    expect(readerSql('/s/x.parquet', { format: 'parquet' })).toBe("read_parquet('/s/x.parquet')");
  });

  it('escapes quotes in the path', () => {
    expect(readerSql("/stage/o'brien.csv", { format: 'parquet' })).toBe(
      "read_parquet('/stage/o''brien.csv')",
    );
  });

  it.each<[string, () => unknown, string]>([
    ['NUL in the path', () => readerSql('/s/a\0b.csv', { format: 'csv' }), 'path'],
    ['a glob in the path', () => readerSql('/s/*.csv', { format: 'csv' }), 'path'],
    ['a character class in the path', () => readerSql('/s/c[1]d.csv', { format: 'csv' }), 'path'],
    [
      'NUL in an option',
      () => readerSql('/s/x.csv', { format: 'csv', csv: { nullString: '\0' } }),
      'null',
    ],
    [
      'a bad delimiter',
      () => readerSql('/s/x.csv', { format: 'csv', csv: { delimiter: '||' } }),
      'delimiter',
    ],
    ['a zero sample', () => readerSql('/s/x.csv', { format: 'csv', sampleSize: 0 }), 'sampleSize'],
    [
      'a fractional sample',
      () => readerSql('/s/x.json', { format: 'json', sampleSize: 1.5 }),
      'sampleSize',
    ],
  ])('refuses %s', (_what, run, option) => {
    expect(run).toThrow(InvalidOptionError);
    expect(run).toThrow(new RegExp(`^invalid ${option}: `));
  });

  it('offers no lossy numeric type to the CSV sniffer', () => {
    expect(CSV_TYPE_CANDIDATES).not.toContain('DOUBLE');
    expect(CSV_TYPE_CANDIDATES.some((type) => type.startsWith('DECIMAL'))).toBe(false);
  });
});

describe('sqlString against DuckDB', () => {
  let db: DuckDbHarness;
  beforeAll(async () => {
    db = await DuckDbHarness.open('sql-string');
  });
  afterAll(() => db.dispose());

  it('doubles single quotes and nothing else', () => {
    expect(sqlString("it's")).toBe("'it''s'");
    expect(sqlString('back\\slash')).toBe("'back\\slash'");
  });

  it('round-trips any string without NUL exactly', async () => {
    const noNul = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0'));
    await fc.assert(
      fc.asyncProperty(noNul, async (value) => {
        const [row] = await db.rows(`SELECT ${sqlString(value)} AS v`);
        expect(row?.v).toBe(value);
      }),
      { numRuns: 200 },
    );
  });

  it('cannot be broken out of', async () => {
    const hostile = "x'); DROP TABLE t; --";
    await db.rows('CREATE TABLE t AS SELECT 1 AS a');
    expect(await db.rows(`SELECT ${sqlString(hostile)} AS v`)).toEqual([{ v: hostile }]);
    expect(await db.rows('SELECT count(*)::INTEGER AS n FROM t')).toEqual([{ n: 1 }]);
  });
});

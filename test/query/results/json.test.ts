import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chunkToJsonRows,
  readJsonRows,
  resultColumns,
} from '../../../src/query/duckdb/results/index.js';
import { allTypesSql, TYPE_CASES } from './all-types.fixture.js';
import { openDuckDB, type TestDuckDB } from './support.js';

let db: TestDuckDB;
beforeAll(async () => {
  db = await openDuckDB();
});
afterAll(() => db.close());

describe('JSON rows', () => {
  it('reports DuckDB type text for every column', async () => {
    const columns = resultColumns(await db.stream(allTypesSql()));
    expect(columns).toEqual(TYPE_CASES.map(({ name, type }) => ({ name, type })));
  });

  it('converts each type exactly, and NULL of each type to null', async () => {
    const { rows, truncated, rowCount } = await readJsonRows(await db.stream(allTypesSql()), 10);
    expect({ truncated, rowCount }).toEqual({ truncated: false, rowCount: 2 });
    TYPE_CASES.forEach((typeCase, c) => {
      expect({ column: typeCase.name, value: rows[0]![c] }).toEqual({
        column: typeCase.name,
        value: typeCase.json,
      });
      expect({ column: typeCase.name, value: rows[1]![c] }).toEqual({
        column: typeCase.name,
        value: null,
      });
    });
  });

  it('keeps 64-bit and wider integers exact through JSON text', async () => {
    const { rows } = await readJsonRows(await db.stream(allTypesSql()), 1);
    const parsed = JSON.parse(JSON.stringify(rows)) as unknown[][];
    const bigintMax = TYPE_CASES.findIndex((c) => c.name === 'bigint_max');
    expect(parsed[0]![bigintMax]).toBe('9223372036854775807');
  });

  it('converts a whole chunk with chunkToJsonRows', async () => {
    const result = await db.stream('SELECT i, i::VARCHAR AS s FROM range(3) t(i)');
    const chunk = await result.fetchChunk();
    expect(chunkToJsonRows(chunk!, resultColumns(result))).toEqual([
      ['0', '0'],
      ['1', '1'],
      ['2', '2'],
    ]);
  });

  it('renders TIMESTAMPTZ in UTC whatever the session time zone', async () => {
    await db.connection.run("SET TimeZone = 'America/New_York'");
    try {
      const result = await db.stream("SELECT '2024-01-01 00:00:00+00'::TIMESTAMPTZ AS t");
      expect((await readJsonRows(result, 1)).rows).toEqual([['2024-01-01T00:00:00Z']]);
    } finally {
      await db.connection.run("SET TimeZone = 'UTC'");
    }
  });

  it('keeps a VARIANT value in the JSON form of its recorded type', async () => {
    const sql =
      "SELECT 42::BIGINT::VARIANT AS v UNION ALL SELECT {'d': DATE '2020-02-02'}::VARIANT";
    const { rows } = await readJsonRows(await db.stream(sql), 5);
    expect(rows).toEqual([['42'], [{ d: '2020-02-02' }]]);
  });
});

describe('readJsonRows limits', () => {
  it('stops at maxRows and reports truncation', async () => {
    const result = await readJsonRows(await db.stream('SELECT * FROM range(10)'), 5);
    expect(result).toEqual({
      rows: [['0'], ['1'], ['2'], ['3'], ['4']],
      truncated: true,
      rowCount: 5,
    });
  });

  it('is not truncated when everything fits', async () => {
    const result = await readJsonRows(await db.stream('SELECT * FROM range(3)'), 5);
    expect(result).toEqual({ rows: [['0'], ['1'], ['2']], truncated: false, rowCount: 3 });
  });

  it('detects more rows exactly at a chunk boundary', async () => {
    const exact = await readJsonRows(await db.stream('SELECT * FROM range(2048)'), 2048);
    expect([exact.rowCount, exact.truncated]).toEqual([2048, false]);
    const more = await readJsonRows(await db.stream('SELECT * FROM range(2049)'), 2048);
    expect([more.rowCount, more.truncated]).toEqual([2048, true]);
  });

  it('reports truncation with maxRows 0', async () => {
    const result = await readJsonRows(await db.stream('SELECT 1'), 0);
    expect(result).toEqual({ rows: [], truncated: true, rowCount: 0 });
  });
});

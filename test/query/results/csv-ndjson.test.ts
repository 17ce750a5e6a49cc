import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvChunks, ndjsonChunks } from '../../../src/query/duckdb/results/index.js';
import { allTypesSql, expectedObject, TYPE_CASES } from './all-types.fixture.js';
import { collect, csvTextOf, openDuckDB, parseCsv, type TestDuckDB } from './support.js';

let db: TestDuckDB;
beforeAll(async () => {
  db = await openDuckDB();
});
afterAll(() => db.close());

describe('csvChunks', () => {
  it('round-trips every type through an RFC 4180 parser', async () => {
    const text = (await collect(csvChunks(await db.stream(allTypesSql())))).join('');
    const [header, values, nulls, ...rest] = parseCsv(text);
    expect(rest).toEqual([]);
    expect(header).toEqual(TYPE_CASES.map((c) => c.name));
    expect(values).toEqual(TYPE_CASES.map((c) => csvTextOf(c.json)));
    expect(nulls).toEqual(TYPE_CASES.map(() => null));
  });

  it('quotes only what RFC 4180 requires and ends records with CRLF', async () => {
    const sql = `SELECT 'plain' AS a, 'a,b' AS b, 'say "hi"' AS c, 'x' || chr(10) || 'y' AS d,
      '' AS e, NULL::VARCHAR AS f, 12.5::DOUBLE AS g, [1, 2] AS h`;
    const pieces = await collect(csvChunks(await db.stream(sql)));
    expect(pieces).toEqual([
      'a,b,c,d,e,f,g,h\r\n',
      'plain,"a,b","say ""hi""","x\ny","",,12.5,"[1,2]"\r\n',
    ]);
  });

  it('leaves the header out on request and quotes awkward column names', async () => {
    const sql = 'SELECT 1 AS "a,b", 2 AS "a,b"';
    expect(await collect(csvChunks(await db.stream(sql)))).toEqual(['"a,b","a,b"\r\n', '1,2\r\n']);
    const noHeader = await collect(csvChunks(await db.stream(sql), { header: false }));
    expect(noHeader).toEqual(['1,2\r\n']);
  });

  it('writes just the header for an empty result', async () => {
    const pieces = await collect(csvChunks(await db.stream('SELECT 1 AS x WHERE false')));
    expect(pieces).toEqual(['x\r\n']);
  });
});

describe('ndjsonChunks', () => {
  it('writes one parseable object per row with every type', async () => {
    const text = (await collect(ndjsonChunks(await db.stream(allTypesSql())))).join('');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      expectedObject(),
      Object.fromEntries(TYPE_CASES.map((c) => [c.name, null])),
    ]);
  });

  it('suffixes repeated column names without colliding with real ones', async () => {
    const sql = 'SELECT 1 AS a, 2 AS a, 3 AS a_1, 4 AS a, 5 AS "__proto__"';
    const [line] = await collect(ndjsonChunks(await db.stream(sql)));
    expect(line).toBe('{"a":1,"a_2":2,"a_1":3,"a_3":4,"__proto__":5}\n');
    const parsed = JSON.parse(line!) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['a', 'a_2', 'a_1', 'a_3', '__proto__']);
  });

  it('escapes strings that would break a line', async () => {
    const sql = "SELECT 'a' || chr(10) || 'b' || chr(8232) || '\"' AS s";
    const [line] = await collect(ndjsonChunks(await db.stream(sql)));
    expect(line!.split('\n')).toHaveLength(2);
    expect(JSON.parse(line!)).toEqual({ s: 'a\nb\u2028"' });
  });
});

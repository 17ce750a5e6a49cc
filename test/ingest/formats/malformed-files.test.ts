import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyReaderError, readerSql } from '../../../src/ingest/formats/index.js';
import type { IngestFileError } from '../../../src/ingest/formats/index.js';
import { DuckDbHarness, rejected } from './duckdb-harness.js';

let db: DuckDbHarness;
beforeAll(async () => {
  db = await DuckDbHarness.open('malformed');
});
afterAll(() => db.dispose());

/** A CSV of `rows` good records with `bad` as record number `at` (1-based, header = 1). */
function csvWith(rows: number, at: number, bad: string): string {
  const lines = [
    'id,name,city',
    ...Array.from({ length: rows }, (_, i) => `${i + 1},n${i + 1},c${i + 1}`),
  ];
  lines[at - 1] = bad;
  return `${lines.join('\n')}\n`;
}

/** Every rejection names the upload, never the staged temp path. */
function expectClean(problem: IngestFileError, name: string): void {
  expect(problem.message).not.toContain(db.dir);
  expect(problem.message).not.toMatch(/\/tmp\/|lh-malformed/);
  expect(problem.message).toContain(`'${name}'`);
}

async function reject(
  name: string,
  content: string | Buffer,
  query?: Record<string, string>,
): Promise<IngestFileError> {
  const problem = rejected(await db.ingest(name, content, query));
  expectClean(problem, name);
  return problem;
}

describe('CSV structure, with line numbers', () => {
  // Small files fail inside DuckDB's sniffer, which gives no line; diagnoseReadFailure finds it.
  // Large ones fail after the sniffer's first 2,048 rows, and DuckDB names the line itself.
  it.each([
    ['a short file', 5, 3],
    ['past the sniffer window', 3_000, 2_500],
  ])('too many fields (%s)', async (_where, rows, at) => {
    const problem = await reject('wide.csv', csvWith(rows, at, '9,x,y,EXTRA'));
    expect(problem).toEqual({
      code: 'malformed_file',
      line: at,
      message: `line ${at} of 'wide.csv' has 4 fields but the file has 3 columns`,
    });
  });

  it.each([
    ['a short file', 5, 4],
    ['past the sniffer window', 3_000, 2_999],
  ])('too few fields (%s)', async (_where, rows, at) => {
    const problem = await reject('narrow.csv', csvWith(rows, at, '9,x'));
    expect(problem).toMatchObject({ code: 'malformed_file', line: at });
    expect(problem.message).toBe(
      `line ${at} of 'narrow.csv' has 2 fields but the file has 3 columns`,
    );
  });

  it.each([
    ['a short file', 5, 2],
    ['past the sniffer window', 3_000, 2_100],
  ])('an unterminated quote (%s)', async (_where, rows, at) => {
    const problem = await reject('quote.csv', csvWith(rows, at, '9,"never closed,c'));
    expect(problem).toEqual({
      code: 'malformed_file',
      line: at,
      message: `line ${at} of 'quote.csv' opens a quoted CSV field that is never closed`,
    });
  });

  it.each([
    [
      'a quoted header field holding the delimiter',
      'people.csv',
      '"last, first",age\n"Doe, J",1\nx,2,3\n',
      3,
    ],
    ['TSV', 'people.tsv', 'a\tb\n1\t2\n3\n', 3],
    ['semicolons, sniffed from a ragged head', 'euro.csv', 'a;b;c\n1;2;3\n4;5\n', 3],
    ['CRLF line endings', 'dos.csv', 'a,b\r\n1,2\r\n3,4,5\r\n', 3],
  ])('locates a ragged row in %s', async (_what, name, content, line) => {
    const problem = await reject(name, content);
    expect(problem).toMatchObject({ code: 'malformed_file', line });
  });

  it('counts records, not physical lines, after a quoted newline (DuckDB quirk)', async () => {
    const problem = await reject('multi.csv', 'a,b\n"x\ny\nz",1\n2,3,4\n');
    expect(problem.line).toBe(3);
  });

  it('reports a value that does not fit the sniffed type, naming the column but not the value', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},n${i}`);
    rows[30_000] = 'SECRET-VALUE,n';
    const file = db.write('typed.csv', `id,name\n${rows.join('\n')}\n`);
    const error = await db.failure(
      `SELECT * FROM ${readerSql(file, { format: 'csv', sampleSize: 20_480 })}`,
    );
    const problem = classifyReaderError(error, 'csv', 'typed.csv');
    expect(problem).toEqual({
      code: 'malformed_file',
      line: 30_002,
      column: 'id',
      message: `line 30002 of 'typed.csv' has a value in column "id" that is not a valid BIGINT`,
    });
    expect(error.message).toContain('SECRET-VALUE');
    expect(problem.message).not.toContain('SECRET-VALUE');
  });

  it('never echoes row contents (personal data) from DuckDB\'s "Original Line"', async () => {
    const problem = await reject('pii.csv', csvWith(5, 3, '9,Jane Doe,123-45-6789,extra'));
    expect(problem.message).not.toMatch(/Jane|123-45/);
  });
});

describe('CSV encoding', () => {
  it('reports invalid UTF-8 bytes with their line', async () => {
    const bytes = Buffer.concat([
      Buffer.from('id,name\n1,ok\n2,'),
      Buffer.from([0xff, 0xfe, 0x41]),
      Buffer.from('\n3,ok\n'),
    ]);
    const problem = await reject('bytes.csv', bytes);
    expect(problem).toMatchObject({ code: 'encoding_error', line: 3 });
    expect(problem.message).toMatch(
      /^line 3 of 'bytes.csv' is not valid UTF-8; .*\?encoding=latin-1/,
    );
  });

  it('reports a latin-1 file uploaded without ?encoding=', async () => {
    const problem = await reject('latin.csv', Buffer.from('name\nJosé\n', 'latin1'));
    expect(problem.code).toBe('encoding_error');
  });
});

describe('empty uploads', () => {
  it.each([
    ['empty.csv', '', "'empty.csv' is empty (0 bytes)"],
    ['empty.json', '', "'empty.json' is empty (0 bytes)"],
    ['empty.parquet', '', "'empty.parquet' is empty (0 bytes)"],
    [
      'header.csv',
      'id,name,city\n',
      "'header.csv' has no data rows, only a header or blank lines; nothing to ingest as CSV",
    ],
    [
      'header-no-newline.tsv',
      'id\tname',
      "'header-no-newline.tsv' has no data rows, only a header or blank lines; nothing to ingest as TSV",
    ],
    ['none.json', '[]', "'none.json' holds no records (an empty array); nothing to ingest as JSON"],
    ['none.ndjson', '\n\n', "'none.ndjson' holds no records; nothing to ingest as NDJSON"],
  ])('%s', async (name, content, message) => {
    expect(await reject(name, content)).toEqual({ code: 'empty_file', message });
  });

  it('a Parquet file with a schema but no rows', async () => {
    const file = `${db.dir}/zero.parquet`;
    await db.rows(`COPY (SELECT 1 AS id WHERE false) TO '${file}' (FORMAT parquet)`);
    expect(await reject('zero.parquet', readFileSync(file))).toEqual({
      code: 'empty_file',
      message: "'zero.parquet' has no rows; nothing to ingest as Parquet",
    });
  });
});

describe('JSON', () => {
  it('locates a syntax error in an array by record (not line)', async () => {
    const records = Array.from({ length: 10 }, (_, i) => ({ id: i }));
    const json = JSON.stringify(records, null, 2).replace('"id": 6', '"id": 6 oops');
    expect(await reject('broken.json', json)).toEqual({
      code: 'malformed_file',
      record: 7,
      message: "record 7 of 'broken.json' is not valid JSON: unexpected character",
    });
  });

  it('locates a syntax error in NDJSON by line', async () => {
    expect(await reject('broken.ndjson', '{"a":1}\n\n{"a":2}\n{"a":3 x}\n{"a":4}\n')).toEqual({
      code: 'malformed_file',
      line: 4,
      message: "line 4 of 'broken.ndjson' is not valid JSON: unexpected character",
    });
  });

  it('calls invalid UTF-8 in JSON an encoding error', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"a":"ok"}\n{"a":"'),
      Buffer.from([0xff]),
      Buffer.from('"}\n'),
    ]);
    const problem = await reject('bytes.ndjson', bytes);
    expect(problem.code).toBe('encoding_error');
    expect(problem.message).toMatch(/is not valid UTF-8: invalid UTF-8 encoding in string$/);
  });

  it('points NDJSON saved as .json at ?format=ndjson', async () => {
    const problem = await reject('lines.json', '{"a":1}\n{"a":2}\n');
    expect(problem.code).toBe('malformed_file');
    expect(problem.message).toContain('?format=ndjson');
  });

  it('refuses an array of bare values', async () => {
    const problem = await reject('scalars.json', '[1, 2, 3]');
    expect(problem.message).toBe(
      "'scalars.json' must hold JSON objects, one per row, not bare values or arrays",
    );
  });

  it('reports a truncated array', async () => {
    const problem = await reject('cut.json', '[{"a":1},\n{"a":2},\n{"a":');
    expect(problem.code).toBe('malformed_file');
    expect(problem.message).toMatch(/^record \d+ of 'cut.json' is not valid JSON: /);
  });
});

describe('Parquet', () => {
  let parquet: Buffer;
  beforeAll(async () => {
    const file = `${db.dir}/source.parquet`;
    await db.rows(
      `COPY (SELECT range AS id, 'n' || range AS name FROM range(1000)) TO '${file}' (FORMAT parquet)`,
    );
    parquet = readFileSync(file);
  });

  it('reports a truncated file', async () => {
    expect(await reject('cut.parquet', parquet.subarray(0, parquet.length / 2))).toEqual({
      code: 'malformed_file',
      message:
        "'cut.parquet' is not a complete Parquet file: it is truncated, or not Parquet at all",
    });
  });

  it('reports a file too short to hold a footer', async () => {
    expect((await reject('tiny.parquet', 'PAR1')).message).toBe(
      "'tiny.parquet' is too small to be a Parquet file",
    );
  });

  it('reports CSV uploaded as .parquet', async () => {
    expect((await reject('fake.parquet', 'id,name\n'.repeat(20))).message).toContain(
      'not a complete Parquet file',
    );
  });

  it('reports a corrupt body without leaking the path', async () => {
    const corrupt = Buffer.from(parquet);
    corrupt.fill(0xab, 8, 400);
    const problem = await reject('corrupt.parquet', corrupt);
    expect(problem.code).toBe('malformed_file');
    expect(problem.message).toMatch(/^could not read 'corrupt.parquet' as Parquet: /);
  });
});

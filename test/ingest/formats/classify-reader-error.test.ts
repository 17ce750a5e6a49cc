import { describe, expect, it } from 'vitest';
import {
  FileRejectedError,
  classifyReaderError,
  diagnoseReadFailure,
  emptyFileProblem,
} from '../../../src/ingest/formats/index.js';
import type { FileFormat, IngestFileError } from '../../../src/ingest/formats/index.js';

// Verbatim DuckDB 1.5.6 messages (abridged where marked), as thrown for a staged upload.
const STAGED = '/var/lib/lakehouse/staging/0193-abc/upload.bin';
const SETTINGS = `\n\n  file = ${STAGED}\n  delimiter = , (Set By User)\n  quote = " (Set By User)\n`;
const ECHOED_SQL = `\n\nLINE 1: SELECT * FROM read_csv('${STAGED}', delim=',', ...\n                      ^`;

const MESSAGES = {
  sniffing:
    `Invalid Input Error: Error when sniffing file "${STAGED}".\n` +
    'It was not possible to automatically detect the CSV parsing dialect\n' +
    "The search space used was:\nDelimiter Candidates: ','\nQuote/Escape Candidates: ['\"','\"']\n" +
    `Comment Candidates: '\\0'\nEncoding: utf-8\nPossible fixes:\n* Disable the parser's strict mode${ECHOED_SQL}`,
  columns:
    'Invalid Input Error: CSV Error on Line: 30001\nOriginal Line: 30000,Jane Doe,2,3\n' +
    'Expected Number of Columns: 3 Found: 4\nPossible fixes:\n' +
    `* Disable the parser's strict mode (strict_mode=false)${SETTINGS}${ECHOED_SQL}`,
  unterminated:
    'Invalid Input Error: CSV Error on Line: 2\nOriginal Line: 1,"unterminated,3\n4,5,6\n\n' +
    `Value with unterminated quote found.\n\nPossible fixes:\n* Set quote to empty${SETTINGS}`,
  unicode:
    'Invalid Input Error: CSV Error on Line: 2\nOriginal Line: a,b,c\n' +
    'Invalid unicode (byte sequence mismatch) detected. This file is not utf-8 encoded.\n\n' +
    `Possible Solution: Set the correct encoding${SETTINGS}${ECHOED_SQL}`,
  conversion:
    'Conversion Error: CSV Error on Line: 30001\nOriginal Line: 30000,notanumber,x\n' +
    `Error when converting column "b". Could not convert string "notanumber" to 'BIGINT'\n\n` +
    `Column b is being converted as type BIGINT\nThis type was auto-detected from the CSV file.${SETTINGS}`,
  lineSize:
    'Invalid Input Error: CSV Error on Line: 1\nOriginal Line: 1,xxxxxxxx\n\n' +
    `Maximum line size of 2000000 bytes exceeded. Actual Size:3003 bytes.${SETTINGS}`,
  otherCsvLine: `Invalid Input Error: CSV Error on Line: 7\nOriginal Line: x\nSomething new.${SETTINGS}`,
  jsonLine: `Invalid Input Error: Malformed JSON in file "${STAGED}", at byte 8 in line 3: unexpected character. ${ECHOED_SQL}`,
  jsonRecord: `Invalid Input Error: Malformed JSON in file "${STAGED}", at byte 15 in record/value 9: unexpected character. ${ECHOED_SQL}`,
  jsonUtf8: `Invalid Input Error: Malformed JSON in file "${STAGED}", at byte 7 in line 3: invalid UTF-8 encoding in string. ${ECHOED_SQL}`,
  jsonInput:
    'Conversion Error: Malformed JSON at byte 746 of input: unexpected character.  ' +
    'Input: "[\n  {\n    "id": 0,\n    "name": "Jane Doe"..." when casting from source column content',
  notArray: `Invalid Input Error: Expected top-level JSON array with format='array', but first character is '{' in file "${STAGED}".\n Try setting format='auto' or format='newline_delimited'.`,
  nonRecord:
    "Binder Error: json_read expected records, but got non-record JSON instead.\n Try setting records='auto' or records='false'.",
  transform: `Invalid Input Error: JSON transform error in file "${STAGED}", in line 30000: Failed to cast value to numerical: "Jane"\nTry increasing 'sample_size'`,
  noMagic: `Invalid Input Error: No magic bytes found at end of file '${STAGED}'${ECHOED_SQL}`,
  tooSmall: `Invalid Input Error: File '${STAGED}' too small to be a Parquet file${ECHOED_SQL}`,
  parquetOther:
    "Invalid Error: don't know what type: \u000f\n\nLINE 1: select * from read_parquet('/var/lib/x.parquet')",
  missing: `IO Error: No files found that match the pattern "${STAGED}"${ECHOED_SQL}`,
} as const;

const classify = (key: keyof typeof MESSAGES, format: FileFormat): IngestFileError =>
  classifyReaderError(new Error(MESSAGES[key]), format, 'people.csv');

describe('classifyReaderError', () => {
  it.each<[keyof typeof MESSAGES, FileFormat, IngestFileError]>([
    [
      'sniffing',
      'csv',
      {
        code: 'malformed_file',
        message:
          "'people.csv' is not consistent CSV: a row has more or fewer fields than the others, or a quote is never closed",
      },
    ],
    [
      'columns',
      'csv',
      {
        code: 'malformed_file',
        line: 30001,
        message: "line 30001 of 'people.csv' has 4 fields but the file has 3 columns",
      },
    ],
    [
      'unterminated',
      'tsv',
      {
        code: 'malformed_file',
        line: 2,
        message: "line 2 of 'people.csv' opens a quoted TSV field that is never closed",
      },
    ],
    [
      'conversion',
      'csv',
      {
        code: 'malformed_file',
        line: 30001,
        column: 'b',
        message: `line 30001 of 'people.csv' has a value in column "b" that is not a valid BIGINT`,
      },
    ],
    [
      'lineSize',
      'csv',
      {
        code: 'malformed_file',
        line: 1,
        message: "line 1 of 'people.csv' is longer than 2000000 bytes; is a quote left open?",
      },
    ],
    [
      'otherCsvLine',
      'csv',
      {
        code: 'malformed_file',
        line: 7,
        message: "line 7 of 'people.csv' could not be parsed as CSV",
      },
    ],
    [
      'jsonLine',
      'ndjson',
      {
        code: 'malformed_file',
        line: 3,
        message: "line 3 of 'people.csv' is not valid JSON: unexpected character",
      },
    ],
    // "record/value 9" counts the opening bracket as value 1: it is the 8th element.
    [
      'jsonRecord',
      'json',
      {
        code: 'malformed_file',
        record: 8,
        message: "record 8 of 'people.csv' is not valid JSON: unexpected character",
      },
    ],
    [
      'jsonUtf8',
      'ndjson',
      {
        code: 'encoding_error',
        line: 3,
        message: "line 3 of 'people.csv' is not valid UTF-8: invalid UTF-8 encoding in string",
      },
    ],
    [
      'jsonInput',
      'json',
      {
        code: 'malformed_file',
        message: "'people.csv' is not valid JSON at byte 746: unexpected character",
      },
    ],
    [
      'transform',
      'ndjson',
      {
        code: 'malformed_file',
        line: 30000,
        message:
          "line 30000 of 'people.csv' has a value whose type differs from the rest of its field",
      },
    ],
    [
      'noMagic',
      'parquet',
      {
        code: 'malformed_file',
        message:
          "'people.csv' is not a complete Parquet file: it is truncated, or not Parquet at all",
      },
    ],
    [
      'tooSmall',
      'parquet',
      { code: 'malformed_file', message: "'people.csv' is too small to be a Parquet file" },
    ],
  ])('%s (%s)', (key, format, expected) => {
    expect(classify(key, format)).toEqual(expected);
  });

  it('calls bad bytes an encoding error and suggests ?encoding=', () => {
    const problem = classify('unicode', 'csv');
    expect(problem).toMatchObject({ code: 'encoding_error', line: 2 });
    expect(problem.message).toContain('?encoding=latin-1');
  });

  it('explains NDJSON in a .json file and bare values', () => {
    expect(classify('notArray', 'json').message).toContain('upload it as NDJSON (?format=ndjson)');
    expect(classify('nonRecord', 'json').message).toContain('must hold JSON objects');
  });

  it("falls back to DuckDB's first line, with the path replaced by the upload name", () => {
    expect(classify('parquetOther', 'parquet')).toEqual({
      code: 'malformed_file',
      message: "could not read 'people.csv' as Parquet: don't know what type: \u000f",
    });
    expect(classify('missing', 'csv').message).toBe(
      "could not read 'people.csv' as CSV: No files found that match the pattern 'people.csv'",
    );
  });

  it.each(Object.keys(MESSAGES) as Array<keyof typeof MESSAGES>)(
    '%s: never leaks the staged path or row contents',
    (key) => {
      for (const format of ['csv', 'json', 'ndjson', 'parquet'] as const) {
        const { message } = classify(key, format);
        expect(message).not.toMatch(/staging|\/var\/lib|Jane|notanumber|Original Line|Input:/);
      }
    },
  );

  it('says "the file" when there is no upload name', () => {
    expect(classifyReaderError(new Error(MESSAGES.noMagic), 'parquet').message).toMatch(
      /^the file is not/,
    );
  });
});

describe('diagnoseReadFailure without a database to ask', () => {
  const options = { format: 'csv' as const };
  const neverRun = async (): Promise<never> => {
    throw new Error('should not run SQL');
  };

  it('keeps the first classification when DuckDB already named the line', async () => {
    const failure = {
      error: new Error(MESSAGES.columns),
      path: '/s/x.csv',
      options,
      head: Buffer.from('a,b,c\n'),
    };
    expect((await diagnoseReadFailure(failure, neverRun)).line).toBe(30001);
  });

  it('keeps it when there is no head to count columns from, or the re-read succeeds', async () => {
    const failure = {
      error: new Error(MESSAGES.sniffing),
      path: '/s/x.csv',
      options,
      displayName: 'x.csv',
    };
    expect((await diagnoseReadFailure(failure, neverRun)).line).toBeUndefined();
    const withHead = { ...failure, head: Buffer.from('a,b\n1,2\n') };
    const ran: string[] = [];
    const problem = await diagnoseReadFailure(withHead, async (sql) => {
      ran.push(sql);
      return [{ row_count: 1 }];
    });
    expect(problem.message).toContain('not consistent CSV');
    expect(ran).toEqual([
      expect.stringMatching(/^SELECT count\(\*\) AS row_count FROM read_csv\('\/s\/x.csv', /),
    ]);
    expect(ran[0]).toContain(
      "auto_detect=false, columns={'column0': 'VARCHAR', 'column1': 'VARCHAR'}",
    );
  });
});

describe('emptyFileProblem', () => {
  it('is silent for files with bytes and rows, or before the count is known', () => {
    expect(emptyFileProblem({ byteSize: 10 }, 'csv')).toBeUndefined();
    expect(emptyFileProblem({ byteSize: 10, rowCount: 1n }, 'csv')).toBeUndefined();
  });

  it("accepts DuckDB's bigint counts and becomes a 400 FileRejectedError", () => {
    const problem = emptyFileProblem({ rowCount: 0n }, 'parquet', 'p.parquet');
    expect(problem).toEqual({
      code: 'empty_file',
      message: "'p.parquet' has no rows; nothing to ingest as Parquet",
    });
    const error = new FileRejectedError(problem as IngestFileError);
    expect(error).toMatchObject({ code: 'empty_file', status: 400, name: 'FileRejectedError' });
  });

  it('carries line and column into the error details', () => {
    const error = new FileRejectedError({
      code: 'malformed_file',
      message: 'm',
      line: 3,
      column: 'b',
    });
    expect(error.details).toEqual({ line: 3, column: 'b', record: undefined });
    expect(error.status).toBe(400);
  });
});

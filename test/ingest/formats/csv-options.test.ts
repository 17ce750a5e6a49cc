import { describe, expect, it } from 'vitest';
import {
  FileRejectedError,
  InvalidOptionError,
  csvOptionsFromHead,
  csvOptionsFromQuery,
  validateCsvOptions,
} from '../../../src/ingest/formats/index.js';
import type { CsvOptions } from '../../../src/ingest/formats/index.js';

function invalidOption(run: () => unknown): InvalidOptionError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidOptionError) return error;
    throw error;
  }
  throw new Error('expected an InvalidOptionError');
}

describe('csvOptionsFromQuery', () => {
  it('leaves absent parameters undefined so defaults and sniffing apply', () => {
    expect(csvOptionsFromQuery({})).toEqual({});
    expect(csvOptionsFromQuery({ format: 'csv', bucket: 'x', delimiter: undefined })).toEqual({});
  });

  it.each<[string, string]>([
    ['tab', '\t'],
    ['TAB', '\t'],
    ['\\t', '\t'],
    ['\t', '\t'],
    [',', ','],
    [';', ';'],
    ['|', '|'],
    ['semicolon', ';'],
    ['¦', '¦'],
  ])('delimiter=%j → %j', (delimiter, expected) => {
    expect(csvOptionsFromQuery({ delimiter })).toEqual({ delimiter: expected });
  });

  it.each<[string, CsvOptions]>([
    ['true', { header: true }],
    ['FALSE', { header: false }],
    ['auto', {}],
  ])('header=%s', (header, expected) => {
    expect(csvOptionsFromQuery({ header })).toEqual(expected);
  });

  it.each<[string, CsvOptions['encoding']]>([
    ['utf-8', 'utf-8'],
    ['UTF8', 'utf-8'],
    ['utf-16', 'utf-16'],
    ['latin-1', 'latin-1'],
    ['ISO-8859-1', 'latin-1'],
  ])('encoding=%s', (encoding, expected) => {
    expect(csvOptionsFromQuery({ encoding })).toEqual({ encoding: expected });
  });

  it('takes quote, escape and the null string as given; an empty quote disables quoting', () => {
    expect(csvOptionsFromQuery({ quote: "'", escape: '\\', null: 'N/A' })).toEqual({
      quote: "'",
      escape: '\\',
      nullString: 'N/A',
    });
    expect(csvOptionsFromQuery({ quote: '' })).toEqual({ quote: '' });
  });

  it.each<[Record<string, string>, string, RegExp]>([
    [{ delimiter: '' }, 'delimiter', /single character/],
    [{ delimiter: ',,' }, 'delimiter', /single character/],
    [{ delimiter: 'comma-ish' }, 'delimiter', /single character/],
    [{ delimiter: '\n' }, 'delimiter', /newline/],
    [{ delimiter: '"' }, 'delimiter', /differ from the quote/],
    [{ delimiter: "'", quote: "'" }, 'delimiter', /differ from the quote/],
    [{ delimiter: '\0' }, 'delimiter', /NUL/],
    [{ quote: '""' }, 'quote', /single character/],
    [{ escape: 'ab' }, 'escape', /single character/],
    [{ header: 'yes' }, 'header', /true, false or auto/],
    [{ header: 'constructor' }, 'header', /true, false or auto/],
    [{ encoding: 'ebcdic' }, 'encoding', /utf-8, utf-16 or latin-1/],
    [{ null: 'N\0A' }, 'null', /NUL/],
  ])('refuses %j, naming %s', (query, option, reason) => {
    const error = invalidOption(() => csvOptionsFromQuery(query));
    expect(error.code).toBe('invalid_option');
    expect(error.status).toBe(400);
    expect(error.option).toBe(option);
    expect(error.details).toEqual({ option });
    expect(error.message).toMatch(new RegExp(`^invalid ${option}: `));
    expect(error.message).toMatch(reason);
  });

  it('validates options that come from code the same way', () => {
    expect(invalidOption(() => validateCsvOptions({ delimiter: 'ab' })).option).toBe('delimiter');
  });
});

describe('csvOptionsFromHead', () => {
  const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

  it.each<[string, string, string]>([
    ['comma', 'a,b,c\n1,2,3\n', ','],
    ['semicolon (Excel in many locales)', 'a;b;c\n1;"2,5";3\n', ';'],
    ['pipe', 'a|b\n1|2\n', '|'],
    ['tab in a .csv', 'a\tb\n1\t2\n', '\t'],
    ['a quoted newline does not break the count', 'a,b\n"x\ny",2\n3,4\n', ','],
    ['ragged rows: the header decides', 'a,b,c\n1,2,3,4\n5,6\n', ','],
  ])('sniffs the %s delimiter', (_what, head, delimiter) => {
    expect(csvOptionsFromHead(utf8(head), 'csv')).toEqual({ delimiter });
  });

  it('leaves a single-column file and TSV alone', () => {
    expect(csvOptionsFromHead(utf8('name\nAda\n'), 'csv')).toEqual({});
    expect(csvOptionsFromHead(utf8('a,b\n1,2\n'), 'tsv')).toEqual({});
  });

  it('reads the encoding from a UTF-16LE byte-order mark', () => {
    const head = Buffer.from('\ufeffa;b\n1;2\n', 'utf16le');
    expect(csvOptionsFromHead(head, 'csv')).toEqual({ encoding: 'utf-16', delimiter: ';' });
  });

  it('refuses UTF-16 big-endian, which DuckDB cannot decode', () => {
    const le = Buffer.from('\ufeffa,b\n', 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(() => csvOptionsFromHead(be, 'csv')).toThrow(FileRejectedError);
    expect(() => csvOptionsFromHead(be, 'csv')).toThrow(/big-endian/);
  });
});

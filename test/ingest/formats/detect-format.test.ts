import { describe, expect, it } from 'vitest';
import {
  FILE_FORMATS,
  FileRejectedError,
  UnsupportedFormatError,
  detectFormat,
} from '../../../src/ingest/formats/index.js';
import type { FileFormat, FormatHints } from '../../../src/ingest/formats/index.js';

const text = (s: string): Buffer => Buffer.from(s, 'utf8');
const PARQUET_HEAD = Buffer.concat([text('PAR1'), Buffer.alloc(16)]);

function refusal(hints: FormatHints): UnsupportedFormatError {
  try {
    detectFormat(hints);
  } catch (error) {
    if (error instanceof UnsupportedFormatError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(hints)} to be refused`);
}

describe('detectFormat: content types', () => {
  it.each<[string, FileFormat]>([
    ['text/csv', 'csv'],
    ['text/csv; charset=utf-8', 'csv'],
    ['TEXT/CSV;charset=UTF-8', 'csv'],
    ['application/csv', 'csv'],
    ['text/tab-separated-values', 'tsv'],
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['application/x-ndjson', 'ndjson'],
    ['application/jsonl', 'ndjson'],
    ['application/vnd.apache.parquet', 'parquet'],
  ])('%s → %s', (contentType, format) => {
    expect(detectFormat({ contentType, fileName: 'upload.bin' })).toBe(format);
  });

  it.each([
    'application/octet-stream',
    'binary/octet-stream',
    'text/plain',
    'application/x-made-up',
    '',
  ])('%s says nothing, so the extension decides', (contentType) => {
    expect(detectFormat({ contentType, fileName: 'people.tsv' })).toBe('tsv');
    expect(detectFormat({ contentType, head: PARQUET_HEAD })).toBe('parquet');
  });

  it('beats the extension', () => {
    expect(detectFormat({ contentType: 'application/x-ndjson', fileName: 'events.json' })).toBe(
      'ndjson',
    );
  });

  it.each([
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.ms-excel',
    'application/zip',
    'application/xml',
  ])('refuses %s, listing what is accepted', (contentType) => {
    const error = refusal({ contentType, fileName: 'people.csv' });
    expect(error.code).toBe('unsupported_format');
    expect(error.status).toBe(415);
    expect(error.accepted).toEqual(FILE_FORMATS);
    expect(error.details).toMatchObject({ accepted: FILE_FORMATS, received: contentType });
    expect(error.message).toContain('csv, tsv, json, ndjson, parquet');
  });
});

describe('detectFormat: extensions', () => {
  it.each<[string, FileFormat]>([
    ['people.csv', 'csv'],
    ['PEOPLE.CSV', 'csv'],
    ['people.tsv', 'tsv'],
    ['people.tab', 'tsv'],
    ['people.json', 'json'],
    ['people.ndjson', 'ndjson'],
    ['people.jsonl', 'ndjson'],
    ['people.parquet', 'parquet'],
    ['people.pq', 'parquet'],
    ['archive.2026-01.csv', 'csv'],
  ])('%s → %s', (fileName, format) => {
    expect(detectFormat({ fileName })).toBe(format);
  });

  it('beats sniffing: a .csv holding JSON is still read as CSV', () => {
    expect(detectFormat({ fileName: 'odd.csv', head: text('[{"a":1}]') })).toBe('csv');
  });

  it.each<[string, string, FileFormat]>([
    ['people.txt', 'a\tb\n1\t2\n', 'tsv'],
    ['people.txt', 'a,b\n1,2\n', 'csv'],
    ['export', '{"a":1}\n{"a":2}\n', 'ndjson'],
    ['unknown.xyz', '[{"a":1}]', 'json'],
  ])('%s falls through to sniffing (%j → %s)', (fileName, head, format) => {
    expect(detectFormat({ fileName, head: text(head) })).toBe(format);
  });

  it.each(['sheet.xlsx', 'sheet.xls', 'report.pdf', 'data.zip', 'data.csv.gz', 'feed.xml'])(
    'refuses %s with advice',
    (fileName) => {
      expect(refusal({ fileName }).message).toMatch(
        /^cannot ingest an? .+; .+ \(accepted formats:/,
      );
    },
  );
});

describe('detectFormat: sniffing the head', () => {
  it.each<[string, Buffer, FileFormat]>([
    ['Parquet magic', PARQUET_HEAD, 'parquet'],
    ['a JSON array', text('  \n[{"id": 1}]'), 'json'],
    ['a pretty-printed JSON object', text('{\n  "id": 1\n}\n'), 'json'],
    ['one object per line', text('{"id": 1}\n{"id": 2}\n'), 'ndjson'],
    ['tabs', text('id\tname\n1\tAda\n'), 'tsv'],
    ['commas', text('id,name\n1,Ada\n'), 'csv'],
    ['semicolons', text('id;name;city\n1;Ada;Köln\n'), 'csv'],
    ['pipes', text('id|name\n1|Ada\n'), 'csv'],
    ['a single column', text('name\nAda\nGrace\n'), 'csv'],
    [
      'commas inside a tab-separated file',
      text('id\tname\n1\tLovelace, Ada\n2\tHopper, Grace\n'),
      'tsv',
    ],
    ['a UTF-8 BOM', text('\ufeff[{"id": 1}]'), 'json'],
    ['UTF-16LE with BOM', Buffer.from('\ufeffid\tname\n1\tAda\n', 'utf16le'), 'tsv'],
  ])('%s', (_what, head, format) => {
    expect(detectFormat({ head })).toBe(format);
  });

  it.each<[string, Buffer]>([
    ['PDF', text('%PDF-1.7\n...')],
    ['ZIP (xlsx)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])],
    ['legacy Excel', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])],
    ['gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00])],
    ['unknown binary', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00])],
  ])('refuses %s', (_what, head) => {
    expect(refusal({ head }).code).toBe('unsupported_format');
  });

  it('refuses when there is nothing to go on', () => {
    expect(refusal({}).message).toContain('could not tell the format of the upload');
    expect(refusal({ fileName: 'blob' }).message).toContain("'blob'");
  });

  it('calls a 0-byte head an empty file, not an unknown format', () => {
    expect(() => detectFormat({ head: Buffer.alloc(0) })).toThrow(FileRejectedError);
    expect(() => detectFormat({ head: Buffer.alloc(0) })).toThrow(/empty/);
  });
});

describe('detectFormat: explicit ?format=', () => {
  it.each<[string, FileFormat]>([
    ['csv', 'csv'],
    ['TSV', 'tsv'],
    ['json', 'json'],
    ['ndjson', 'ndjson'],
    ['jsonl', 'ndjson'],
    ['parquet', 'parquet'],
  ])('%s → %s, over every other hint', (explicit, format) => {
    const hints = { explicit, contentType: 'text/csv', fileName: 'x.json', head: PARQUET_HEAD };
    expect(detectFormat(hints)).toBe(format);
  });

  it('ignores an empty ?format=', () => {
    expect(detectFormat({ explicit: '', fileName: 'x.tsv' })).toBe('tsv');
  });

  it.each(['xlsx', 'excel', 'pdf', 'yaml', 'csv2'])('refuses %s', (explicit) => {
    expect(refusal({ explicit, fileName: 'x.csv' }).details).toMatchObject({ received: explicit });
  });
});

import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { CsvRowCounter } from '../../src/connectors/csv-row-counter.js';
import { CsvRowWriter, csvField } from '../../src/connectors/mysql/csv-row-writer.js';

function sink(onChunk: (chunk: Buffer) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      onChunk(chunk);
      done();
    },
  });
}

async function countRows(chunks: readonly string[]): Promise<{ rows: number; bytes: number }> {
  const counter = new CsvRowCounter(() => {});
  await pipeline(
    Readable.from(chunks.map((c) => Buffer.from(c))),
    counter,
    sink(() => {}),
  );
  return { rows: counter.rows, bytes: counter.bytes };
}

describe('counting staged CSV rows', () => {
  const csv = '1,"a\nb",x\n2,"q""\n""q",\n3,,"\n"\n4,plain,"x,y"\n';

  it('counts newlines outside quotes only, whatever the chunk boundaries', async () => {
    expect(await countRows([csv])).toEqual({ rows: 4, bytes: csv.length });
    for (let size = 1; size <= 7; size += 1) {
      const chunks = csv.match(new RegExp(`[^]{1,${size}}`, 'g'))!;
      expect((await countRows(chunks)).rows).toBe(4);
    }
  });
});

describe('writing driver rows as CSV', () => {
  it('keeps NULL, empty text and empty bytes apart', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField(Buffer.alloc(0))).toBe('""'); // regression: empty BLOBs were read back as NULL
    expect(csvField(Buffer.from([0, 255]))).toBe('00ff');
  });

  it('quotes what a CSV reader would misread, and keeps -0', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(' padded ')).toBe(' padded '); // DuckDB keeps edge spaces (round-trip tests)
    expect(csvField('plain')).toBe('plain');
    expect(csvField(-0)).toBe('-0');
    expect(csvField(1.5e-300)).toBe('1.5e-300');
    expect(() => csvField({})).toThrow(TypeError);
  });

  it('streams rows in batches and counts them', async () => {
    const batches: number[] = [];
    const writer = new CsvRowWriter((rows) => batches.push(rows));
    const chunks: Buffer[] = [];
    const rows = Array.from({ length: 5000 }, (_, i) => [i, `name ${i}`, null]);
    await pipeline(
      Readable.from(rows),
      writer,
      sink((chunk) => chunks.push(chunk)),
    );
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.split('\n')).toHaveLength(5001);
    expect(text.startsWith('0,name 0,\n1,name 1,\n')).toBe(true);
    expect(writer.rows).toBe(5000);
    expect(writer.bytes).toBe(Buffer.byteLength(text));
    expect(batches.at(-1)).toBe(5000);
    expect(batches.length).toBeGreaterThan(1);
  });
});

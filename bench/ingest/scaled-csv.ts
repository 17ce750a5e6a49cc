import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { CsvInput } from './demo-files.js';

/**
 * The same table `factor` times over: the header once, then every data row `factor` times.
 * Repeating whole files keeps the row shape and never splits a record (fields may hold line
 * breaks), so memory can be compared across sizes of the same data.
 */
export async function repeatCsv(input: CsvInput, factor: number, dir: string): Promise<CsvInput> {
  const target = path.join(dir, `${input.table}-x${factor}.csv`);
  const bodyStart = await headerLength(input.path);
  await pipeline(headerThenCopies(input.path, bodyStart, factor), createWriteStream(target));
  return {
    table: input.table,
    path: target,
    rows: input.rows * factor,
    bytes: (await stat(target)).size,
  };
}

async function* headerThenCopies(
  file: string,
  bodyStart: number,
  copies: number,
): AsyncGenerator<Buffer> {
  yield* createReadStream(file, { end: bodyStart - 1 }) as AsyncIterable<Buffer>;
  for (let copy = 0; copy < copies; copy += 1) {
    yield* createReadStream(file, { start: bodyStart }) as AsyncIterable<Buffer>;
  }
}

/** Bytes up to and including the first line break (the demo's headers have no quoted breaks). */
async function headerLength(file: string): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const newline = buffer.subarray(0, bytesRead).indexOf(0x0a);
    if (newline < 0) throw new Error(`${file}: no line break in the first ${bytesRead} bytes`);
    return newline + 1;
  } finally {
    await handle.close();
  }
}

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { csvLine } from './csv.js';

export interface WrittenCsv {
  readonly rows: number;
  readonly bytes: number;
}

/** Rows are joined into one string per write: one write per row would dominate the run time. */
const ROWS_PER_BATCH = 1_000;
const STREAM_BUFFER_BYTES = 1 << 20;

/**
 * Streams a header and `lines` (CSV records without terminators) to `path`, batch by batch,
 * waiting for 'drain' whenever the stream's buffer is full, so a table never sits in memory
 * as a whole. `onRows` hears the running row count after each batch.
 */
export async function writeCsvFile(
  path: string,
  columns: readonly string[],
  lines: Iterable<string>,
  onRows?: (rowsWritten: number) => void,
): Promise<WrittenCsv> {
  const stream = createWriteStream(path, { highWaterMark: STREAM_BUFFER_BYTES });
  const closed = finished(stream);
  closed.catch(() => undefined); // the same failure is rethrown by whichever await sees it
  let rows = 0;
  let bytes = 0;
  let batch = [csvLine(columns)];
  const flush = async (): Promise<void> => {
    const chunk = `${batch.join('\n')}\n`;
    batch = [];
    bytes += Buffer.byteLength(chunk);
    if (!stream.write(chunk)) await drained(stream, closed);
  };
  try {
    for (const line of lines) {
      batch.push(line);
      rows += 1;
      if (batch.length >= ROWS_PER_BATCH) {
        await flush();
        onRows?.(rows);
      }
    }
    if (batch.length > 0) await flush();
    stream.end();
    await closed;
  } catch (error) {
    stream.destroy();
    throw error;
  }
  onRows?.(rows);
  return { rows, bytes };
}

/** Resolves on 'drain'; rejects if the stream fails first, even if it failed before we asked. */
async function drained(stream: WriteStream, closed: Promise<void>): Promise<void> {
  await Promise.race([once(stream, 'drain'), closed]);
}

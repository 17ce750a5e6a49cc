import { Transform, type TransformCallback } from 'node:stream';

/** Bytes gathered before they are passed on: fewer, larger writes. */
const BATCH_CHARS = 64 * 1024;
/** A field that must be quoted (DuckDB's reader keeps edge whitespace as it is). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Turns driver rows (arrays of string | number | Buffer | null) into CSV as the staging step
 * reads it: NULL is an empty unquoted field, an empty string is `""`, bytes are hex.
 */
export class CsvRowWriter extends Transform {
  #rows = 0;
  #bytes = 0;
  #pending = '';
  #longestRow = 0;
  readonly #onBatch: (rows: number, bytes: number) => void;

  constructor(onBatch: (rows: number, bytes: number) => void) {
    super({ writableObjectMode: true });
    this.#onBatch = onBatch;
  }

  get rows(): number {
    return this.#rows;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Bytes of the longest row, its newline included. */
  get longestRow(): number {
    return this.#longestRow;
  }

  override _transform(
    row: readonly unknown[],
    _encoding: BufferEncoding,
    callback: TransformCallback,
  ): void {
    let line = '';
    for (let i = 0; i < row.length; i += 1) {
      line += i === 0 ? csvField(row[i]) : `,${csvField(row[i])}`;
    }
    line += '\n';
    // A UTF-16 unit is at most 3 bytes of UTF-8: measure exactly only a possible new longest.
    if (line.length * 3 > this.#longestRow) {
      this.#longestRow = Math.max(this.#longestRow, Buffer.byteLength(line));
    }
    this.#pending += line;
    this.#rows += 1;
    if (this.#pending.length >= BATCH_CHARS) this.#pushPending();
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.#pushPending();
    callback();
  }

  #pushPending(): void {
    if (this.#pending.length === 0) return;
    const chunk = Buffer.from(this.#pending, 'utf8');
    this.#pending = '';
    this.#bytes += chunk.length;
    this.push(chunk);
    this.#onBatch(this.#rows, this.#bytes);
  }
}

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    return value.length === 0 || NEEDS_QUOTES.test(value)
      ? `"${value.replaceAll('"', '""')}"`
      : value;
  }
  // -0 is a FLOAT/DOUBLE value of its own; String(-0) would drop the sign.
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  // Empty bytes quoted, like an empty string: an empty unquoted field is NULL.
  if (Buffer.isBuffer(value)) return value.length === 0 ? '""' : value.toString('hex');
  throw new TypeError(`the driver returned an unexpected ${typeof value} value`);
}

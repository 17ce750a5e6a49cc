import { Transform, type TransformCallback } from 'node:stream';

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Passes CSV bytes through and counts the rows in them, for progress while they stream, and
 * measures the longest row (the staging reader must be told). A newline ends a row only
 * outside quotes; inside a quoted field a doubled quote toggles the state twice, so tracking
 * quote parity across chunks is exact.
 */
export class CsvRowCounter extends Transform {
  #rows = 0;
  #bytes = 0;
  #quoted = false;
  #rowStart = 0;
  #longestRow = 0;
  readonly #onChunk: (rows: number, bytes: number) => void;

  constructor(onChunk: (rows: number, bytes: number) => void) {
    super();
    this.#onChunk = onChunk;
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

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#rows += this.#countRows(chunk);
    this.#bytes += chunk.length;
    this.#onChunk(this.#rows, this.#bytes);
    callback(null, chunk);
  }

  #countRows(chunk: Buffer): number {
    let rows = 0;
    let at = 0;
    while (at < chunk.length) {
      const quote = chunk.indexOf(QUOTE, at);
      if (this.#quoted) {
        if (quote < 0) break;
        this.#quoted = false;
        at = quote + 1;
        continue;
      }
      const end = quote < 0 ? chunk.length : quote;
      for (
        let nl = chunk.indexOf(NEWLINE, at);
        nl >= 0 && nl < end;
        nl = chunk.indexOf(NEWLINE, nl + 1)
      ) {
        rows += 1;
        this.#rowEnds(this.#bytes + nl + 1);
      }
      if (quote < 0) break;
      this.#quoted = true;
      at = quote + 1;
    }
    return rows;
  }

  /** A row ended just before `offset` (counted from the start of the stream). */
  #rowEnds(offset: number): void {
    this.#longestRow = Math.max(this.#longestRow, offset - this.#rowStart);
    this.#rowStart = offset;
  }
}

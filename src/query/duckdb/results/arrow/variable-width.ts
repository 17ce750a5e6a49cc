import type { DuckDBValue } from '@duckdb/node-api';
import { Binary, Utf8 } from 'apache-arrow';
import type { PresentValue } from '../json/json-value.js';
import { arrowData, validityOf, type ArrowEncoder } from './encoder.js';

/**
 * Utf8 from each value's text. Offsets are int32 as Arrow's Utf8 requires; a single chunk
 * (2,048 rows by default) is far from 2 GiB of text.
 */
export function utf8Encoder(toText: (value: PresentValue) => string): ArrowEncoder {
  const type = new Utf8();
  return {
    type,
    encode(values: readonly DuckDBValue[]) {
      const texts = values.map((value) => (value === null ? '' : toText(value)));
      let byteLength = 0;
      for (const text of texts) byteLength += Buffer.byteLength(text, 'utf8');
      const bytes = Buffer.alloc(byteLength); // zeroed: never ship stale heap bytes
      const offsets = new Int32Array(values.length + 1);
      let offset = 0;
      for (let i = 0; i < texts.length; i++) {
        offset += bytes.write(texts[i]!, offset, 'utf8');
        offsets[i + 1] = offset;
      }
      return arrowData(type, values.length, validityOf(values), { offsets, values: bytes });
    },
  };
}

/** Binary from each value's bytes (BLOB, GEOMETRY's WKB). */
export function binaryEncoder(toBytes: (value: PresentValue) => Uint8Array): ArrowEncoder {
  const type = new Binary();
  return {
    type,
    encode(values: readonly DuckDBValue[]) {
      const parts = values.map((value) => (value === null ? EMPTY : toBytes(value)));
      const offsets = new Int32Array(values.length + 1);
      for (let i = 0; i < parts.length; i++) offsets[i + 1] = offsets[i]! + parts[i]!.byteLength;
      const bytes = Buffer.concat(parts, offsets[parts.length]);
      return arrowData(type, values.length, validityOf(values), { offsets, values: bytes });
    },
  };
}

const EMPTY = new Uint8Array(0);

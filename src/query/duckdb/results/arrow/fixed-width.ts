import type { DuckDBValue } from '@duckdb/node-api';
import type { DataType } from 'apache-arrow';
import type { PresentValue } from '../json/json-value.js';
import { arrowData, validityOf, type ArrowEncoder } from './encoder.js';

/**
 * A fixed-width column: `allocate` makes zeroed storage for n rows, `write` fills a non-NULL
 * row's slot (NULL slots stay zero, as Arrow expects nothing of them), `finish` exposes the
 * storage as the typed array Arrow reads for `type`.
 */
export interface FixedWidthLayout<S> {
  allocate(length: number): S;
  write(storage: S, index: number, value: PresentValue): void;
  finish(storage: S): ArrayBufferView;
}

export function fixedWidthEncoder<S>(type: DataType, layout: FixedWidthLayout<S>): ArrowEncoder {
  return {
    type,
    encode(values: readonly DuckDBValue[]) {
      const storage = layout.allocate(values.length);
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        if (value !== null && value !== undefined) layout.write(storage, i, value);
      }
      return arrowData(type, values.length, validityOf(values), {
        values: layout.finish(storage),
      });
    },
  };
}

type NumberArray =
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/** One JS number per slot: the small integers, floats and DATE's day count. */
export function numberLayout<A extends NumberArray>(
  allocate: (length: number) => A,
  read: (value: PresentValue) => number,
): FixedWidthLayout<A> {
  return {
    allocate,
    write: (storage, index, value) => {
      storage[index] = read(value);
    },
    finish: (storage) => storage,
  };
}

/** One 64-bit integer per slot: BIGINT/UBIGINT and the tick counts of times and timestamps. */
export function bigintLayout<A extends BigInt64Array | BigUint64Array>(
  allocate: (length: number) => A,
  read: (value: PresentValue) => bigint,
): FixedWidthLayout<A> {
  return {
    allocate,
    write: (storage, index, value) => {
      storage[index] = read(value);
    },
    finish: (storage) => storage,
  };
}

/** Arrow's Bool is bit-packed like the validity bitmap. */
export function booleanLayout(
  read: (value: PresentValue) => boolean,
): FixedWidthLayout<Uint8Array> {
  return {
    allocate: (length) => new Uint8Array((length + 7) >> 3),
    write: (storage, index, value) => {
      if (read(value)) storage[index >> 3]! |= 1 << (index & 7);
    },
    finish: (storage) => storage,
  };
}

import type { DuckDBValue } from '@duckdb/node-api';
import { Data, type DataType, type Vector } from 'apache-arrow';

/**
 * Turns one column's values (a chunk's worth, or a nested child's flattened items) into Arrow
 * data of a fixed Arrow type. Built once per result column and reused for every chunk, so every
 * record batch carries the same types — and ENUM dictionaries — as the stream's schema.
 */
export interface ArrowEncoder {
  readonly type: DataType;
  /** Arrow data for `values` in order; `null` is SQL NULL. */
  encode(values: readonly DuckDBValue[]): Data;
}

export interface Validity {
  readonly nullCount: number;
  /** Arrow's validity bitmap (bit set = valid, LSB first); absent when nothing is NULL. */
  readonly nullBitmap: Uint8Array | undefined;
}

export function validityOf(values: readonly DuckDBValue[]): Validity {
  let nullCount = 0;
  for (const value of values) if (value === null) nullCount++;
  if (nullCount === 0) return { nullCount, nullBitmap: undefined };
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== null) nullBitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { nullCount, nullBitmap };
}

/**
 * Wraps finished buffers as Arrow data. Buffers are passed in Arrow's order (offsets, values,
 * validity), which is what `makeData` builds internally; calling the constructor directly lets
 * one helper serve every type, since makeData's overloads cannot accept a `DataType` in general.
 */
export function arrowData(
  type: DataType,
  length: number,
  validity: Validity,
  parts: { offsets?: Int32Array; values?: ArrayBufferView; children?: Data[]; dictionary?: Vector },
): Data {
  return new Data<DataType>(
    type,
    0,
    length,
    validity.nullCount,
    [parts.offsets, parts.values, validity.nullBitmap],
    parts.children ?? [],
    parts.dictionary,
  );
}

import type { DuckDBEnumType, DuckDBValue } from '@duckdb/node-api';
import { Dictionary, Int32, Utf8, vectorFromArray } from 'apache-arrow';
import { mismatch } from '../json/json-value.js';
import { arrowData, validityOf, type ArrowEncoder } from './encoder.js';

/**
 * ENUM → Dictionary<Int32, Utf8> whose dictionary is the enum's member list, in order. The
 * dictionary vector is built once and shared by every batch; Arrow JS's writer sends a
 * dictionary message only when a batch's dictionary differs from the last one sent, so the
 * members go over the wire once. Ordered, because DuckDB compares and sorts ENUM values by
 * member position, not by text. Int32 indices: signed as the Arrow spec prefers, and wide
 * enough for any ENUM DuckDB can build.
 */
export function enumEncoder(enumType: DuckDBEnumType): ArrowEncoder {
  const type = new Dictionary(new Utf8(), new Int32(), null, true);
  const dictionary = vectorFromArray([...enumType.values], new Utf8());
  const indexes = new Map(enumType.values.map((member, index) => [member, index]));
  return {
    type,
    encode(values: readonly DuckDBValue[]) {
      const keys = new Int32Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        if (value !== null && value !== undefined) keys[i] = indexOf(indexes, value);
      }
      return arrowData(type, values.length, validityOf(values), { values: keys, dictionary });
    },
  };
}

function indexOf(indexes: ReadonlyMap<string, number>, value: DuckDBValue): number {
  const index = typeof value === 'string' ? indexes.get(value) : undefined;
  return index ?? mismatch(value, 'ENUM member');
}

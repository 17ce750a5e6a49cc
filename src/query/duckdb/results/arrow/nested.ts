import {
  DuckDBArrayValue,
  DuckDBListValue,
  DuckDBMapValue,
  DuckDBStructValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import { Field, FixedSizeList, List, Map_, Struct } from 'apache-arrow';
import { mismatch } from '../json/json-value.js';
import { arrowData, validityOf, type ArrowEncoder } from './encoder.js';

/** LIST → List<item>: the rows' items flattened into one child, delimited by int32 offsets. */
export function listEncoder(item: ArrowEncoder): ArrowEncoder {
  const type = new List(new Field('item', item.type, true));
  return {
    type,
    encode(values: readonly DuckDBValue[]) {
      const offsets = new Int32Array(values.length + 1);
      const items: DuckDBValue[] = [];
      values.forEach((value, i) => {
        if (value !== null) items.push(...itemsOf(value));
        offsets[i + 1] = items.length;
      });
      const children = [item.encode(items)];
      return arrowData(type, values.length, validityOf(values), { offsets, children });
    },
  };
}

/** ARRAY(n) → FixedSizeList(n): a NULL row still owns n (NULL) child slots. */
export function fixedSizeListEncoder(item: ArrowEncoder, size: number): ArrowEncoder {
  const type = new FixedSizeList(size, new Field('item', item.type, true));
  const nullRow: readonly DuckDBValue[] = new Array<DuckDBValue>(size).fill(null);
  return {
    type,
    encode(values: readonly DuckDBValue[]) {
      const items = values.flatMap((value) => (value === null ? nullRow : itemsOf(value)));
      const children = [item.encode(items)];
      return arrowData(type, values.length, validityOf(values), { children });
    },
  };
}

export interface NamedEncoder {
  readonly name: string;
  readonly encoder: ArrowEncoder;
}

/** STRUCT → Struct: one child per field; a NULL struct's fields are NULL too. */
export function structEncoder(fields: readonly NamedEncoder[]): ArrowEncoder {
  const type = new Struct(fields.map(({ name, encoder }) => new Field(name, encoder.type, true)));
  return {
    type,
    encode(values: readonly DuckDBValue[]) {
      const children = fields.map(({ name, encoder }) =>
        encoder.encode(values.map((value) => (value === null ? null : fieldOf(value, name)))),
      );
      return arrowData(type, values.length, validityOf(values), { children });
    },
  };
}

/**
 * MAP → Arrow Map: List<entries: Struct<key, value>>, with a non-nullable key as Arrow requires
 * (DuckDB rejects NULL map keys too). Keys keep their own type, integers included.
 */
export function mapEncoder(key: ArrowEncoder, value: ArrowEncoder): ArrowEncoder {
  const entriesType = new Struct([
    new Field('key', key.type, false),
    new Field('value', value.type, true),
  ]);
  const type = new Map_(new Field('entries', entriesType, false), false);
  return {
    type,
    encode(values: readonly DuckDBValue[]) {
      const offsets = new Int32Array(values.length + 1);
      const keys: DuckDBValue[] = [];
      const items: DuckDBValue[] = [];
      values.forEach((map, i) => {
        for (const entry of map === null ? [] : entriesOf(map)) {
          keys.push(entry.key);
          items.push(entry.value);
        }
        offsets[i + 1] = keys.length;
      });
      const entries = arrowData(entriesType, keys.length, validityOf([]), {
        children: [key.encode(keys), value.encode(items)],
      });
      return arrowData(type, values.length, validityOf(values), { offsets, children: [entries] });
    },
  };
}

function itemsOf(value: DuckDBValue): readonly DuckDBValue[] {
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) return value.items;
  return mismatch(value, 'LIST');
}

function fieldOf(value: DuckDBValue, name: string): DuckDBValue {
  if (value instanceof DuckDBStructValue) return value.entries[name] ?? null;
  return mismatch(value, 'STRUCT');
}

function entriesOf(value: DuckDBValue): DuckDBMapValue['entries'] {
  if (value instanceof DuckDBMapValue) return value.entries;
  return mismatch(value, 'MAP');
}

import type { DuckDbType, StructField } from './duckdb-types.js';
import { foldIdentifier, quoteIdentifier } from './quote-identifier.js';
import type { Widening } from './widening.js';

type Widen = (first: DuckDbType, second: DuckDbType) => Widening;
type Sequence = Extract<DuckDbType, { kind: 'list' | 'array' }>;
type MapType = Extract<DuckDbType, { kind: 'map' }>;

/** Widens lists, arrays, structs and maps part by part; null when the shapes differ. */
export function widenNested(first: DuckDbType, second: DuckDbType, widen: Widen): Widening | null {
  if (isSequence(first) && isSequence(second)) return widenSequence(first, second, widen);
  if (first.kind === 'struct' && second.kind === 'struct') {
    return widenStruct(first.fields, second.fields, widen);
  }
  if (first.kind === 'map' && second.kind === 'map') return widenMap(first, second, widen);
  return null;
}

function isSequence(type: DuckDbType): type is Sequence {
  return type.kind === 'list' || type.kind === 'array';
}

/** Fixed-size arrays stay arrays only at one size; a list holds arrays of any size. */
function widenSequence(first: Sequence, second: Sequence, widen: Widen): Widening {
  const element = widen(first.element, second.element);
  if (!element.ok) return inContext('list element', element);
  const sameArray = first.kind === 'array' && second.kind === 'array' && first.size === second.size;
  const type: DuckDbType = sameArray
    ? { kind: 'array', element: element.type, size: first.size }
    : { kind: 'list', element: element.type };
  return { ok: true, type };
}

/**
 * Fields match by name, case-insensitively, and each pair must widen. Like columns in an
 * append, fields only one side has are kept (the other side's values read as NULL): the first
 * struct's fields lead in its order and spelling, then the second's new ones in theirs.
 */
function widenStruct(
  first: readonly StructField[],
  second: readonly StructField[],
  widen: Widen,
): Widening {
  const secondByName = new Map(second.map((field) => [foldIdentifier(field.name), field]));
  const fields: StructField[] = [];
  for (const field of first) {
    const counterpart = secondByName.get(foldIdentifier(field.name));
    const widened: Widening = counterpart
      ? widen(field.type, counterpart.type)
      : { ok: true, type: field.type };
    if (!widened.ok) return inContext(`field ${quoteIdentifier(field.name)}`, widened);
    fields.push({ name: field.name, type: widened.type });
  }
  const firstNames = new Set(first.map((field) => foldIdentifier(field.name)));
  fields.push(...second.filter((field) => !firstNames.has(foldIdentifier(field.name))));
  return { ok: true, type: { kind: 'struct', fields } };
}

function widenMap(first: MapType, second: MapType, widen: Widen): Widening {
  const key = widen(first.key, second.key);
  if (!key.ok) return inContext('map key', key);
  const value = widen(first.value, second.value);
  if (!value.ok) return inContext('map value', value);
  return { ok: true, type: { kind: 'map', key: key.type, value: value.type } };
}

function inContext(context: string, failure: Widening & { ok: false }): Widening {
  return { ok: false, reason: `${context}: ${failure.reason}` };
}

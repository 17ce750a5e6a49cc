import {
  DuckDBArrayValue,
  DuckDBListValue,
  DuckDBMapValue,
  DuckDBStructValue,
  DuckDBUnionValue,
  DuckDBVariantValue,
  type DuckDBType,
} from '@duckdb/node-api';
import { convertNullable, mismatch, type JsonValue, type ToJson } from './json-value.js';

/** LIST and ARRAY both become JSON arrays; NULL elements stay null. */
export function listToJson(element: ToJson): ToJson {
  return (value) =>
    value instanceof DuckDBListValue || value instanceof DuckDBArrayValue
      ? value.items.map((item) => convertNullable(item, element))
      : mismatch(value, 'LIST');
}

export interface NamedConverter {
  readonly name: string;
  readonly convert: ToJson;
}

/**
 * STRUCT becomes an object in field order. `Object.fromEntries` defines own properties, so a
 * field called '__proto__' stays a field instead of replacing the object's prototype.
 */
export function structToJson(fields: readonly NamedConverter[]): ToJson {
  return (value) => {
    if (!(value instanceof DuckDBStructValue)) return mismatch(value, 'STRUCT');
    const { entries } = value;
    return Object.fromEntries(
      fields.map(({ name, convert }) => [name, convertNullable(entries[name] ?? null, convert)]),
    );
  };
}

/**
 * MAP becomes [{key, value}, …] rather than an object: DuckDB map keys can be integers, dates or
 * structs, and an object would stringify them and collide ('1' vs 1).
 */
export function mapToJson(key: ToJson, entryValue: ToJson): ToJson {
  return (value) =>
    value instanceof DuckDBMapValue
      ? value.entries.map((entry) => ({
          key: convertNullable(entry.key, key),
          value: convertNullable(entry.value, entryValue),
        }))
      : mismatch(value, 'MAP');
}

/** UNION becomes {tag: value}, the shape DuckDB's own to_json() gives it. */
export function unionToJson(members: readonly NamedConverter[]): ToJson {
  const byTag = new Map(members.map(({ name, convert }) => [name, convert]));
  return (value) => {
    if (!(value instanceof DuckDBUnionValue)) return mismatch(value, 'UNION');
    const convert = byTag.get(value.tag) ?? mismatch(value.tag, 'UNION member tag');
    return Object.fromEntries([[value.tag, convertNullable(value.value, convert)]]);
  };
}

/**
 * VARIANT: each row carries its own type (node-api recovers it from the variant's tag), so the
 * converter is chosen per value. Without a recorded type there is no safe reading; fall back to
 * the value's text.
 */
export function variantToJson(converterFor: (type: DuckDBType) => ToJson): ToJson {
  return (value): JsonValue => {
    if (!(value instanceof DuckDBVariantValue)) return mismatch(value, 'VARIANT');
    if (value.value === null) return null;
    return value.type ? converterFor(value.type)(value.value) : String(value.value);
  };
}

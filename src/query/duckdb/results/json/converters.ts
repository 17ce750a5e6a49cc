import { DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';
import type { ToJson } from './json-value.js';
import { listToJson, mapToJson, structToJson, unionToJson, variantToJson } from './nested.js';
import * as scalar from './scalars.js';
import * as temporal from './temporal-values.js';

type TypeWithId<K extends DuckDBTypeId> = Extract<DuckDBType, { readonly typeId: K }>;

/** One entry per DuckDB type id: a type added to node-api is a compile error here. */
type ConverterTable = { readonly [K in DuckDBTypeId]: (type: TypeWithId<K>) => ToJson };

const CONVERTERS: ConverterTable = {
  [DuckDBTypeId.BOOLEAN]: () => scalar.booleanToJson,
  [DuckDBTypeId.TINYINT]: () => scalar.integerToJson,
  [DuckDBTypeId.SMALLINT]: () => scalar.integerToJson,
  [DuckDBTypeId.INTEGER]: () => scalar.integerToJson,
  [DuckDBTypeId.UTINYINT]: () => scalar.integerToJson,
  [DuckDBTypeId.USMALLINT]: () => scalar.integerToJson,
  [DuckDBTypeId.UINTEGER]: () => scalar.integerToJson,
  [DuckDBTypeId.BIGINT]: () => scalar.bigintToJson,
  [DuckDBTypeId.UBIGINT]: () => scalar.bigintToJson,
  [DuckDBTypeId.HUGEINT]: () => scalar.bigintToJson,
  [DuckDBTypeId.UHUGEINT]: () => scalar.bigintToJson,
  [DuckDBTypeId.BIGNUM]: () => scalar.bigintToJson,
  [DuckDBTypeId.FLOAT]: () => scalar.floatValueToJson,
  [DuckDBTypeId.DOUBLE]: () => scalar.doubleValueToJson,
  [DuckDBTypeId.DECIMAL]: () => scalar.decimalValueToJson,
  [DuckDBTypeId.VARCHAR]: () => scalar.stringToJson,
  [DuckDBTypeId.ENUM]: () => scalar.stringToJson,
  [DuckDBTypeId.UUID]: () => scalar.uuidToJson,
  [DuckDBTypeId.BIT]: () => scalar.bitToJson,
  [DuckDBTypeId.BLOB]: () => scalar.blobToJson,
  [DuckDBTypeId.GEOMETRY]: () => scalar.geometryToJson,
  [DuckDBTypeId.DATE]: () => temporal.dateToJson,
  [DuckDBTypeId.TIME]: () => temporal.timeToJson,
  [DuckDBTypeId.TIME_NS]: () => temporal.timeNsToJson,
  [DuckDBTypeId.TIME_TZ]: () => temporal.timeTzToJson,
  [DuckDBTypeId.TIMESTAMP]: () => temporal.timestampToJson,
  [DuckDBTypeId.TIMESTAMP_S]: () => temporal.timestampSecondsToJson,
  [DuckDBTypeId.TIMESTAMP_MS]: () => temporal.timestampMillisToJson,
  [DuckDBTypeId.TIMESTAMP_NS]: () => temporal.timestampNanosToJson,
  [DuckDBTypeId.TIMESTAMP_TZ]: () => temporal.timestampTzToJson,
  [DuckDBTypeId.INTERVAL]: () => temporal.intervalToJson,
  [DuckDBTypeId.LIST]: (type) => listToJson(jsonConverterFor(type.valueType)),
  [DuckDBTypeId.ARRAY]: (type) => listToJson(jsonConverterFor(type.valueType)),
  [DuckDBTypeId.STRUCT]: (type) =>
    structToJson(type.entryNames.map((name, i) => named(name, type.entryTypes[i]))),
  [DuckDBTypeId.MAP]: (type) =>
    mapToJson(jsonConverterFor(type.keyType), jsonConverterFor(type.valueType)),
  [DuckDBTypeId.UNION]: (type) =>
    unionToJson(type.memberTags.map((tag, i) => named(tag, type.memberTypes[i]))),
  [DuckDBTypeId.VARIANT]: () => variantToJson(jsonConverterFor),
  // A bare NULL literal's column; every value in it is NULL, which callers handle.
  [DuckDBTypeId.SQLNULL]: () => () => null,
  // Binder-only types: DuckDB resolves them before a result exists.
  [DuckDBTypeId.INVALID]: unsupported,
  [DuckDBTypeId.ANY]: unsupported,
  [DuckDBTypeId.STRING_LITERAL]: unsupported,
  [DuckDBTypeId.INTEGER_LITERAL]: unsupported,
};

/** The JSON converter for non-NULL values of `type`, nested types included. */
export function jsonConverterFor(type: DuckDBType): ToJson {
  // TS cannot correlate `type.typeId` with the table's per-key parameter type; the table's
  // mapped type guarantees each entry accepts exactly the type carrying that id.
  const build = CONVERTERS[type.typeId] as (type: DuckDBType) => ToJson;
  return build(type);
}

function named(name: string, type: DuckDBType | undefined) {
  if (type === undefined) throw new Error(`DuckDB type has no type for member ${name}`);
  return { name, convert: jsonConverterFor(type) };
}

function unsupported(type: DuckDBType): never {
  throw new Error(`DuckDB type ${type.toString()} cannot appear in a query result`);
}

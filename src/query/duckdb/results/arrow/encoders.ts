import { DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import { enumEncoder } from './dictionary.js';
import type { ArrowEncoder } from './encoder.js';
import { fixedSizeListEncoder, listEncoder, mapEncoder, structEncoder } from './nested.js';
import * as read from './readers.js';
import * as scalar from './scalar-encoders.js';
import { binaryEncoder, utf8Encoder } from './variable-width.js';

type TypeWithId<K extends DuckDBTypeId> = Extract<DuckDBType, { readonly typeId: K }>;

/** One entry per DuckDB type id: a type added to node-api is a compile error here. */
type EncoderTable = { readonly [K in DuckDBTypeId]: (type: TypeWithId<K>) => ArrowEncoder };

const ENCODERS: EncoderTable = {
  [DuckDBTypeId.BOOLEAN]: () => scalar.boolEncoder(),
  [DuckDBTypeId.TINYINT]: () => scalar.numberEncoder(new arrow.Int8(), (n) => new Int8Array(n)),
  [DuckDBTypeId.SMALLINT]: () => scalar.numberEncoder(new arrow.Int16(), (n) => new Int16Array(n)),
  [DuckDBTypeId.INTEGER]: () => scalar.numberEncoder(new arrow.Int32(), (n) => new Int32Array(n)),
  [DuckDBTypeId.UTINYINT]: () => scalar.numberEncoder(new arrow.Uint8(), (n) => new Uint8Array(n)),
  [DuckDBTypeId.USMALLINT]: () =>
    scalar.numberEncoder(new arrow.Uint16(), (n) => new Uint16Array(n)),
  [DuckDBTypeId.UINTEGER]: () =>
    scalar.numberEncoder(new arrow.Uint32(), (n) => new Uint32Array(n)),
  [DuckDBTypeId.FLOAT]: () => scalar.numberEncoder(new arrow.Float32(), (n) => new Float32Array(n)),
  [DuckDBTypeId.DOUBLE]: () =>
    scalar.numberEncoder(new arrow.Float64(), (n) => new Float64Array(n)),
  [DuckDBTypeId.BIGINT]: () => scalar.int64Encoder(new arrow.Int64(), read.readBigint),
  [DuckDBTypeId.UBIGINT]: () => scalar.uint64Encoder(),
  // HUGEINT is what SUM(BIGINT) returns, so it stays numeric: Decimal128(38,0), as DuckDB's own
  // Arrow export maps it. Only |v| ≥ 10^38, the top ~40% of the range, exceeds the declared
  // precision; the 128 bits still hold it exactly and Arrow readers do not reject it on read.
  [DuckDBTypeId.HUGEINT]: () => scalar.decimal128Encoder(38, 0, read.readBigint),
  // UHUGEINT (to 2^128 − 1) cannot fit a signed 128-bit slot; BIGNUM is unbounded.
  [DuckDBTypeId.UHUGEINT]: () => utf8Encoder(String),
  [DuckDBTypeId.BIGNUM]: () => utf8Encoder(String),
  [DuckDBTypeId.DECIMAL]: (type) =>
    scalar.decimal128Encoder(type.width, type.scale, read.readScaledDecimal),
  [DuckDBTypeId.VARCHAR]: () => utf8Encoder(read.readString),
  [DuckDBTypeId.ENUM]: (type) => enumEncoder(type),
  [DuckDBTypeId.UUID]: () => utf8Encoder(String),
  [DuckDBTypeId.BIT]: () => utf8Encoder(String),
  [DuckDBTypeId.BLOB]: () => binaryEncoder(read.readBytes),
  [DuckDBTypeId.GEOMETRY]: () => binaryEncoder(read.readBytes),
  [DuckDBTypeId.DATE]: () => scalar.dateDayEncoder(),
  [DuckDBTypeId.TIME]: () => scalar.int64Encoder(new arrow.TimeMicrosecond(), read.readTimeMicros),
  [DuckDBTypeId.TIME_NS]: () => scalar.int64Encoder(new arrow.TimeNanosecond(), read.readTimeNanos),
  [DuckDBTypeId.TIME_TZ]: () => scalar.timeTzEncoder(),
  [DuckDBTypeId.TIMESTAMP]: () =>
    scalar.int64Encoder(new arrow.TimestampMicrosecond(), read.readTimestampMicros),
  [DuckDBTypeId.TIMESTAMP_S]: () =>
    scalar.int64Encoder(new arrow.TimestampSecond(), read.readTimestampSeconds),
  [DuckDBTypeId.TIMESTAMP_MS]: () =>
    scalar.int64Encoder(new arrow.TimestampMillisecond(), read.readTimestampMillis),
  [DuckDBTypeId.TIMESTAMP_NS]: () =>
    scalar.int64Encoder(new arrow.TimestampNanosecond(), read.readTimestampNanos),
  [DuckDBTypeId.TIMESTAMP_TZ]: () =>
    scalar.int64Encoder(new arrow.TimestampMicrosecond('UTC'), read.readTimestampMicros),
  [DuckDBTypeId.INTERVAL]: () => scalar.intervalEncoder(),
  [DuckDBTypeId.LIST]: (type) => listEncoder(arrowEncoderFor(type.valueType)),
  [DuckDBTypeId.ARRAY]: (type) =>
    fixedSizeListEncoder(arrowEncoderFor(type.valueType), type.length),
  [DuckDBTypeId.STRUCT]: (type) =>
    structEncoder(type.entryNames.map((name, i) => named(name, type.entryTypes[i]))),
  [DuckDBTypeId.MAP]: (type) =>
    mapEncoder(arrowEncoderFor(type.keyType), arrowEncoderFor(type.valueType)),
  // Arrow JS's union support cannot express DuckDB's tagged union faithfully, and VARIANT types
  // each row separately; both go as the JSON text the JSON endpoints serve.
  [DuckDBTypeId.UNION]: (type) => scalar.jsonTextEncoder(type),
  [DuckDBTypeId.VARIANT]: (type) => scalar.jsonTextEncoder(type),
  [DuckDBTypeId.SQLNULL]: () => scalar.nullEncoder(),
  // Binder-only types: DuckDB resolves them before a result exists.
  [DuckDBTypeId.INVALID]: unsupported,
  [DuckDBTypeId.ANY]: unsupported,
  [DuckDBTypeId.STRING_LITERAL]: unsupported,
  [DuckDBTypeId.INTEGER_LITERAL]: unsupported,
};

/** The Arrow encoder for a column of `type`, nested types included. */
export function arrowEncoderFor(type: DuckDBType): ArrowEncoder {
  // As in json/converters.ts: the mapped table type guarantees each entry accepts its own type.
  const build = ENCODERS[type.typeId] as (type: DuckDBType) => ArrowEncoder;
  return build(type);
}

function named(name: string, type: DuckDBType | undefined) {
  if (type === undefined) throw new Error(`DuckDB type has no type for member ${name}`);
  return { name, encoder: arrowEncoderFor(type) };
}

function unsupported(type: DuckDBType): never {
  throw new Error(`DuckDB type ${type.toString()} cannot appear in a query result`);
}

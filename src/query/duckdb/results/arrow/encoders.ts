import { DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import { jsonConverterFor } from '../json/converters.js';
import type { PresentValue } from '../json/json-value.js';
import { timeTzToJson } from '../json/temporal-values.js';
import { enumEncoder } from './dictionary.js';
import { arrowData, type ArrowEncoder } from './encoder.js';
import { bigintLayout, booleanLayout, fixedWidthEncoder, numberLayout } from './fixed-width.js';
import { fixedSizeListEncoder, listEncoder, mapEncoder, structEncoder } from './nested.js';
import * as read from './readers.js';
import { binaryEncoder, utf8Encoder } from './variable-width.js';
import { int128Layout, intervalLayout } from './wide-values.js';

type TypeWithId<K extends DuckDBTypeId> = Extract<DuckDBType, { readonly typeId: K }>;

/** One entry per DuckDB type id: a type added to node-api is a compile error here. */
type EncoderTable = { readonly [K in DuckDBTypeId]: (type: TypeWithId<K>) => ArrowEncoder };

const ENCODERS: EncoderTable = {
  [DuckDBTypeId.BOOLEAN]: () =>
    fixedWidthEncoder(new arrow.Bool(), booleanLayout(read.readBoolean)),
  [DuckDBTypeId.TINYINT]: () => small(new arrow.Int8(), (n) => new Int8Array(n)),
  [DuckDBTypeId.SMALLINT]: () => small(new arrow.Int16(), (n) => new Int16Array(n)),
  [DuckDBTypeId.INTEGER]: () => small(new arrow.Int32(), (n) => new Int32Array(n)),
  [DuckDBTypeId.UTINYINT]: () => small(new arrow.Uint8(), (n) => new Uint8Array(n)),
  [DuckDBTypeId.USMALLINT]: () => small(new arrow.Uint16(), (n) => new Uint16Array(n)),
  [DuckDBTypeId.UINTEGER]: () => small(new arrow.Uint32(), (n) => new Uint32Array(n)),
  [DuckDBTypeId.FLOAT]: () => small(new arrow.Float32(), (n) => new Float32Array(n)),
  [DuckDBTypeId.DOUBLE]: () => small(new arrow.Float64(), (n) => new Float64Array(n)),
  [DuckDBTypeId.BIGINT]: () => wide(new arrow.Int64(), read.readBigint),
  [DuckDBTypeId.UBIGINT]: () =>
    fixedWidthEncoder(
      new arrow.Uint64(),
      bigintLayout((n) => new BigUint64Array(n), read.readBigint),
    ),
  // HUGEINT is what SUM(BIGINT) returns, so it stays numeric: Decimal128(38,0), DuckDB's own
  // Arrow mapping. Only |v| ≥ 10^38 (the top of the range) exceeds the declared precision; the
  // 128 bits still hold it exactly. UHUGEINT cannot fit a signed 128-bit slot at all.
  [DuckDBTypeId.HUGEINT]: () =>
    fixedWidthEncoder(new arrow.Decimal(0, 38, 128), int128Layout(read.readBigint)),
  [DuckDBTypeId.UHUGEINT]: () => utf8Encoder(String),
  [DuckDBTypeId.BIGNUM]: () => utf8Encoder(String),
  [DuckDBTypeId.DECIMAL]: (type) =>
    fixedWidthEncoder(
      new arrow.Decimal(type.scale, type.width, 128),
      int128Layout(read.readScaledDecimal),
    ),
  [DuckDBTypeId.VARCHAR]: () => utf8Encoder(read.readString),
  [DuckDBTypeId.ENUM]: (type) => enumEncoder(type),
  [DuckDBTypeId.UUID]: () => utf8Encoder(String),
  [DuckDBTypeId.BIT]: () => utf8Encoder(String),
  [DuckDBTypeId.BLOB]: () => binaryEncoder(read.readBytes),
  [DuckDBTypeId.GEOMETRY]: () => binaryEncoder(read.readBytes),
  [DuckDBTypeId.DATE]: () =>
    fixedWidthEncoder(
      new arrow.DateDay(),
      numberLayout((n) => new Int32Array(n), read.readDateDays),
    ),
  [DuckDBTypeId.TIME]: () => wide(new arrow.TimeMicrosecond(), read.readTimeMicros),
  [DuckDBTypeId.TIME_NS]: () => wide(new arrow.TimeNanosecond(), read.readTimeNanos),
  // Arrow has no time-with-offset type; the ISO text keeps both parts.
  [DuckDBTypeId.TIME_TZ]: () => utf8Encoder(timeTzToJsonText),
  [DuckDBTypeId.TIMESTAMP]: () => wide(new arrow.TimestampMicrosecond(), read.readTimestampMicros),
  [DuckDBTypeId.TIMESTAMP_S]: () => wide(new arrow.TimestampSecond(), read.readTimestampSeconds),
  [DuckDBTypeId.TIMESTAMP_MS]: () =>
    wide(new arrow.TimestampMillisecond(), read.readTimestampMillis),
  [DuckDBTypeId.TIMESTAMP_NS]: () => wide(new arrow.TimestampNanosecond(), read.readTimestampNanos),
  [DuckDBTypeId.TIMESTAMP_TZ]: () =>
    wide(new arrow.TimestampMicrosecond('UTC'), read.readTimestampMicros),
  [DuckDBTypeId.INTERVAL]: () =>
    fixedWidthEncoder(new arrow.IntervalMonthDayNano(), intervalLayout(read.readInterval)),
  [DuckDBTypeId.LIST]: (type) => listEncoder(arrowEncoderFor(type.valueType)),
  [DuckDBTypeId.ARRAY]: (type) =>
    fixedSizeListEncoder(arrowEncoderFor(type.valueType), type.length),
  [DuckDBTypeId.STRUCT]: (type) =>
    structEncoder(type.entryNames.map((name, i) => named(name, type.entryTypes[i]))),
  [DuckDBTypeId.MAP]: (type) =>
    mapEncoder(arrowEncoderFor(type.keyType), arrowEncoderFor(type.valueType)),
  // A sparse/dense Union or a per-row-typed VARIANT has no faithful Arrow JS mapping; both go
  // as their JSON text (the same JSON the JSON endpoints serve).
  [DuckDBTypeId.UNION]: (type) => jsonText(type),
  [DuckDBTypeId.VARIANT]: (type) => jsonText(type),
  [DuckDBTypeId.SQLNULL]: () => nullEncoder(),
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

function small(type: arrow.DataType, allocate: Parameters<typeof numberLayout>[0]): ArrowEncoder {
  return fixedWidthEncoder(type, numberLayout(allocate, read.readNumber));
}

function wide(type: arrow.DataType, readValue: (value: PresentValue) => bigint): ArrowEncoder {
  return fixedWidthEncoder(
    type,
    bigintLayout((n) => new BigInt64Array(n), readValue),
  );
}

function timeTzToJsonText(value: PresentValue): string {
  return String(timeTzToJson(value));
}

function jsonText(type: DuckDBType): ArrowEncoder {
  const convert = jsonConverterFor(type);
  return utf8Encoder((value) => JSON.stringify(convert(value)));
}

function nullEncoder(): ArrowEncoder {
  const type = new arrow.Null();
  return {
    type,
    encode: (values) =>
      arrowData(type, values.length, { nullCount: values.length, nullBitmap: undefined }, {}),
  };
}

function named(name: string, type: DuckDBType | undefined) {
  if (type === undefined) throw new Error(`DuckDB type has no type for member ${name}`);
  return { name, encoder: arrowEncoderFor(type) };
}

function unsupported(type: DuckDBType): never {
  throw new Error(`DuckDB type ${type.toString()} cannot appear in a query result`);
}

import type { DuckDBType } from '@duckdb/node-api';
import * as arrow from 'apache-arrow';
import { jsonConverterFor } from '../json/converters.js';
import type { PresentValue } from '../json/json-value.js';
import { timeTzToJson } from '../json/temporal-values.js';
import { arrowData, type ArrowEncoder } from './encoder.js';
import { bigintLayout, booleanLayout, fixedWidthEncoder, numberLayout } from './fixed-width.js';
import * as read from './readers.js';
import { utf8Encoder } from './variable-width.js';
import { int128Layout, intervalLayout } from './wide-values.js';

type NumberArrayFactory = Parameters<typeof numberLayout>[0];

export const boolEncoder = (): ArrowEncoder =>
  fixedWidthEncoder(new arrow.Bool(), booleanLayout(read.readBoolean));

/** 8–32-bit integers and floats: node-api reads them as JS numbers, stored as-is. */
export const numberEncoder = (type: arrow.DataType, allocate: NumberArrayFactory): ArrowEncoder =>
  fixedWidthEncoder(type, numberLayout(allocate, read.readNumber));

/** Int64 and every 64-bit tick count (TIME, TIMESTAMP*) — DuckDB's units are Arrow's. */
export const int64Encoder = (
  type: arrow.DataType,
  readValue: (value: PresentValue) => bigint,
): ArrowEncoder =>
  fixedWidthEncoder(
    type,
    bigintLayout((n) => new BigInt64Array(n), readValue),
  );

export const uint64Encoder = (): ArrowEncoder =>
  fixedWidthEncoder(
    new arrow.Uint64(),
    bigintLayout((n) => new BigUint64Array(n), read.readBigint),
  );

/** Decimal128(precision, scale) from the scaled 128-bit integer. */
export const decimal128Encoder = (
  precision: number,
  scale: number,
  readValue: (value: PresentValue) => bigint,
): ArrowEncoder =>
  fixedWidthEncoder(new arrow.Decimal(scale, precision, 128), int128Layout(readValue));

export const dateDayEncoder = (): ArrowEncoder =>
  fixedWidthEncoder(
    new arrow.DateDay(),
    numberLayout((n) => new Int32Array(n), read.readDateDays),
  );

export const intervalEncoder = (): ArrowEncoder =>
  fixedWidthEncoder(new arrow.IntervalMonthDayNano(), intervalLayout(read.readInterval));

/** Arrow has no time-with-offset type; the ISO text ('12:30:00+05:30') keeps both parts. */
export const timeTzEncoder = (): ArrowEncoder =>
  utf8Encoder((value) => String(timeTzToJson(value)));

/**
 * Utf8 holding the value's JSON text (strings quoted, so '1' and 1 stay apart), for types Arrow
 * JS has no faithful mapping for.
 */
export function jsonTextEncoder(type: DuckDBType): ArrowEncoder {
  const convert = jsonConverterFor(type);
  return utf8Encoder((value) => JSON.stringify(convert(value)));
}

/** A column of a bare NULL literal: Arrow's Null type has no buffers at all. */
export function nullEncoder(): ArrowEncoder {
  const type = new arrow.Null();
  return {
    type,
    encode: (values) =>
      arrowData(type, values.length, { nullCount: values.length, nullBitmap: undefined }, {}),
  };
}

import {
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBGeometryValue,
  DuckDBIntervalValue,
  DuckDBTimeNSValue,
  DuckDBTimeValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
} from '@duckdb/node-api';
import { mismatch, type PresentValue } from '../json/json-value.js';

/**
 * The raw storage value behind each node-api value class. Arrow's temporal and decimal types
 * share DuckDB's physical encodings (day counts, tick counts since the epoch, scaled integers),
 * so these go across unchanged — including DuckDB's ±infinity sentinels, which stay the
 * int32/int64 extremes exactly as DuckDB's own Arrow export writes them.
 */
export const readNumber = (value: PresentValue): number =>
  typeof value === 'number' ? value : mismatch(value, 'number');

export const readBigint = (value: PresentValue): bigint =>
  typeof value === 'bigint' ? value : mismatch(value, 'bigint');

export const readBoolean = (value: PresentValue): boolean =>
  typeof value === 'boolean' ? value : mismatch(value, 'boolean');

export const readString = (value: PresentValue): string =>
  typeof value === 'string' ? value : mismatch(value, 'string');

export const readScaledDecimal = (value: PresentValue): bigint =>
  value instanceof DuckDBDecimalValue ? value.value : mismatch(value, 'DECIMAL');

export const readDateDays = (value: PresentValue): number =>
  value instanceof DuckDBDateValue ? value.days : mismatch(value, 'DATE');

export const readTimeMicros = (value: PresentValue): bigint =>
  value instanceof DuckDBTimeValue ? value.micros : mismatch(value, 'TIME');

export const readTimeNanos = (value: PresentValue): bigint =>
  value instanceof DuckDBTimeNSValue ? value.nanos : mismatch(value, 'TIME_NS');

export const readTimestampMicros = (value: PresentValue): bigint =>
  value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue
    ? value.micros
    : mismatch(value, 'TIMESTAMP');

export const readTimestampSeconds = (value: PresentValue): bigint =>
  value instanceof DuckDBTimestampSecondsValue ? value.seconds : mismatch(value, 'TIMESTAMP_S');

export const readTimestampMillis = (value: PresentValue): bigint =>
  value instanceof DuckDBTimestampMillisecondsValue
    ? value.millis
    : mismatch(value, 'TIMESTAMP_MS');

export const readTimestampNanos = (value: PresentValue): bigint =>
  value instanceof DuckDBTimestampNanosecondsValue ? value.nanos : mismatch(value, 'TIMESTAMP_NS');

export const readInterval = (value: PresentValue): DuckDBIntervalValue =>
  value instanceof DuckDBIntervalValue ? value : mismatch(value, 'INTERVAL');

export const readBytes = (value: PresentValue): Uint8Array =>
  value instanceof DuckDBBlobValue || value instanceof DuckDBGeometryValue
    ? value.bytes
    : mismatch(value, 'BLOB');

import {
  DuckDBDateValue,
  DuckDBIntervalValue,
  DuckDBTimeNSValue,
  DuckDBTimeTZValue,
  DuckDBTimeValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
} from '@duckdb/node-api';
import { formatDateDays } from './calendar.js';
import { formatClock, formatUtcOffset } from './clock.js';
import { formatIsoDuration } from './duration.js';
import { mismatch, type ToJson } from './json-value.js';
import { formatTimestamp, MICROS, MILLIS, NANOS, SECONDS } from './timestamp.js';

export const dateToJson: ToJson = (value) =>
  value instanceof DuckDBDateValue ? formatDateDays(value.days) : mismatch(value, 'DATE');

export const timeToJson: ToJson = (value) =>
  value instanceof DuckDBTimeValue ? formatClock(Number(value.micros), 6) : mismatch(value, 'TIME');

export const timeNsToJson: ToJson = (value) =>
  value instanceof DuckDBTimeNSValue
    ? formatClock(Number(value.nanos), 9)
    : mismatch(value, 'TIME_NS');

/** TIMETZ keeps its own offset: it is a wall-clock time, not an instant that could go to UTC. */
export const timeTzToJson: ToJson = (value) =>
  value instanceof DuckDBTimeTZValue
    ? formatClock(Number(value.micros), 6) + formatUtcOffset(value.offset)
    : mismatch(value, 'TIMETZ');

export const timestampToJson: ToJson = (value) =>
  value instanceof DuckDBTimestampValue
    ? formatTimestamp(value.micros, MICROS, '')
    : mismatch(value, 'TIMESTAMP');

export const timestampSecondsToJson: ToJson = (value) =>
  value instanceof DuckDBTimestampSecondsValue
    ? formatTimestamp(value.seconds, SECONDS, '')
    : mismatch(value, 'TIMESTAMP_S');

export const timestampMillisToJson: ToJson = (value) =>
  value instanceof DuckDBTimestampMillisecondsValue
    ? formatTimestamp(value.millis, MILLIS, '')
    : mismatch(value, 'TIMESTAMP_MS');

export const timestampNanosToJson: ToJson = (value) =>
  value instanceof DuckDBTimestampNanosecondsValue
    ? formatTimestamp(value.nanos, NANOS, '')
    : mismatch(value, 'TIMESTAMP_NS');

/**
 * TIMESTAMPTZ is an instant (micros since the epoch, UTC). node-api's toString renders it in the
 * *process's* zone; this always writes UTC with 'Z', whatever TZ or DuckDB's TimeZone setting.
 */
export const timestampTzToJson: ToJson = (value) =>
  value instanceof DuckDBTimestampTZValue
    ? formatTimestamp(value.micros, MICROS, 'Z')
    : mismatch(value, 'TIMESTAMPTZ');

export const intervalToJson: ToJson = (value) =>
  value instanceof DuckDBIntervalValue
    ? formatIsoDuration(value.months, value.days, value.micros)
    : mismatch(value, 'INTERVAL');

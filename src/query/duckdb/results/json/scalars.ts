import {
  DuckDBBlobValue,
  DuckDBDecimalValue,
  DuckDBGeometryValue,
  DuckDBUUIDValue,
} from '@duckdb/node-api';
import { mismatch, type ToJson } from './json-value.js';
import { decimalToString, doubleToJson, floatToJson } from './numbers.js';

export const booleanToJson: ToJson = (value) =>
  typeof value === 'boolean' ? value : mismatch(value, 'boolean');

/** TINYINT…INTEGER and their unsigned forms: node-api reads them as JS numbers, all exact. */
export const integerToJson: ToJson = (value) =>
  typeof value === 'number' ? value : mismatch(value, 'number');

export const floatValueToJson: ToJson = (value) =>
  typeof value === 'number' ? floatToJson(value) : mismatch(value, 'float');

export const doubleValueToJson: ToJson = (value) =>
  typeof value === 'number' ? doubleToJson(value) : mismatch(value, 'double');

/** BIGINT, UBIGINT, HUGEINT, UHUGEINT, BIGNUM: node-api gives a bigint; JSON gets its digits. */
export const bigintToJson: ToJson = (value) =>
  typeof value === 'bigint' ? value.toString() : mismatch(value, 'bigint');

export const decimalValueToJson: ToJson = (value) =>
  value instanceof DuckDBDecimalValue
    ? decimalToString(value.value, value.scale)
    : mismatch(value, 'DECIMAL');

/** VARCHAR, and ENUM, which node-api already resolves to its member's text. */
export const stringToJson: ToJson = (value) =>
  typeof value === 'string' ? value : mismatch(value, 'string');

export const uuidToJson: ToJson = (value) =>
  value instanceof DuckDBUUIDValue ? value.toString() : mismatch(value, 'UUID');

/** BIT as its '0'/'1' text, the form DuckDB casts it to. */
export const bitToJson: ToJson = (value) => String(value);

export const blobToJson: ToJson = (value) =>
  value instanceof DuckDBBlobValue ? toBase64(value.bytes) : mismatch(value, 'BLOB');

/** GEOMETRY as base64 of its WKB bytes, like BLOB: no lossy text form is invented here. */
export const geometryToJson: ToJson = (value) =>
  value instanceof DuckDBGeometryValue ? toBase64(value.bytes) : mismatch(value, 'GEOMETRY');

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

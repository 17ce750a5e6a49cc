/**
 * Query results in every output format the query API serves, converted chunk by chunk from a
 * streaming DuckDB result so a large result is never held whole. Type mappings: README.md here.
 */
export { resultColumns, type ResultColumn } from './columns.js';
export { chunkToJsonRows, readJsonRows } from './json/rows.js';
export type { JsonValue } from './json/json-value.js';
export { csvChunks, type CsvOptions } from './csv.js';
export { ndjsonChunks } from './ndjson.js';
export { arrowIpcChunks } from './arrow/ipc.js';

import type { DuckDBResult } from '@duckdb/node-api';
import { dataChunks } from './chunks.js';
import { JsonChunkConverter } from './json/rows.js';
import type { JsonValue } from './json/json-value.js';

export interface CsvOptions {
  /** Write the column names as the first record (default true). */
  readonly header?: boolean;
}

/**
 * RFC 4180 CSV, one piece per chunk (the header, when written, is its own first piece). Records
 * end in CRLF. Values are their JSON form: numbers and booleans as JSON writes them, BIGINT and
 * DECIMAL as exact digits, nested values as JSON text. NULL is an empty field and the empty
 * string is `""`, so the two stay distinguishable (DuckDB's COPY … (FORMAT csv) does the same).
 */
export async function* csvChunks(
  result: DuckDBResult,
  options: CsvOptions = {},
): AsyncGenerator<string> {
  if (options.header ?? true) yield csvRecord(result.columnNames());
  const converter = new JsonChunkConverter(result.columnTypes());
  // join() returns a flat string; `+=` would build a rope that holds ~8x its text in memory.
  for await (const chunk of dataChunks(result)) yield converter.rows(chunk).map(csvRecord).join('');
}

function csvRecord(values: readonly JsonValue[]): string {
  let record = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) record += ',';
    record += csvField(values[i] ?? null);
  }
  return `${record}\r\n`;
}

/** RFC 4180 §2.6–2.7: quote a field holding a comma, quote, CR or LF; double inner quotes. */
const NEEDS_QUOTES = /[",\r\n]/;

function csvField(value: JsonValue): string {
  if (value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (text === '') return '""';
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

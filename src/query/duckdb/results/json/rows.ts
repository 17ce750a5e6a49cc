import type { DuckDBDataChunk, DuckDBResult, DuckDBType } from '@duckdb/node-api';
import { dataChunks } from '../chunks.js';
import type { ResultColumn } from '../columns.js';
import { jsonConverterFor } from './converters.js';
import type { JsonValue, ToJson } from './json-value.js';

/**
 * Converts chunks of one result: a converter per column, built once. Column at a time over
 * `getColumnVector(c).getItem(r)`: it skips node-api's per-row value arrays (`getRows()`) and
 * keeps each loop on one converter (measured in test/query/results/performance.test.ts).
 */
export class JsonChunkConverter {
  readonly #converters: readonly ToJson[];

  constructor(types: readonly DuckDBType[]) {
    this.#converters = types.map(jsonConverterFor);
  }

  /** Rows of the chunk's first `limit` rows (all by default). */
  rows(chunk: DuckDBDataChunk, limit = chunk.rowCount): JsonValue[][] {
    const rowCount = Math.min(limit, chunk.rowCount);
    const columnCount = this.#converters.length;
    const rows: JsonValue[][] = new Array<JsonValue[]>(rowCount);
    for (let r = 0; r < rowCount; r++) rows[r] = new Array<JsonValue>(columnCount);
    for (let c = 0; c < columnCount; c++) {
      const vector = chunk.getColumnVector(c);
      const convert = this.#converters[c]!;
      for (let r = 0; r < rowCount; r++) {
        const value = vector.getItem(r);
        rows[r]![c] = value === null ? null : convert(value);
      }
    }
    return rows;
  }
}

/** JSON-safe row values of one chunk; see the type mapping in ../README.md. */
export function chunkToJsonRows(
  chunk: DuckDBDataChunk,
  columns: readonly ResultColumn[],
): unknown[][] {
  if (chunk.columnCount !== columns.length) {
    throw new Error(`chunk has ${chunk.columnCount} columns, expected ${columns.length}`);
  }
  const types = columns.map((_, c) => chunk.getColumnVector(c).type);
  return new JsonChunkConverter(types).rows(chunk);
}

/**
 * Reads up to `maxRows` rows as JSON-safe arrays; `truncated` reports whether the result had
 * more. Stops fetching as soon as that is known, so a huge result costs one extra chunk at most.
 * `rowCount` is the number of rows returned.
 */
export async function readJsonRows(
  result: DuckDBResult,
  maxRows: number,
): Promise<{ rows: unknown[][]; truncated: boolean; rowCount: number }> {
  if (!Number.isInteger(maxRows) || maxRows < 0) throw new RangeError(`bad maxRows ${maxRows}`);
  const converter = new JsonChunkConverter(result.columnTypes());
  const rows: JsonValue[][] = [];
  for await (const chunk of dataChunks(result)) {
    const room = maxRows - rows.length;
    rows.push(...converter.rows(chunk, room));
    if (chunk.rowCount > room) return { rows, truncated: true, rowCount: rows.length };
  }
  return { rows, truncated: false, rowCount: rows.length };
}

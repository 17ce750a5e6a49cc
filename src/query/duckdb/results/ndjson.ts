import type { DuckDBResult } from '@duckdb/node-api';
import { dataChunks } from './chunks.js';
import { uniqueColumnNames } from './columns.js';
import { JsonChunkConverter } from './json/rows.js';

/**
 * Newline-delimited JSON: one object per row, one piece per chunk. Keys are the column names,
 * repeats made unique with `_1`, `_2`, … (see uniqueColumnNames); values are the JSON row values.
 * Lines are assembled from pre-serialised keys instead of building an object per row: faster,
 * and a column named '__proto__' cannot touch an object's prototype.
 */
export async function* ndjsonChunks(result: DuckDBResult): AsyncGenerator<string> {
  const keys = uniqueColumnNames(result.columnNames()).map(
    (name, i) => `${i === 0 ? '{' : ','}${JSON.stringify(name)}:`,
  );
  const converter = new JsonChunkConverter(result.columnTypes());
  for await (const chunk of dataChunks(result)) {
    const lines = converter.rows(chunk).map((row) => {
      let line = keys.length === 0 ? '{' : '';
      for (let c = 0; c < keys.length; c++) line += keys[c] + JSON.stringify(row[c]);
      return `${line}}\n`;
    });
    yield lines.join(''); // flat, unlike a `+=` rope (see csv.ts)
  }
}

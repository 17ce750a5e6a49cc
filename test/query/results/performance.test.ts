import {
  JsonDuckDBValueConverter,
  type DuckDBDataChunk,
  type DuckDBResult,
} from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkToJsonRows, resultColumns } from '../../../src/query/duckdb/results/index.js';
import { jsonConverterFor } from '../../../src/query/duckdb/results/json/converters.js';
import { openDuckDB, type TestDuckDB } from './support.js';

const ROWS = 1_000_000;
const TABLE_SQL = `CREATE TABLE wide AS SELECT
  i::BIGINT AS id, i * 1.5::DOUBLE AS amount, 'name-' || i AS name,
  DATE '2000-01-01' + (i % 10000)::INTEGER AS day, (i / 100)::DECIMAL(18,2) AS price
FROM range(${ROWS}) t(i)`;

let db: TestDuckDB;
beforeAll(async () => {
  db = await openDuckDB();
  await db.connection.run(TABLE_SQL);
});
afterAll(() => db.close());

async function allChunks(result: DuckDBResult): Promise<DuckDBDataChunk[]> {
  const chunks: DuckDBDataChunk[] = [];
  for (let chunk = await result.fetchChunk(); chunk?.rowCount; chunk = await result.fetchChunk()) {
    chunks.push(chunk);
  }
  return chunks;
}

/** Best of two passes over chunks already fetched, so only the conversion is timed. */
function timeConversion(
  chunks: readonly DuckDBDataChunk[],
  convert: (c: DuckDBDataChunk) => unknown[],
) {
  let best = Infinity;
  let rows = 0;
  for (let pass = 0; pass < 2; pass++) {
    const started = performance.now();
    rows = 0;
    for (const chunk of chunks) rows += convert(chunk).length;
    best = Math.min(best, performance.now() - started);
  }
  return { ms: Math.round(best), rows };
}

describe('JSON conversion speed (1M rows × BIGINT, DOUBLE, VARCHAR, DATE, DECIMAL)', () => {
  it('converts column at a time, and reports how the alternatives compare', async () => {
    const result = await db.stream('SELECT * FROM wide');
    const columns = resultColumns(result);
    const chunks = await allChunks(result);
    const converters = result.columnTypes().map(jsonConverterFor);

    const byColumn = timeConversion(chunks, (chunk) => chunkToJsonRows(chunk, columns));
    const byRow = timeConversion(chunks, (chunk) =>
      chunk.getRows().map((row) => row.map((v, c) => (v === null ? null : converters[c]!(v)))),
    );
    const nodeApiJson = timeConversion(chunks, (chunk) =>
      chunk.convertRows(JsonDuckDBValueConverter),
    );
    console.log(
      `JSON rows for ${ROWS} rows x 5 columns: column vectors ${byColumn.ms} ms, ` +
        `getRows() + same converters ${byRow.ms} ms, node-api getRowsJson-style ${nodeApiJson.ms} ms`,
    );

    expect([byColumn.rows, byRow.rows, nodeApiJson.rows]).toEqual([ROWS, ROWS, ROWS]);
    expect(chunkToJsonRows(chunks[0]!, columns)[123]).toEqual([
      '123',
      184.5,
      'name-123',
      '2000-05-03',
      '1.23',
    ]);
    expect(byColumn.ms).toBeLessThan(30_000); // a hang detector, not a benchmark
  }, 120_000);
});

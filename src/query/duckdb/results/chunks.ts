import type { DuckDBDataChunk, DuckDBResult } from '@duckdb/node-api';

/**
 * The result's chunks, fetched one at a time so only one is alive at once. A streaming result
 * signals its end with a null or an empty chunk (node-api's README loop stops on rowCount 0).
 */
export async function* dataChunks(result: DuckDBResult): AsyncGenerator<DuckDBDataChunk> {
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) return;
    yield chunk;
  }
}

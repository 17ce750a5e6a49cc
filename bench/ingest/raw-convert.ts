import { DuckDBInstance } from '@duckdb/node-api';
import { sqlString } from '../../src/query/sql-text.js';
import { timed } from '../support/timer.js';

export interface ConvertRun {
  readonly rows: number;
  readonly seconds: number;
}

/**
 * The ceiling: DuckDB alone, as PERFORMANCE-NOTES.md measured it. A fresh in-memory instance
 * with default settings, default `read_csv` sniffing, one COPY to Parquet (zstd). Only the COPY
 * is timed; opening an instance (~20 ms) is a one-off our server pays at start-up, not per file.
 */
export async function rawCsvToParquet(csv: string, target: string): Promise<ConvertRun> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const { value, seconds } = await timed(() =>
      connection.runAndReadAll(
        `COPY (FROM read_csv(${sqlString(csv)})) TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd)`,
      ),
    );
    // COPY answers with one row, one column: the number of rows written.
    return { rows: Number(value.getRows()[0]?.[0] ?? 0), seconds };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

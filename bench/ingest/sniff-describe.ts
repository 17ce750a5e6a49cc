import { DuckDBInstance } from '@duckdb/node-api';
import { readerSql } from '../../src/ingest/formats/index.js';
import { timed } from '../support/timer.js';

/** Our reader's two sniffs: whole file (fallback path) or DuckDB's default sample (fast path). */
export const SNIFF_SAMPLES = { sniffWhole: -1, sniffSample: 20_480 } as const;
export type SniffKind = keyof typeof SNIFF_SAMPLES;

export function isSniffKind(kind: string): kind is SniffKind {
  return kind in SNIFF_SAMPLES;
}

/**
 * Only the type sniff of our CSV reader (the DESCRIBE our ingest starts with), on a fresh
 * DuckDB instance: isolates what sniffing costs in memory as the file grows.
 */
export async function describeOnly(csv: string, kind: SniffKind): Promise<{ seconds: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = readerSql(csv, { format: 'csv', sampleSize: SNIFF_SAMPLES[kind] });
    const { seconds } = await timed(() => connection.run(`DESCRIBE SELECT * FROM ${reader}`));
    return { seconds };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

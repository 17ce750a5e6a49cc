import { AppError } from '../core/index.js';
import type { EngineConnection } from '../query/index.js';
import { quoteIdentifier } from '../query/sql-text.js';

/**
 * A row key must exist, be non-null and be unique across the data given (a relation: a
 * Parquet scan or a dataset's merged rows). Refused with 400
 * naming what is wrong, with counts as details.
 */
export async function assertValidRowKey(
  connection: EngineConnection,
  source: string,
  column: string,
  columns: readonly string[],
): Promise<void> {
  if (!columns.includes(column)) {
    throw new AppError('invalid_row_key', `row key column "${column}" does not exist`, {
      details: { column, columns },
    });
  }
  const key = quoteIdentifier(column);
  const result = await connection.query(
    `SELECT count(*) AS total, count(${key}) AS non_null, count(DISTINCT ${key}) AS distinct_values FROM ${source}`,
  );
  const row = result.rows[0]!;
  const total = Number(row['total']);
  const nonNull = Number(row['non_null']);
  const distinct = Number(row['distinct_values']);
  if (nonNull < total) {
    throw new AppError(
      'invalid_row_key',
      `row key column "${column}" has ${total - nonNull} NULL values`,
      {
        details: { column, null_values: total - nonNull },
      },
    );
  }
  if (distinct < total) {
    throw new AppError(
      'invalid_row_key',
      `row key column "${column}" has ${total - distinct} duplicate values`,
      {
        details: { column, duplicate_values: total - distinct },
      },
    );
  }
}

/** Up to `limit` sampled non-null values per column, for classification. */
export async function sampleColumnValues(
  connection: EngineConnection,
  source: string,
  columns: readonly string[],
  limit = 1000,
): Promise<Map<string, unknown[]>> {
  // A reservoir over the whole file would read all of it; the first rows (10× the sample)
  // are enough to classify columns and cost one row group.
  const result = await connection.query(
    `SELECT * FROM (SELECT * FROM ${source} LIMIT ${limit * 10}) USING SAMPLE reservoir(${limit} ROWS) REPEATABLE (42)`,
  );
  const samples = new Map<string, unknown[]>(columns.map((c) => [c, []]));
  for (const row of result.rows) {
    for (const column of columns) {
      const value = row[column];
      if (value !== null && value !== undefined) samples.get(column)!.push(value);
    }
  }
  return samples;
}

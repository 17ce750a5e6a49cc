import path from 'node:path';
import { sqlString } from '../../src/query/sql-text.js';
import type { RawEngine } from './raw-engine.js';
import { parquet, type ColumnType } from './raw-sql.js';
import { BATCH_ROWS, KEY_COLUMN, UPDATES_PER_BATCH, updateStride } from './plan.js';

/** One upsert's input: a CSV of whole rows, 5,000 changed existing rows and 5,000 new ones. */
export interface UpsertBatch {
  readonly index: number;
  readonly csv: string;
  readonly updates: number;
  readonly inserts: number;
}

/**
 * Writes `count` upsert batches as CSV, deterministically, from the base file. Batch b updates
 * the keys ≡ b (mod stride) — bill_rate +5 %, hours_worked +8, status 'completed' — and adds as
 * many new keys (numbered after the base's, distinct across batches) carrying copies of the
 * same rows. Rows are shuffled by a hash of the key, so new and changed rows interleave.
 */
export async function writeBatches(
  raw: RawEngine,
  base: string,
  baseRows: number,
  columns: readonly ColumnType[],
  dir: string,
  count: number,
): Promise<UpsertBatch[]> {
  const stride = updateStride(baseRows);
  const batches: UpsertBatch[] = [];
  for (let b = 0; b < count; b += 1) {
    const csv = path.join(dir, `upsert-${String(b + 1).padStart(2, '0')}.csv`);
    const picked =
      `SELECT *, row_number() OVER (ORDER BY ${KEY_COLUMN}) AS rn FROM ${parquet([base])} ` +
      `WHERE CAST(substr(${KEY_COLUMN}, 5) AS INTEGER) % ${stride} = ${b % stride} ` +
      `ORDER BY ${KEY_COLUMN} LIMIT ${UPDATES_PER_BATCH}`;
    const names = columns.map((c) => c.name);
    const changed = names.map((n) => changedValue(n, columns)).join(', ');
    const renamed = names
      .map((n) =>
        n === KEY_COLUMN
          ? `printf('PLC-%07d', ${baseRows + b * UPDATES_PER_BATCH} + rn) AS ${KEY_COLUMN}`
          : n,
      )
      .join(', ');
    await raw.run(
      `COPY (WITH picked AS (${picked}) SELECT * FROM (SELECT ${changed} FROM picked ` +
        `UNION ALL SELECT ${renamed} FROM picked) ORDER BY hash(${KEY_COLUMN})) ` +
        `TO ${sqlString(csv)} (HEADER)`,
    );
    const rows = await raw.scalar(`SELECT count(*) FROM read_csv(${sqlString(csv)})`);
    const updates = await raw.scalar(
      `SELECT count(*) FROM read_csv(${sqlString(csv)}) AS c SEMI JOIN ${parquet([base])} AS b USING (${KEY_COLUMN})`,
    );
    if (rows !== BATCH_ROWS) throw new Error(`batch ${b + 1} has ${rows} rows, not ${BATCH_ROWS}`);
    batches.push({ index: b + 1, csv, updates, inserts: rows - updates });
  }
  return batches;
}

/** The changed value of a column in an updated row (same type as the column). */
function changedValue(name: string, columns: readonly ColumnType[]): string {
  const type = columns.find((c) => c.name === name)!.type;
  if (name === 'bill_rate') return `CAST(round(bill_rate * 1.05, 2) AS ${type}) AS bill_rate`;
  if (name === 'hours_worked') return `CAST(hours_worked + 8 AS ${type}) AS hours_worked`;
  if (name === 'status') return `'completed' AS status`;
  return name;
}

/** The batch as the JSON body of `POST …/rows`: whole rows, decimals and dates as text. */
export async function batchRowsJson(
  raw: RawEngine,
  batch: UpsertBatch,
  columns: readonly ColumnType[],
): Promise<string> {
  const casts = columns.map((c) => `CAST(${c.name} AS ${c.type}) AS ${c.name}`).join(', ');
  const rows = await raw.objects(`SELECT ${casts} FROM read_csv(${sqlString(batch.csv)})`);
  return JSON.stringify({ rows });
}

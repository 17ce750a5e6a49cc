import { rename, rm } from 'node:fs/promises';
import type { PhysicalColumn } from '../catalog/index.js';
import type { EngineConnection } from '../query/index.js';
import { quoteIdentifier, sqlString } from '../query/sql-text.js';
import { ROW_GROUP_SIZE } from './convert.js';

/** A plain decimal literal: optional minus, no leading zeros, no exponent, no spaces. */
const DECIMAL_LITERAL = '-?(0|[1-9][0-9]*)(\\.[0-9]+)?';
const MAX_PRECISION = 38;

/**
 * CSV readers type fractional numbers as DOUBLE (which rounds) or text. We read them as text,
 * then here, over the written Parquet (only the text columns are scanned), find the columns
 * whose every value is a plain decimal literal with at least one fraction, and rewrite them as
 * exact DECIMAL(p, s) sized to the data. Leading zeros (zip codes, ids) keep a column text.
 */
export async function refineDecimals(
  connection: EngineConnection,
  file: string,
  columns: readonly PhysicalColumn[],
  scratchPath: string,
): Promise<PhysicalColumn[]> {
  const candidates = columns.filter((c) => c.type === 'VARCHAR');
  if (candidates.length === 0) return [...columns];
  const decimals = await measure(connection, file, candidates);
  if (decimals.size === 0) return [...columns];
  const replace = [...decimals].map(
    ([name, type]) => `CAST(${quoteIdentifier(name)} AS ${type}) AS ${quoteIdentifier(name)}`,
  );
  try {
    await connection.run(
      `COPY (SELECT * REPLACE (${replace.join(', ')}) FROM read_parquet(${sqlString(file)})) TO ${sqlString(scratchPath)} ` +
        `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
    );
    await rename(scratchPath, file);
  } finally {
    await rm(scratchPath, { force: true });
  }
  return columns.map((c) => (decimals.has(c.name) ? { ...c, type: decimals.get(c.name)! } : c));
}

async function measure(
  connection: EngineConnection,
  file: string,
  candidates: readonly PhysicalColumn[],
): Promise<Map<string, string>> {
  const parts = candidates.flatMap((c, i) => {
    const col = quoteIdentifier(c.name);
    return [
      `count(${col}) FILTER (WHERE NOT regexp_full_match(${col}, ${sqlString(DECIMAL_LITERAL)})) AS bad_${i}`,
      `count(${col}) FILTER (WHERE contains(${col}, '.')) AS fractions_${i}`,
      `max(length(split_part(ltrim(${col}, '-'), '.', 1))) AS digits_${i}`,
      `max(length(split_part(${col}, '.', 2))) AS scale_${i}`,
    ];
  });
  const row = (
    await connection.query(`SELECT ${parts.join(', ')} FROM read_parquet(${sqlString(file)})`)
  ).rows[0]!;
  const found = new Map<string, string>();
  candidates.forEach((c, i) => {
    const digits = Number(row[`digits_${i}`] ?? 0);
    const scale = Number(row[`scale_${i}`] ?? 0);
    const qualifies = Number(row[`bad_${i}`]) === 0 && Number(row[`fractions_${i}`]) > 0;
    // 18 digits fit the same 8 bytes as fewer, and leave room for larger values in later appends.
    const precision = digits + scale <= 18 ? 18 : MAX_PRECISION;
    if (qualifies && digits + scale <= MAX_PRECISION)
      found.set(c.name, `DECIMAL(${precision},${scale})`);
  });
  return found;
}

import { rename, rm } from 'node:fs/promises';
import type { PhysicalColumn } from '../catalog/index.js';
import type { EngineConnection } from '../query/index.js';
import { quoteIdentifier, sqlString } from '../query/sql-text.js';
import { ROW_GROUP_SIZE } from './convert.js';

/** A plain number literal: optional minus, no leading zeros, no exponent, no spaces. */
const NUMBER_LITERAL = '-?(0|[1-9][0-9]*)(\\.[0-9]+)?';
const MAX_PRECISION = 38;

/**
 * Numbers that no reader type holds exactly arrive as text: CSV fractions (DOUBLE would round
 * them) and integers beyond BIGINT (Parquet has no HUGEINT). Here, over the written Parquet
 * (only the text columns are scanned), each text column whose every value is a plain number
 * literal becomes exact: BIGINT when every value fits, else DECIMAL(p, s) sized to the data.
 * Leading zeros (zip codes, ids) keep a column text.
 */
export async function refineNumericText(
  connection: EngineConnection,
  file: string,
  columns: readonly PhysicalColumn[],
  scratchPath: string,
  only?: ReadonlySet<string>,
): Promise<PhysicalColumn[]> {
  const candidates = columns.filter(
    (c) => c.type === 'VARCHAR' && (only === undefined || only.has(c.name)),
  );
  if (candidates.length === 0) return [...columns];
  const numeric = await measure(connection, file, candidates);
  if (numeric.size === 0) return [...columns];
  const replace = [...numeric].map(
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
  return columns.map((c) => (numeric.has(c.name) ? { ...c, type: numeric.get(c.name)! } : c));
}

async function measure(
  connection: EngineConnection,
  file: string,
  candidates: readonly PhysicalColumn[],
): Promise<Map<string, string>> {
  const parts = candidates.flatMap((c, i) => {
    const col = quoteIdentifier(c.name);
    return [
      `count(${col}) AS present_${i}`,
      `count(${col}) FILTER (WHERE NOT regexp_full_match(${col}, ${sqlString(NUMBER_LITERAL)})) AS bad_${i}`,
      `count(${col}) FILTER (WHERE contains(${col}, '.')) AS fractions_${i}`,
      `count(${col}) FILTER (WHERE TRY_CAST(${col} AS BIGINT) IS NULL) AS beyond_bigint_${i}`,
      `max(length(split_part(ltrim(${col}, '-'), '.', 1))) AS digits_${i}`,
      `max(length(split_part(${col}, '.', 2))) AS scale_${i}`,
    ];
  });
  const row = (
    await connection.query(`SELECT ${parts.join(', ')} FROM read_parquet(${sqlString(file)})`)
  ).rows[0]!;
  const found = new Map<string, string>();
  candidates.forEach((c, i) => {
    const type = exactType({
      present: Number(row[`present_${i}`]),
      bad: Number(row[`bad_${i}`]),
      fractions: Number(row[`fractions_${i}`]),
      beyondBigint: Number(row[`beyond_bigint_${i}`]),
      digits: Number(row[`digits_${i}`] ?? 0),
      scale: Number(row[`scale_${i}`] ?? 0),
    });
    if (type) found.set(c.name, type);
  });
  return found;
}

interface TextStats {
  present: number;
  bad: number;
  fractions: number;
  beyondBigint: number;
  digits: number;
  scale: number;
}

function exactType(stats: TextStats): string | undefined {
  if (stats.present === 0 || stats.bad > 0) return undefined;
  if (stats.fractions === 0 && stats.beyondBigint === 0) return 'BIGINT';
  const precision = stats.digits + stats.scale;
  if (precision > MAX_PRECISION) return undefined;
  // 18 digits fit the same 8 bytes as fewer, and leave room for larger values in later appends.
  return `DECIMAL(${precision <= 18 ? 18 : MAX_PRECISION},${stats.scale})`;
}

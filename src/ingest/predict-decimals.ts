import type { PhysicalColumn } from '../catalog/index.js';
import type { EngineConnection } from '../query/index.js';
import { quoteIdentifier, sqlString } from '../query/sql-text.js';

/** The marker in the error a guarded cast raises when a value does not fit the prediction. */
export const DECIMAL_MISMATCH = 'lakehouse: value does not fit the predicted decimal type';
const SAMPLE_ROWS = 20_480;
const PLAIN_NUMBER = '-?(0|[1-9][0-9]*)(\\.[0-9]+)?';

/**
 * From the first rows, the text columns that look like plain decimal numbers, with a DECIMAL
 * type sized to hold them (18 digits when that suffices: the same 8 bytes, and headroom).
 */
export interface NumericPrediction {
  /** Columns to write as exact DECIMALs right away. */
  readonly decimals: Map<string, string>;
  /** Text columns whose first rows are all plain numbers: worth an exact check after writing. */
  readonly numericLooking: Set<string>;
}

export async function predictDecimals(
  connection: EngineConnection,
  reader: string,
  columns: readonly PhysicalColumn[],
): Promise<NumericPrediction> {
  const text = await plausiblyNumeric(
    connection,
    reader,
    columns.filter((c) => c.type === 'VARCHAR'),
  );
  if (text.length === 0) return { decimals: new Map(), numericLooking: new Set() };
  const parts = text.flatMap((c, i) => {
    const col = quoteIdentifier(c.name);
    return [
      `count(${col}) AS present_${i}`,
      `count(${col}) FILTER (WHERE NOT regexp_full_match(${col}, ${sqlString(PLAIN_NUMBER)})) AS bad_${i}`,
      `count(${col}) FILTER (WHERE contains(${col}, '.')) AS fractions_${i}`,
      `max(length(split_part(ltrim(${col}, '-'), '.', 1))) AS digits_${i}`,
      `max(length(split_part(${col}, '.', 2))) AS scale_${i}`,
    ];
  });
  const sample = `(SELECT ${text.map((c) => quoteIdentifier(c.name)).join(', ')} FROM ${reader} LIMIT ${SAMPLE_ROWS})`;
  const row = (await connection.query(`SELECT ${parts.join(', ')} FROM ${sample}`)).rows[0]!;
  const decimals = new Map<string, string>();
  const numericLooking = new Set<string>();
  text.forEach((c, i) => {
    // A column with no value in the first rows may still hold numbers later: check it after.
    const numeric = Number(row[`present_${i}`]) === 0 || Number(row[`bad_${i}`]) === 0;
    const digits = Number(row[`digits_${i}`] ?? 0);
    const scale = Number(row[`scale_${i}`] ?? 0);
    const fraction = Number(row[`fractions_${i}`]) > 0;
    if (numeric && fraction && digits + scale <= 18) decimals.set(c.name, `DECIMAL(18,${scale})`);
    else if (numeric) numericLooking.add(c.name);
  });
  return { decimals, numericLooking };
}

const QUICK_LOOK_ROWS = 100;
const PLAIN_NUMBER_JS = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/**
 * A quick look at the first rows rules out most text columns (names, ids, free text) before
 * the larger sample is measured in SQL: only columns whose first values are all plain numbers
 * (or that are still empty) stay candidates.
 */
async function plausiblyNumeric(
  connection: EngineConnection,
  reader: string,
  text: readonly PhysicalColumn[],
): Promise<PhysicalColumn[]> {
  if (text.length === 0) return [];
  const names = text.map((c) => quoteIdentifier(c.name)).join(', ');
  const rows = (await connection.query(`SELECT ${names} FROM ${reader} LIMIT ${QUICK_LOOK_ROWS}`))
    .rows;
  return text.filter((c) =>
    rows.every((row) => {
      const value = row[c.name];
      return value === null || value === undefined || PLAIN_NUMBER_JS.test(String(value));
    }),
  );
}

/**
 * Casts that make the predicted columns exact DECIMALs while the file is written, and fail the
 * write (rather than round) on any value with more digits than predicted or another shape.
 */
export function guardedDecimalCasts(decimals: ReadonlyMap<string, string>): string[] {
  return [...decimals].map(([name, type]) => {
    const col = quoteIdentifier(name);
    const scale = Number(/,(\d+)\)/.exec(type)![1]);
    const integerDigits = 18 - scale;
    const pattern = `-?(0|[1-9][0-9]{0,${integerDigits - 1}})(\\.[0-9]{1,${scale}})?`;
    return (
      `CASE WHEN ${col} IS NULL THEN NULL WHEN regexp_full_match(${col}, ${sqlString(pattern)}) ` +
      `THEN CAST(${col} AS ${type}) ELSE error(${sqlString(DECIMAL_MISMATCH)}) END AS ${col}`
    );
  });
}

import type { CsvOptions } from './csv-options.js';
import { sqlStringList } from './sql-literal.js';
import type { SqlArgument } from './table-function.js';
import { sqlBoolean } from './table-function.js';

/**
 * Types the sniffer may choose. Deliberately neither DOUBLE nor DECIMAL:
 * - DOUBLE, DuckDB's default, rounds: "12345678901234.567" reads back as 12345678901234.566 and
 *   "18446744073709551615" as 1.8446744073709552e+19.
 * - DECIMAL(38, s) keeps the digits, but DuckDB 1.5's sniffer applies its leading-zero guard to
 *   BIGINT and DOUBLE only, so zip codes and phone numbers ("007", "0171…") become 7.000… .
 * - HUGEINT and UBIGINT are refused ("Auto Type Candidate of type HUGEINT is not accepted as a
 *   valid input").
 * So fractional numbers, and integers beyond BIGINT, stay VARCHAR exactly as written; an explicit
 * cast downstream can make them DECIMAL. Integers within BIGINT become BIGINT.
 */
export const CSV_TYPE_CANDIDATES = [
  'BOOLEAN',
  'BIGINT',
  'TIME',
  'DATE',
  'TIMESTAMP',
  'TIMESTAMPTZ',
  'VARCHAR',
] as const;

/** How values become typed columns. */
export function csvTypingArguments(csv: CsvOptions, sampleSize: number): SqlArgument[] {
  return [
    ...(csv.header === undefined ? [] : [['header', sqlBoolean(csv.header)] as const]),
    ['all_varchar', sqlBoolean(false)],
    // A quoted "" stays an empty string; only an unquoted empty field (or the null string) is
    // NULL. DuckDB's default (true) makes both NULL, so "known to be empty" would be lost.
    ['allow_quoted_nulls', sqlBoolean(false)],
    ['nullstr', nullStrings(csv.nullString)],
    ['sample_size', String(sampleSize)],
    ['auto_type_candidates', sqlStringList(CSV_TYPE_CANDIDATES)],
    ['auto_detect', sqlBoolean(true)],
  ];
}

/** An empty unquoted field is always NULL; a custom null string ("NA") is NULL as well. */
function nullStrings(nullString: string | undefined): string {
  const values = nullString === undefined || nullString === '' ? [''] : ['', nullString];
  return sqlStringList(values);
}

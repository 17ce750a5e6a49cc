/**
 * Schema evolution on append: may data with the `incoming` columns be appended to a dataset
 * with the `current` ones, and what is the dataset's schema afterwards?
 *
 * Names. Columns match by name ignoring ASCII case, as DuckDB identifiers do; the dataset's
 * spelling wins. Two incoming columns differing only in case are incompatible (rename_or_drop).
 *
 * Columns on one side only.
 * - added (incoming only): compatible; nullable in the result, since older files have no values.
 * - missing (dataset only): compatible, appended rows get NULL; except the row key column
 *   (incompatible, provide_column) and a NOT NULL column (incompatible, make_nullable).
 *
 * Columns on both sides keep the dataset's nullability. Nullability of incoming columns is not
 * compared: a schema cannot show that a nullable column holds no NULLs (Parquet writers mark
 * nearly every column optional), so NOT NULL is for the write path to enforce on the values.
 *
 * Types are normalised first (aliases, case, spacing; DECIMAL alone is DECIMAL(18,3)), and every
 * type this module returns is normalised. Then:
 * - same type: unchanged.
 * - widened: the two types have a common type holding every value of both exactly, and the
 *   column takes it. Widening works in either direction: BIGINT data into an INTEGER dataset
 *   widens the dataset to BIGINT (older files read as BIGINT losslessly); SMALLINT data into it
 *   leaves it INTEGER. The common type can be neither side: UINTEGER and SMALLINT → BIGINT.
 *   - integers climb TINYINT→SMALLINT→INTEGER→BIGINT→HUGEINT and UTINYINT→USMALLINT→UINTEGER→
 *     UBIGINT→UHUGEINT; unsigned to signed only when the signed type is strictly wider.
 *   - FLOAT→DOUBLE; an integer widens to a float whose significand covers it (≤ 16 bits to
 *     FLOAT, ≤ 32 bits to DOUBLE). BIGINT→DOUBLE and any DECIMAL→float round, so never.
 *   - DECIMAL(p1,s1) and DECIMAL(p2,s2) → DECIMAL(max(p1-s1,p2-s2)+max(s1,s2), max(s1,s2)) up
 *     to 38 digits. An integer counts as DECIMAL(its digits,0) (INTEGER 10, BIGINT 19, UBIGINT
 *     20, HUGEINT 39), so the decimal keeps or grows to enough integer digits: INTEGER with
 *     DECIMAL(12,2) → DECIMAL(12,2), with DECIMAL(5,2) → DECIMAL(12,2); BIGINT with
 *     DECIMAL(38,20) → none (39 digits).
 *   - DATE→TIMESTAMP_S→TIMESTAMP_MS→TIMESTAMP. TIMESTAMP_NS only equals itself (narrower range).
 *   - lists widen element-wise (T[] and T[n]; arrays of one size stay arrays); maps key and
 *     value; structs field by field, by name ignoring case, keeping fields either side lacks
 *     (like columns: the dataset's fields in its order and spelling, then new ones).
 * - incompatible, with a cast rule whose SQL converts the incoming column to the dataset's type
 *   (`TRY_CAST("c" AS DATE)`; `CAST("c" AS VARCHAR)` into text, which cannot fail):
 *   - anything and VARCHAR, other than VARCHAR itself: the column would turn into text. The
 *     rule also says the alternative: change the dataset column to VARCHAR deliberately.
 *   - JSON and VARCHAR: text need not be JSON, and JSON as text loses its structure.
 *   - naive and zone-aware times (TIMESTAMP and TIMESTAMPTZ, TIME and TIMETZ): a wall-clock
 *     time is not an instant. For TIMESTAMP↔TIMESTAMPTZ the rule's SQL is `… AT TIME ZONE 'UTC'`
 *     and its description says to use the real zone.
 *   - every other pair without a common type: BIGINT/DOUBLE, DECIMAL/FLOAT, BOOLEAN/INTEGER, …
 * Types this module cannot read, or has no rules for (ENUM, UNION, …), only equal themselves.
 *
 * Order: dataset columns in dataset order, then incoming-only columns in incoming order.
 * Rules are only given when the append is incompatible: one per incompatible column.
 */
import type { ColumnOutcome } from './column-outcome.js';
import { columnSchema } from './column-outcome.js';
import type { ColumnSchema, DiffOptions, SchemaDiff } from './column-schema.js';
import { normaliseDuckDbType } from './normalise-duckdb-type.js';
import { matchColumns } from './match-columns.js';
import { matchedColumn } from './matched-column.js';
import { foldIdentifier } from './quote-identifier.js';
import { addedColumn, missingColumn, repeatedColumn } from './unmatched-columns.js';

export function diffSchemas(
  current: readonly ColumnSchema[],
  incoming: readonly ColumnSchema[],
  options: DiffOptions = {},
): SchemaDiff {
  const rowKey = options.rowKeyColumn ? foldIdentifier(options.rowKeyColumn) : null;
  const { incomingByName, unmatched } = matchColumns(current, incoming);
  const outcomes: ColumnOutcome[] = [
    ...current.map((column) => {
      const name = foldIdentifier(column.name);
      const counterpart = incomingByName.get(name);
      return counterpart
        ? matchedColumn(column, counterpart)
        : missingColumn(column, name === rowKey);
    }),
    ...unmatched.map(({ column, repeats }) =>
      repeats === null ? addedColumn(column) : repeatedColumn(column, repeats),
    ),
  ];
  const compatible = outcomes.every((outcome) => outcome.change.compatible);
  return {
    compatible,
    changes: outcomes.map((outcome) => outcome.change),
    resultSchema: compatible ? outcomes.flatMap(resultColumn) : current.map(normaliseColumn),
    rules: compatible ? [] : outcomes.flatMap((outcome) => (outcome.rule ? [outcome.rule] : [])),
  };
}

function resultColumn(outcome: ColumnOutcome): ColumnSchema[] {
  return outcome.result ? [outcome.result] : [];
}

function normaliseColumn(column: ColumnSchema): ColumnSchema {
  return columnSchema(column.name, normaliseDuckDbType(column.type), column.nullable);
}

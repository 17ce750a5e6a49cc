import type { ColumnOutcome } from './column-outcome.js';
import { columnSchema } from './column-outcome.js';
import type { ColumnSchema } from './column-schema.js';
import { normaliseDuckDbType } from './normalise-duckdb-type.js';
import { makeNullableRule, provideColumnRule, renameOrDropRule } from './migration-rules.js';
import { quoteIdentifier } from './quote-identifier.js';

/** A dataset column the incoming data lacks: appended rows get NULL, if the column allows it. */
export function missingColumn(current: ColumnSchema, isRowKey: boolean): ColumnOutcome {
  const from = normaliseDuckDbType(current.type);
  const result = columnSchema(current.name, from, current.nullable);
  const missing = (compatible: boolean, reason: string) =>
    ({ column: current.name, kind: 'missing', from, to: null, compatible, reason }) as const;
  if (isRowKey) {
    const reason = 'the row key column is not in the incoming data; every row needs a key';
    return { change: missing(false, reason), result, rule: provideColumnRule(current.name) };
  }
  if (!current.nullable) {
    const reason = 'not in the incoming data, and the dataset column is NOT NULL';
    return { change: missing(false, reason), result, rule: makeNullableRule(current.name) };
  }
  const reason = 'not in the incoming data; appended rows get NULL';
  return { change: missing(true, reason), result, rule: null };
}

/** A new column: nullable in the dataset whatever the incoming data says, as older files lack it. */
export function addedColumn(incoming: ColumnSchema): ColumnOutcome {
  const to = normaliseDuckDbType(incoming.type);
  const reason = 'new column; nullable in the dataset because existing files have no values for it';
  return {
    change: { column: incoming.name, kind: 'added', from: null, to, compatible: true, reason },
    result: columnSchema(incoming.name, to, true),
    rule: null,
  };
}

/** An incoming column whose name repeats an earlier incoming one but for letter case. */
export function repeatedColumn(incoming: ColumnSchema, earlierSpelling: string): ColumnOutcome {
  const to = normaliseDuckDbType(incoming.type);
  const [name, earlier] = [quoteIdentifier(incoming.name), quoteIdentifier(earlierSpelling)];
  const reason = `${name} and ${earlier} name the same column: DuckDB column names ignore case`;
  return {
    change: {
      column: incoming.name,
      kind: 'incompatible',
      from: null,
      to,
      compatible: false,
      reason,
    },
    result: null,
    rule: renameOrDropRule(incoming.name, earlierSpelling),
  };
}

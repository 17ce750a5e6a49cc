import type { MigrationRule } from './column-schema.js';
import { quoteIdentifier } from './quote-identifier.js';

export function provideColumnRule(column: string): MigrationRule {
  return {
    column,
    action: 'provide_column',
    description: `Include the row key column ${quoteIdentifier(column)} in the incoming data: every appended row needs a key.`,
  };
}

export function makeNullableRule(column: string): MigrationRule {
  return {
    column,
    action: 'make_nullable',
    description: `Make ${quoteIdentifier(column)} nullable in the dataset so appended rows can leave it empty, or include the column in the incoming data.`,
  };
}

/** For an incoming column whose name repeats an earlier one but for letter case. */
export function renameOrDropRule(column: string, earlierSpelling: string): MigrationRule {
  return {
    column,
    action: 'rename_or_drop',
    description: `Rename or drop the incoming ${quoteIdentifier(column)}: DuckDB column names ignore case, so it collides with ${quoteIdentifier(earlierSpelling)}.`,
  };
}

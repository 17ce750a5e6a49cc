import { AppError } from '../../core/index.js';
import { deniedFunctionGroup } from './deny-list.js';
import type { SerializeSql } from './types.js';

const TARGET = '__lakehouse_predicate_target';

/**
 * Validates a row-filter predicate with DuckDB's parser: it must be one boolean expression over
 * the given columns — no subqueries, no table references, no functions that read files or
 * reveal the server, no aggregates or window functions. Returns the predicate unchanged.
 */
export async function validatePredicate(
  predicate: string,
  columns: readonly string[],
  serialize: SerializeSql,
): Promise<string> {
  const refuse = (why: string): never => {
    throw new AppError('invalid_predicate', `invalid row filter: ${why}`, {
      details: { predicate },
    });
  };
  if (predicate.trim() === '') refuse('it is empty');
  // Newlines around the text: a trailing -- comment cannot swallow the closing parenthesis.
  const parsed = JSON.parse(
    await serialize(`SELECT * FROM ${TARGET} WHERE (\n${predicate}\n)`),
  ) as ParseResult;
  if (parsed.error || parsed.statements?.length !== 1)
    refuse(parsed.error_message ?? 'it is not a single expression');
  const node = parsed.statements![0]!.node as Record<string, unknown>;
  const from = node['from_table'] as Record<string, unknown> | undefined;
  const plain =
    node['type'] === 'SELECT_NODE' &&
    from?.['type'] === 'BASE_TABLE' &&
    from['table_name'] === TARGET &&
    (node['group_expressions'] as unknown[]).length === 0 &&
    node['having'] === null &&
    node['qualify'] === null &&
    (node['modifiers'] as unknown[]).length === 0;
  if (!plain || node['where_clause'] === null) refuse('it must be a single boolean expression');
  const known = new Set(columns.map((c) => c.toLowerCase()));
  inspect(node['where_clause'], known, refuse);
  return predicate;
}

interface ParseResult {
  readonly error?: boolean;
  readonly error_message?: string;
  readonly statements?: readonly { readonly node: unknown }[];
}

function inspect(
  value: unknown,
  columns: ReadonlySet<string>,
  refuse: (why: string) => never,
): void {
  if (Array.isArray(value)) return value.forEach((item) => inspect(item, columns, refuse));
  if (value === null || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  const kind = node['class'];
  if (kind === 'SUBQUERY' || node['type'] === 'SELECT_NODE') refuse('subqueries are not allowed');
  if (kind === 'WINDOW') refuse('window functions are not allowed');
  if (kind === 'COLUMN_REF') {
    const names = node['column_names'] as string[];
    const column = names[names.length - 1]!.toLowerCase();
    if (names.length > 1 || !columns.has(column))
      refuse(`"${names.join('.')}" is not a column of the dataset`);
  }
  if (kind === 'FUNCTION') {
    const name = String(node['function_name']).toLowerCase();
    if (deniedFunctionGroup(name)) refuse(`function ${name} is not allowed`);
  }
  for (const inner of Object.values(node)) inspect(inner, columns, refuse);
}

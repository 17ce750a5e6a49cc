import { ALLOWED_TABLE_FUNCTIONS, deniedFunctionGroup } from './deny-list.js';
import { QueryRefusedError } from './errors.js';
import { asciiLower, isObject, stringField } from './json.js';
import type { JsonObject } from './json.js';

/** Schemas a table function may be qualified with: DuckDB's built-ins live in system.main. */
const BUILT_IN_SCHEMAS = new Set(['', 'main']);
const BUILT_IN_CATALOGS = new Set(['', 'system']);

/**
 * Any node naming a function (FUNCTION, WINDOW, aggregates, operators): refused when the name is
 * on the deny list, whatever the position (select list, WHERE, lambda body, FILTER, ORDER BY…).
 */
export function checkFunctionCall(node: JsonObject): void {
  const written = stringField(node, 'function_name');
  if (written === undefined) throw unreadable();
  const name = asciiLower(written);
  const group = deniedFunctionGroup(name);
  if (group === undefined) return;
  throw new QueryRefusedError(
    'function_not_allowed',
    `Function "${name}" is not allowed: it ${group.why}`,
  );
}

/**
 * A TABLE_FUNCTION in FROM (including LATERAL and PIVOT sources): only the row generators are
 * allowed, unqualified or qualified as the built-ins they are. Its arguments are ordinary
 * expressions the walk checks on its own, so `unnest((SELECT …))` is still searched.
 */
export function checkTableFunction(node: JsonObject): void {
  const call = node.function;
  const written = isObject(call) ? stringField(call, 'function_name') : undefined;
  if (!isObject(call) || written === undefined) throw unreadable();
  const name = asciiLower(written);
  const schema = asciiLower(stringField(call, 'schema') ?? '');
  const catalog = asciiLower(stringField(call, 'catalog') ?? '');
  const builtIn = BUILT_IN_SCHEMAS.has(schema) && BUILT_IN_CATALOGS.has(catalog);
  if (builtIn && ALLOWED_TABLE_FUNCTIONS.has(name)) return;
  const allowed = [...ALLOWED_TABLE_FUNCTIONS].join(', ');
  const qualified = [catalog, schema, name].filter((part) => part !== '').join('.');
  throw new QueryRefusedError(
    'table_function_not_allowed',
    `Table function "${qualified}" is not allowed: only ${allowed} may be used as tables`,
  );
}

function unreadable(): QueryRefusedError {
  return new QueryRefusedError(
    'unrecognised_parse_tree',
    'The statement was refused: a function call has a shape the guard does not recognise',
  );
}

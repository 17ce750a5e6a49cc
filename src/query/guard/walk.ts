import { cteFrames, recursiveCteName } from './cte-scope.js';
import type { CteNames, Frame } from './cte-scope.js';
import { QueryRefusedError } from './errors.js';
import { checkFunctionCall, checkTableFunction } from './functions.js';
import { isObject, stringField } from './json.js';
import type { JsonObject } from './json.js';
import type { WalkContext } from './walk-context.js';
import { checkBaseTable, checkShowRef } from './table-refs.js';

/**
 * Checks a whole serialized query tree. The walk is generic: it descends into every object and
 * array, so a node kind this code never heard of is still searched, and it recognises the shapes
 * that matter wherever they occur: table references (any `table_name`), table functions, and
 * function calls (any `function_name`). Iterative, so a deeply nested query cannot overflow the
 * stack.
 */
export function walkQuery(root: JsonObject, context: WalkContext): void {
  const pending: Frame[] = [{ value: root, ctes: new Set() }];
  for (let frame = pending.pop(); frame !== undefined; frame = pending.pop()) {
    const { value, ctes } = frame;
    if (Array.isArray(value)) {
      for (const item of value) pending.push({ value: item, ctes });
    } else if (isObject(value)) {
      pending.push(...visitNode(value, ctes, context));
    }
  }
}

/** Checks one node and returns its children, each with the CTE names it can see. */
function visitNode(node: JsonObject, outer: CteNames, context: WalkContext): Frame[] {
  const { frames, ctes } = cteFrames(node, outer);
  checkNode(node, ctes, context);
  const recursive = recursiveCteName(node);
  for (const [key, child] of Object.entries(node)) {
    if (key === 'cte_map' || isConstantValue(node, key)) continue;
    const sees = key === 'right' && recursive !== undefined ? new Set([...ctes, recursive]) : ctes;
    frames.push({ value: child, ctes: sees });
  }
  return frames;
}

function checkNode(node: JsonObject, ctes: CteNames, context: WalkContext): void {
  const type = stringField(node, 'type');
  if (type === 'BASE_TABLE') checkBaseTable(node, ctes, context);
  else if (type === 'SHOW_REF') checkShowRef(node);
  else if ('table_name' in node) throw unrecognisedTableRef(type);
  if (type === 'TABLE_FUNCTION') checkTableFunction(node);
  if ('function_name' in node) checkFunctionCall(node);
}

/**
 * A constant's value is data, not SQL: `{'table_name': 'x'}` or 'read_csv(' in a literal must not
 * look like a reference. (DuckDB 1.5.6 serialises struct and list literals as struct_pack and
 * list_value calls anyway; skipping the value is what makes that safe to rely on.)
 */
function isConstantValue(node: JsonObject, key: string): boolean {
  return key === 'value' && stringField(node, 'class') === 'CONSTANT';
}

function unrecognisedTableRef(type: string | undefined): QueryRefusedError {
  return new QueryRefusedError(
    'unrecognised_parse_tree',
    `The statement was refused: it references a table through a ${type ?? 'untyped'} node the guard does not recognise`,
  );
}

import { finiteNumber, leafBody, parseNeedles, parsePath } from './condition-leaves.js';
import {
  describeType,
  expectArray,
  expectRecord,
  indexPath,
  invalidRule,
  memberPath,
} from './json-input.js';
import { copyJsonValue } from './json-value.js';
import type { Condition, ConditionOperator } from './types.js';

export const MAX_CONDITION_DEPTH = 32;
/** Bounds the work one rule costs per request, however it is nested. */
export const MAX_CONDITION_NODES = 1000;
export const MAX_CHILDREN = 100;

interface ParseState {
  nodes: number;
}

type OperatorParser = (body: unknown, at: string, depth: number, state: ParseState) => Condition;

/**
 * Strictly parses an untrusted JSON condition into a frozen Condition. Unknown members, wrong
 * types, empty all/any, malformed paths and nesting deeper than MAX_CONDITION_DEPTH all throw
 * AppError('invalid_rule') naming the JSON path of the problem, rooted at `at`.
 */
export function validateCondition(input: unknown, at = '$'): Condition {
  return parseCondition(input, at, 1, { nodes: 0 });
}

function parseCondition(input: unknown, at: string, depth: number, state: ParseState): Condition {
  if (depth > MAX_CONDITION_DEPTH) {
    throw invalidRule(at, `conditions nest deeper than ${MAX_CONDITION_DEPTH} levels`);
  }
  state.nodes += 1;
  if (state.nodes > MAX_CONDITION_NODES) {
    throw invalidRule(at, `a rule may have at most ${MAX_CONDITION_NODES} conditions`);
  }
  const record = expectRecord(input, at);
  const operators = Object.keys(record);
  if (operators.length !== 1) {
    const found = operators.length === 0 ? 'none' : operators.join(', ');
    throw invalidRule(at, `a condition has exactly one of ${OPERATORS.join(', ')}; found ${found}`);
  }
  const operator = operators[0] as string;
  if (!isOperator(operator)) {
    throw invalidRule(
      memberPath(at, operator),
      `unknown condition; expected ${OPERATORS.join(', ')}`,
    );
  }
  return Object.freeze(PARSERS[operator](record[operator], memberPath(at, operator), depth, state));
}

/** An exhaustive table, so a new operator cannot be added to the type without a parser. */
const PARSERS: Readonly<Record<ConditionOperator, OperatorParser>> = {
  equals: (body, at) => {
    const record = leafBody(body, at, ['path', 'value']);
    const value = copyJsonValue(record.value, memberPath(at, 'value'));
    return {
      equals: Object.freeze({ path: parsePath(record.path, memberPath(at, 'path')), value }),
    };
  },
  empty: (body, at) => {
    const record = leafBody(body, at, ['path']);
    return { empty: Object.freeze({ path: parsePath(record.path, memberPath(at, 'path')) }) };
  },
  greater: (body, at) => {
    const record = leafBody(body, at, ['path', 'value']);
    const path = parsePath(record.path, memberPath(at, 'path'));
    return {
      greater: Object.freeze({ path, value: finiteNumber(record.value, memberPath(at, 'value')) }),
    };
  },
  contains_any: (body, at) => {
    const record = leafBody(body, at, ['path', 'values']);
    const path = parsePath(record.path, memberPath(at, 'path'));
    const values = parseNeedles(record.values, memberPath(at, 'values'));
    return { contains_any: Object.freeze({ path, values }) };
  },
  one_of: (body, at) => {
    const record = leafBody(body, at, ['path', 'values']);
    const path = parsePath(record.path, memberPath(at, 'path'));
    const values = parseNeedles(record.values, memberPath(at, 'values'));
    return { one_of: Object.freeze({ path, values }) };
  },
  always: (body, at) => {
    // Only `true`: a rule that never matches is spelled { not: { always: true } }, explicitly.
    if (body !== true) throw invalidRule(at, `must be true, got ${describeType(body)}`);
    return { always: true };
  },
  all: (body, at, depth, state) => ({ all: parseChildren(body, at, depth, state) }),
  any: (body, at, depth, state) => ({ any: parseChildren(body, at, depth, state) }),
  not: (body, at, depth, state) => ({ not: parseCondition(body, at, depth + 1, state) }),
};

const OPERATORS = Object.keys(PARSERS) as readonly ConditionOperator[];

function isOperator(key: string): key is ConditionOperator {
  return Object.hasOwn(PARSERS, key);
}

function parseChildren(
  body: unknown,
  at: string,
  depth: number,
  state: ParseState,
): readonly Condition[] {
  // Empty lists are refused: all([]) is vacuously true and any([]) never true, both surprises.
  const items = expectArray(body, at, { min: 1, max: MAX_CHILDREN });
  return Object.freeze(
    Array.from(items, (item, i) => parseCondition(item, indexPath(at, i), depth + 1, state)),
  );
}

import { describe, expect, it } from 'vitest';
import {
  MAX_CONDITION_DEPTH,
  validateCondition,
  validateRule,
  type Condition,
} from '../../../src/access/policy/index.js';
import { AppError } from '../../../src/core/errors.js';

/** The JSON path an invalid_rule error points at (and checks it is one). */
function problemPath(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('invalid_rule');
    expect(appError.status).toBe(400);
    const { path } = appError.details as { path: string };
    expect(appError.message.startsWith(`${path}: `)).toBe(true);
    return path;
  }
  throw new Error('expected validation to fail');
}

function nested(depth: number): unknown {
  let condition: unknown = { always: true };
  for (let level = 1; level < depth; level += 1) condition = { not: condition };
  return condition;
}

describe('validateCondition accepts', () => {
  it.each<[string, Condition]>([
    ['equals a scalar', { equals: { path: 'principal.kind', value: 'agent' } }],
    ['equals null', { equals: { path: 'a', value: null } }],
    ['equals a structure', { equals: { path: 'a.0', value: { b: [1, 'x', true, null] } } }],
    ['empty', { empty: { path: 'request.filters' } }],
    ['greater', { greater: { path: 'request.rows', value: -2.5 } }],
    ['contains_any', { contains_any: { path: 'request.sql', values: ['ssn', 'dob'] } }],
    ['always', { always: true }],
    ['all', { all: [{ always: true }, { empty: { path: 'x' } }] }],
    ['any', { any: [{ always: true }] }],
    ['not', { not: { always: true } }],
  ])('%s', (_label, condition) => {
    expect(validateCondition(JSON.parse(JSON.stringify(condition)))).toEqual(condition);
  });

  it('nesting up to the limit', () => {
    expect(() => validateCondition(nested(MAX_CONDITION_DEPTH))).not.toThrow();
  });

  it('returns a frozen copy that later edits to the input cannot change', () => {
    const input = { all: [{ equals: { path: 'a', value: { list: [1] } } }] };
    const condition = validateCondition(input);
    input.all[0]!.equals.value.list.push(2);
    expect(condition).toEqual({ all: [{ equals: { path: 'a', value: { list: [1] } } }] });
    expect(Object.isFrozen(condition)).toBe(true);
    expect(Object.isFrozen((condition as { all: readonly Condition[] }).all)).toBe(true);
  });
});

describe('validateCondition refuses, naming the JSON path', () => {
  it.each<[string, unknown, string]>([
    ['a non-object', 'always', '$'],
    ['null', null, '$'],
    ['an array', [{ always: true }], '$'],
    ['no operator', {}, '$'],
    ['two operators', { always: true, not: { always: true } }, '$'],
    ['an unknown operator', { matches: { path: 'a' } }, '$.matches'],
    ['an unknown member', { empty: { path: 'a', extra: 1 } }, '$.empty.extra'],
    ['a missing path', { empty: {} }, '$.empty.path'],
    ['a missing value', { equals: { path: 'a' } }, '$.equals.value'],
    ['a non-string path', { empty: { path: 3 } }, '$.empty.path'],
    ['an empty path', { empty: { path: '' } }, '$.empty.path'],
    ['a bracket path', { empty: { path: 'a[0]' } }, '$.empty.path'],
    ['a double dot', { empty: { path: 'a..b' } }, '$.empty.path'],
    ['a trailing dot', { empty: { path: 'a.' } }, '$.empty.path'],
    ['a dashed segment', { empty: { path: 'a-b' } }, '$.empty.path'],
    ['a __proto__ segment', { empty: { path: 'a.__proto__.b' } }, '$.empty.path'],
    ['a constructor segment', { empty: { path: 'constructor' } }, '$.empty.path'],
    ['a prototype segment', { empty: { path: 'x.prototype' } }, '$.empty.path'],
    ['a string for greater', { greater: { path: 'a', value: '5' } }, '$.greater.value'],
    ['NaN for greater', { greater: { path: 'a', value: Number.NaN } }, '$.greater.value'],
    ['Infinity for greater', { greater: { path: 'a', value: Infinity } }, '$.greater.value'],
    ['a non-JSON value', { equals: { path: 'a', value: new Date(0) } }, '$.equals.value'],
    [
      'undefined inside a value',
      { equals: { path: 'a', value: [1, undefined] } },
      '$.equals.value[1]',
    ],
    [
      'a function inside a value',
      { equals: { path: 'a', value: { f: () => 1 } } },
      '$.equals.value.f',
    ],
    [
      'a needle that is not a string',
      { contains_any: { path: 'a', values: ['x', 1] } },
      '$.contains_any.values[1]',
    ],
    ['an empty needle', { contains_any: { path: 'a', values: [''] } }, '$.contains_any.values[0]'],
    ['no needles', { contains_any: { path: 'a', values: [] } }, '$.contains_any.values'],
    [
      'needles not in a list',
      { contains_any: { path: 'a', values: 'x' } },
      '$.contains_any.values',
    ],
    ['always false', { always: false }, '$.always'],
    ['always as text', { always: 'true' }, '$.always'],
    ['an empty all', { all: [] }, '$.all'],
    ['an empty any', { any: [] }, '$.any'],
    ['all that is not a list', { all: { always: true } }, '$.all'],
    [
      'a bad child of all',
      { all: [{ always: true }, { empty: { path: '' } }] },
      '$.all[1].empty.path',
    ],
    ['a bad grandchild', { any: [{ not: { all: [{ nope: 1 }] } }] }, '$.any[0].not.all[0].nope'],
    ['a null not', { not: null }, '$.not'],
  ])('%s', (_label, input, path) => {
    expect(problemPath(() => validateCondition(input))).toBe(path);
  });

  it('quotes member names that are not identifiers', () => {
    expect(
      problemPath(() => validateCondition({ equals: { path: 'a', value: { 'b c': undefined } } })),
    ).toBe('$.equals.value["b c"]');
  });

  it('nesting deeper than the limit', () => {
    const path = problemPath(() => validateCondition(nested(MAX_CONDITION_DEPTH + 1)));
    expect(path).toBe(`$${'.not'.repeat(MAX_CONDITION_DEPTH)}`);
  });

  it('a condition tree with too many nodes, however shallow', () => {
    const wide = {
      all: Array.from({ length: 20 }, () => ({ any: Array(60).fill({ always: true }) })),
    };
    expect(problemPath(() => validateCondition(wide))).toMatch(/^\$\.all\[\d+\]\.any\[\d+\]$/);
  });

  it('a cyclic object without overflowing the stack', () => {
    const cyclic: { not?: unknown } = {};
    cyclic.not = cyclic;
    expect(problemPath(() => validateCondition(cyclic))).toMatch(/^\$(\.not)+$/);
  });

  it('prototype-pollution payloads, leaving Object.prototype untouched', () => {
    const payloads = [
      '{"__proto__": {"polluted": true}}',
      '{"equals": {"path": "a", "value": 1, "__proto__": {"polluted": true}}}',
      '{"all": [{"constructor": {"prototype": {"polluted": true}}}]}',
    ];
    for (const payload of payloads) {
      expect(() => validateCondition(JSON.parse(payload))).toThrow(AppError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a __proto__ key inside an equals value as plain data', () => {
    const condition = validateCondition(
      JSON.parse('{"equals": {"path": "a", "value": {"__proto__": {"polluted": true}}}}'),
    ) as { equals: { value: object } };
    expect(Object.getPrototypeOf(condition.equals.value)).toBe(Object.prototype);
    expect(Object.keys(condition.equals.value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const validRule = {
  name: 'No payroll for agents',
  task_class: 'query',
  priority: 10,
  condition: { contains_any: { path: 'request.datasets', values: ['payroll'] } },
  action: 'block',
  message: 'Agents may not read payroll.',
  enabled: false,
};

describe('validateRule', () => {
  it('parses snake_case input into a rule without an id', () => {
    expect(validateRule(validRule)).toEqual({
      name: 'No payroll for agents',
      taskClass: 'query',
      priority: 10,
      condition: validRule.condition,
      action: 'block',
      message: 'Agents may not read payroll.',
      enabled: false,
    });
  });

  it('defaults priority to 100 and enabled to true', () => {
    const { name, task_class, condition, action, message } = validRule;
    const minimal = { name, task_class, condition, action, message };
    expect(validateRule(minimal)).toMatchObject({ priority: 100, enabled: true });
  });

  it.each(['*', 'tool_call', 'llm_response', 'q2'])('accepts the task class %s', (taskClass) => {
    expect(validateRule({ ...validRule, task_class: taskClass }).taskClass).toBe(taskClass);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown member', { taskClass: 'query' }, '$.taskClass'],
    ['a missing name', { name: undefined }, '$.name'],
    ['an empty name', { name: '' }, '$.name'],
    ['a blank name', { name: '   ' }, '$.name'],
    ['a two-line name', { name: 'a\nb' }, '$.name'],
    ['a long name', { name: 'n'.repeat(201) }, '$.name'],
    ['a camelCase task class', { task_class: 'toolCall' }, '$.task_class'],
    ['a dashed task class', { task_class: 'tool-call' }, '$.task_class'],
    ['a double underscore', { task_class: 'tool__call' }, '$.task_class'],
    ['a task class of several stars', { task_class: '**' }, '$.task_class'],
    ['a fractional priority', { priority: 1.5 }, '$.priority'],
    ['a string priority', { priority: '1' }, '$.priority'],
    ['an unknown action', { action: 'deny' }, '$.action'],
    ['an upper-case action', { action: 'BLOCK' }, '$.action'],
    ['an empty message', { message: '' }, '$.message'],
    ['a blank message', { message: ' \n ' }, '$.message'],
    ['a long message', { message: 'm'.repeat(2001) }, '$.message'],
    ['a non-boolean enabled', { enabled: 'yes' }, '$.enabled'],
    ['a missing condition', { condition: undefined }, '$.condition'],
    ['a bad condition', { condition: { all: [] } }, '$.condition.all'],
    [
      'a deep bad condition',
      { condition: { not: { greater: { path: 'a' } } } },
      '$.condition.not.greater.value',
    ],
  ])('refuses %s', (_label, change, path) => {
    expect(problemPath(() => validateRule({ ...validRule, ...change }))).toBe(path);
  });

  it('accepts the longest name and message', () => {
    const rule = validateRule({ ...validRule, name: 'n'.repeat(200), message: 'm'.repeat(2000) });
    expect(rule.name).toHaveLength(200);
    expect(rule.message).toHaveLength(2000);
  });

  it('refuses input that is not an object', () => {
    expect(problemPath(() => validateRule([validRule]))).toBe('$');
    expect(problemPath(() => validateRule('rule'))).toBe('$');
  });
});

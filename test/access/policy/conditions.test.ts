import { describe, expect, it } from 'vitest';
import { evaluateCondition, type Condition } from '../../../src/access/policy/index.js';

const context = {
  principal: { id: 'p1', kind: 'agent', roles: ['Analyst', 'hr_reader'], tags: [] },
  request: {
    sql: 'SELECT ssn FROM People',
    datasets: ['people', 'payroll'],
    rows: 1500,
    estimate: '2500.5',
    filters: {},
    note: '',
    nested: [['secret'], { label: 'salary' }, 7],
    nothing: null,
  },
};

const holds = (condition: Condition, ctx: unknown = context): boolean =>
  evaluateCondition(condition, ctx);

describe('equals', () => {
  it('compares scalars', () => {
    expect(holds({ equals: { path: 'principal.kind', value: 'agent' } })).toBe(true);
    expect(holds({ equals: { path: 'principal.kind', value: 'user' } })).toBe(false);
    expect(holds({ equals: { path: 'request.rows', value: 1500 } })).toBe(true);
    expect(holds({ equals: { path: 'request.rows', value: '1500' } })).toBe(false);
    expect(holds({ equals: { path: 'request.nothing', value: null } })).toBe(true);
  });

  it('compares arrays and objects deeply, including by index', () => {
    expect(holds({ equals: { path: 'request.datasets', value: ['people', 'payroll'] } })).toBe(
      true,
    );
    expect(holds({ equals: { path: 'request.datasets', value: ['payroll', 'people'] } })).toBe(
      false,
    );
    expect(holds({ equals: { path: 'request.datasets', value: ['people'] } })).toBe(false);
    expect(holds({ equals: { path: 'request.datasets.0', value: 'people' } })).toBe(true);
    expect(holds({ equals: { path: 'request.nested.1', value: { label: 'salary' } } })).toBe(true);
    expect(holds({ equals: { path: 'request.nested.1', value: { label: 'SALARY' } } })).toBe(false);
    expect(holds({ equals: { path: 'request.nested.1', value: {} } })).toBe(false);
    expect(holds({ equals: { path: 'request.filters', value: {} } })).toBe(true);
    expect(holds({ equals: { path: 'request.filters', value: [] } })).toBe(false);
  });

  it('treats object members holding undefined as absent, like JSON', () => {
    expect(holds({ equals: { path: 'a', value: { x: 1 } } }, { a: { x: 1, y: undefined } })).toBe(
      true,
    );
  });

  it('is false for a missing path, even against null', () => {
    expect(holds({ equals: { path: 'request.missing', value: null } })).toBe(false);
    expect(holds({ equals: { path: 'missing.deeper', value: 'x' } })).toBe(false);
  });
});

describe('empty', () => {
  it.each([
    ['a missing member', 'request.missing'],
    ['a missing parent', 'nope.nothing'],
    ['null', 'request.nothing'],
    ['an empty string', 'request.note'],
    ['an empty array', 'principal.tags'],
    ['an empty object', 'request.filters'],
  ])('holds for %s', (_label, path) => {
    expect(holds({ empty: { path } })).toBe(true);
  });

  it.each([
    ['a string', 'request.sql', context],
    ['zero', 'request.rows', { request: { rows: 0 } }],
    ['false', 'flag', { flag: false }],
    ['whitespace', 'text', { text: ' ' }],
    ['a non-empty array', 'request.datasets', context],
    ['an array of empties', 'list', { list: [null] }],
    ['a non-empty object', 'request.nested.1', context],
  ])('does not hold for %s', (_label, path, ctx) => {
    expect(holds({ empty: { path } }, ctx)).toBe(false);
  });
});

describe('greater', () => {
  it('compares numbers strictly', () => {
    expect(holds({ greater: { path: 'request.rows', value: 1000 } })).toBe(true);
    expect(holds({ greater: { path: 'request.rows', value: 1500 } })).toBe(false);
    expect(holds({ greater: { path: 'request.rows', value: 2000 } })).toBe(false);
    expect(holds({ greater: { path: 'n', value: -1 } }, { n: -0.5 })).toBe(true);
  });

  it('reads numeric strings as numbers', () => {
    expect(holds({ greater: { path: 'request.estimate', value: 2500 } })).toBe(true);
    expect(holds({ greater: { path: 'request.estimate', value: 2500.5 } })).toBe(false);
    expect(holds({ greater: { path: 'n', value: 10 } }, { n: ' 1e3 ' })).toBe(true);
    expect(holds({ greater: { path: 'n', value: 0 } }, { n: '-.5' })).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['true', true],
    ['an empty string', ''],
    ['a blank string', '   '],
    ['text', 'lots'],
    ['hex', '0x10'],
    ['Infinity text', 'Infinity'],
    ['NaN', Number.NaN],
    ['Infinity', Infinity],
    ['an array', [5]],
    ['an object', { n: 5 }],
  ])('is false for non-numbers: %s', (_label, n) => {
    expect(holds({ greater: { path: 'n', value: -1_000_000 } }, { n })).toBe(false);
  });
});

describe('one_of', () => {
  it('matches exactly, never as a substring or in another case', () => {
    expect(holds({ one_of: { path: 'principal.roles', values: ['Analyst'] } })).toBe(true);
    expect(holds({ one_of: { path: 'principal.roles', values: ['Analys'] } })).toBe(false);
    expect(holds({ one_of: { path: 'principal.roles', values: ['analyst'] } })).toBe(false);
    expect(holds({ one_of: { path: 'principal.roles', values: ['reader'] } })).toBe(false);
    expect(holds({ one_of: { path: 'principal.roles', values: ['admin', 'hr_reader'] } })).toBe(
      true,
    );
    expect(
      holds({ one_of: { path: 'p.roles', values: ['admin'] } }, { p: { roles: ['superadmin'] } }),
    ).toBe(false);
    expect(holds({ one_of: { path: 'p.kind', values: ['agent'] } }, { p: { kind: 'agent' } })).toBe(
      true,
    );
    expect(holds({ one_of: { path: 'missing', values: ['x'] } })).toBe(false);
  });
});

describe('contains_any', () => {
  it('finds a needle as a case-insensitive substring of a string', () => {
    expect(holds({ contains_any: { path: 'request.sql', values: ['ssn'] } })).toBe(true);
    expect(holds({ contains_any: { path: 'request.sql', values: ['PEOPLE'] } })).toBe(true);
    expect(holds({ contains_any: { path: 'request.sql', values: ['salary', 'from peo'] } })).toBe(
      true,
    );
    expect(holds({ contains_any: { path: 'request.sql', values: ['salary', 'dob'] } })).toBe(false);
  });

  it('matches an array when one of its string elements equals or contains a needle', () => {
    expect(holds({ contains_any: { path: 'principal.roles', values: ['analyst'] } })).toBe(true);
    expect(holds({ contains_any: { path: 'principal.roles', values: ['READER'] } })).toBe(true);
    expect(holds({ contains_any: { path: 'principal.roles', values: ['admin'] } })).toBe(false);
    expect(holds({ contains_any: { path: 'principal.tags', values: ['x'] } })).toBe(false);
  });

  it('does not search nested arrays, objects or non-string elements', () => {
    expect(holds({ contains_any: { path: 'request.nested', values: ['secret'] } })).toBe(false);
    expect(holds({ contains_any: { path: 'request.nested', values: ['salary'] } })).toBe(false);
    expect(holds({ contains_any: { path: 'request.nested', values: ['7'] } })).toBe(false);
    expect(holds({ contains_any: { path: 'request.nested.0', values: ['secret'] } })).toBe(true);
    expect(holds({ contains_any: { path: 'request.rows', values: ['15'] } })).toBe(false);
  });

  it('is false for missing paths and null', () => {
    expect(holds({ contains_any: { path: 'request.missing', values: ['a'] } })).toBe(false);
    expect(holds({ contains_any: { path: 'request.nothing', values: ['null'] } })).toBe(false);
  });
});

describe('compositions', () => {
  const yes: Condition = { always: true };
  const no: Condition = { not: { always: true } };

  it('always holds, even for an empty context', () => {
    expect(holds(yes, undefined)).toBe(true);
    expect(holds(no, undefined)).toBe(false);
  });

  it('all needs every child', () => {
    expect(holds({ all: [yes, yes] })).toBe(true);
    expect(holds({ all: [yes, no] })).toBe(false);
    expect(holds({ all: [no, no] })).toBe(false);
  });

  it('any needs one child', () => {
    expect(holds({ any: [no, yes] })).toBe(true);
    expect(holds({ any: [no, no] })).toBe(false);
  });

  it('not negates, including a leaf over a missing path', () => {
    expect(holds({ not: { empty: { path: 'request.sql' } } })).toBe(true);
    expect(holds({ not: { equals: { path: 'missing', value: 1 } } })).toBe(true);
  });

  it('nests', () => {
    const agentTouchingPayroll: Condition = {
      all: [
        { equals: { path: 'principal.kind', value: 'agent' } },
        {
          any: [
            { contains_any: { path: 'request.datasets', values: ['payroll'] } },
            { greater: { path: 'request.rows', value: 10_000 } },
          ],
        },
        { not: { contains_any: { path: 'principal.roles', values: ['admin'] } } },
      ],
    };
    expect(holds(agentTouchingPayroll)).toBe(true);
    expect(
      holds(agentTouchingPayroll, {
        ...context,
        principal: { ...context.principal, roles: ['ADMIN'] },
      }),
    ).toBe(false);
    expect(
      holds(agentTouchingPayroll, { ...context, request: { datasets: ['people'], rows: 3 } }),
    ).toBe(false);
  });

  it('follows logic for empty lists when given unvalidated conditions', () => {
    expect(holds({ all: [] })).toBe(true);
    expect(holds({ any: [] })).toBe(false);
  });
});

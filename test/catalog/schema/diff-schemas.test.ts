import { describe, expect, it } from 'vitest';
import type { ColumnSchema } from '../../../src/catalog/schema/index.js';
import { diffSchemas } from '../../../src/catalog/schema/index.js';

function column(name: string, type: string, nullable = true): ColumnSchema {
  return { name, type, nullable };
}

const EMPLOYEES: readonly ColumnSchema[] = [
  column('employee_id', 'VARCHAR', false),
  column('age', 'INTEGER'),
  column('salary', 'DECIMAL(10,2)'),
  column('hired_on', 'DATE'),
];

describe('diffSchemas: same schema', () => {
  it('appends identical columns unchanged, with no rules', () => {
    const diff = diffSchemas(EMPLOYEES, EMPLOYEES);
    expect(diff.compatible).toBe(true);
    expect(diff.changes.map((change) => change.kind)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(diff.changes[1]).toEqual({
      column: 'age',
      kind: 'unchanged',
      from: 'INTEGER',
      to: 'INTEGER',
      compatible: true,
      reason: 'same type INTEGER',
    });
    expect(diff.resultSchema).toEqual(EMPLOYEES);
    expect(diff.rules).toEqual([]);
  });

  it('treats aliases and spelling as the same type, and returns normalised types', () => {
    const current = [column('age', 'int4'), column('salary', 'numeric(10, 2)')];
    const incoming = [column('age', 'INTEGER'), column('salary', 'DECIMAL(10,2)')];
    const diff = diffSchemas(current, incoming);
    expect(diff.changes.map((change) => change.kind)).toEqual(['unchanged', 'unchanged']);
    expect(diff.resultSchema).toEqual(incoming);
  });
});

describe('diffSchemas: added and missing columns', () => {
  it('adds a new column as nullable, after the dataset columns', () => {
    const incoming = [column('team', 'TEXT', false), ...EMPLOYEES];
    const diff = diffSchemas(EMPLOYEES, incoming);
    expect(diff.compatible).toBe(true);
    expect(diff.changes.at(-1)).toMatchObject({
      column: 'team',
      kind: 'added',
      from: null,
      to: 'VARCHAR',
      compatible: true,
    });
    expect(diff.resultSchema.at(-1)).toEqual(column('team', 'VARCHAR', true));
    expect(diff.rules).toEqual([]);
  });

  it('fills a missing nullable column with NULL', () => {
    const diff = diffSchemas(EMPLOYEES, EMPLOYEES.slice(0, 3));
    expect(diff.compatible).toBe(true);
    expect(diff.changes[3]).toMatchObject({
      column: 'hired_on',
      kind: 'missing',
      from: 'DATE',
      to: null,
      compatible: true,
    });
    expect(diff.resultSchema).toEqual(EMPLOYEES);
  });

  it('rejects a missing row key column, whatever its case', () => {
    const incoming = EMPLOYEES.filter((c) => c.name !== 'employee_id');
    const diff = diffSchemas(EMPLOYEES, incoming, { rowKeyColumn: 'Employee_ID' });
    expect(diff.compatible).toBe(false);
    expect(diff.changes[0]).toMatchObject({ kind: 'missing', compatible: false });
    expect(diff.changes[0]?.reason).toContain('row key');
    expect(diff.rules).toEqual([
      expect.objectContaining({ column: 'employee_id', action: 'provide_column' }),
    ]);
  });

  it('rejects a missing nullable row key too', () => {
    const current = [column('id', 'BIGINT', true), column('note', 'VARCHAR')];
    const diff = diffSchemas(current, [column('note', 'VARCHAR')], { rowKeyColumn: 'id' });
    expect(diff.compatible).toBe(false);
    expect(diff.rules.map((rule) => rule.action)).toEqual(['provide_column']);
  });

  it('rejects a missing NOT NULL column and suggests making it nullable', () => {
    const incoming = EMPLOYEES.filter((c) => c.name !== 'employee_id');
    const diff = diffSchemas(EMPLOYEES, incoming);
    expect(diff.compatible).toBe(false);
    expect(diff.changes[0]).toMatchObject({
      column: 'employee_id',
      kind: 'missing',
      compatible: false,
    });
    expect(diff.changes[0]?.reason).toContain('NOT NULL');
    expect(diff.rules).toEqual([
      expect.objectContaining({ column: 'employee_id', action: 'make_nullable' }),
    ]);
    expect(diff.rules[0]?.sql).toBeUndefined();
  });

  it('handles an empty side', () => {
    const nullable = [column('a', 'INTEGER'), column('b', 'VARCHAR')];
    expect(diffSchemas(nullable, []).compatible).toBe(true);
    const fromNothing = diffSchemas([], nullable);
    expect(fromNothing.changes.map((change) => change.kind)).toEqual(['added', 'added']);
    expect(fromNothing.resultSchema).toEqual(nullable);
  });
});

describe('diffSchemas: widening', () => {
  it('widens the dataset when the incoming type is wider', () => {
    const diff = diffSchemas([column('age', 'INTEGER', false)], [column('age', 'BIGINT')]);
    expect(diff.compatible).toBe(true);
    expect(diff.changes[0]).toMatchObject({
      column: 'age',
      kind: 'widened',
      from: 'INTEGER',
      to: 'BIGINT',
      compatible: true,
    });
    expect(diff.changes[0]?.reason).toContain('widens from INTEGER to BIGINT');
    expect(diff.resultSchema).toEqual([column('age', 'BIGINT', false)]);
  });

  it('keeps the dataset type when the incoming type is narrower', () => {
    const diff = diffSchemas([column('age', 'BIGINT')], [column('age', 'SMALLINT')]);
    expect(diff.compatible).toBe(true);
    expect(diff.changes[0]).toMatchObject({ kind: 'widened', from: 'BIGINT', to: 'SMALLINT' });
    expect(diff.changes[0]?.reason).toContain('fit');
    expect(diff.resultSchema).toEqual([column('age', 'BIGINT')]);
  });

  it('widens both sides to a third type when neither holds the other', () => {
    const diff = diffSchemas([column('n', 'UINTEGER')], [column('n', 'SMALLINT')]);
    expect(diff.resultSchema).toEqual([column('n', 'BIGINT')]);
    const money = diffSchemas([column('m', 'DECIMAL(10,2)')], [column('m', 'DECIMAL(5,4)')]);
    expect(money.resultSchema).toEqual([column('m', 'DECIMAL(12,4)')]);
  });

  it('widens nested types, adding struct fields', () => {
    const current = [column('address', 'STRUCT(street VARCHAR, zip INTEGER)')];
    const incoming = [column('address', 'STRUCT(street VARCHAR, zip BIGINT, city VARCHAR)')];
    const diff = diffSchemas(current, incoming);
    expect(diff.changes[0]?.kind).toBe('widened');
    expect(diff.resultSchema[0]?.type).toBe('STRUCT(street VARCHAR, zip BIGINT, city VARCHAR)');
  });

  it("keeps the dataset's nullability for columns on both sides", () => {
    const diff = diffSchemas(
      [column('a', 'INTEGER', false), column('b', 'INTEGER', true)],
      [column('a', 'BIGINT', true), column('b', 'INTEGER', false)],
    );
    expect(diff.compatible).toBe(true);
    expect(diff.resultSchema.map((c) => c.nullable)).toEqual([false, true]);
  });
});

describe('diffSchemas: incompatible types', () => {
  it('rejects text into a DATE column and suggests a TRY_CAST', () => {
    const incoming = EMPLOYEES.map((c) => (c.name === 'hired_on' ? column('hired_on', 'TEXT') : c));
    const diff = diffSchemas(EMPLOYEES, incoming);
    expect(diff.compatible).toBe(false);
    expect(diff.changes[3]).toMatchObject({
      column: 'hired_on',
      kind: 'incompatible',
      from: 'DATE',
      to: 'VARCHAR',
      compatible: false,
    });
    expect(diff.changes[3]?.reason).toContain('VARCHAR');
    expect(diff.rules).toHaveLength(1);
    expect(diff.rules[0]).toMatchObject({
      column: 'hired_on',
      action: 'cast',
      sql: 'TRY_CAST("hired_on" AS DATE)',
    });
    expect(diff.rules[0]?.description).toMatch(/DATE.*VARCHAR/s);
    expect(diff.resultSchema).toEqual(EMPLOYEES);
  });

  it('rejects numbers into a VARCHAR column and suggests casting them to text', () => {
    const diff = diffSchemas([column('code', 'VARCHAR')], [column('code', 'INTEGER')]);
    expect(diff.changes[0]?.kind).toBe('incompatible');
    expect(diff.rules[0]).toMatchObject({ action: 'cast', sql: 'CAST("code" AS VARCHAR)' });
  });

  it.each([
    ['TIMESTAMP WITH TIME ZONE', 'TIMESTAMP'],
    ['TIMESTAMP', 'TIMESTAMPTZ'],
  ])('rejects %s data into a %s column and asks for the time zone', (datasetType, incomingType) => {
    const diff = diffSchemas([column('seen_at', datasetType)], [column('seen_at', incomingType)]);
    expect(diff.compatible).toBe(false);
    expect(diff.changes[0]?.reason).toContain('time zone');
    expect(diff.rules[0]).toMatchObject({ action: 'cast', sql: `"seen_at" AT TIME ZONE 'UTC'` });
    expect(diff.rules[0]?.description).toContain('zone');
  });

  it.each([
    ['DOUBLE', 'BIGINT', 'rounded', 'TRY_CAST("v" AS DOUBLE)'],
    ['BIGINT', 'DOUBLE', 'rounded', 'TRY_CAST("v" AS BIGINT)'],
    ['DECIMAL(10,2)', 'DOUBLE', '0.1', 'TRY_CAST("v" AS DECIMAL(10,2))'],
    ['DECIMAL(38,20)', 'BIGINT', '39 decimal digits', 'TRY_CAST("v" AS DECIMAL(38,20))'],
    ['HUGEINT', 'UHUGEINT', '128 bits', 'TRY_CAST("v" AS HUGEINT)'],
    ['JSON', 'VARCHAR', 'JSON', 'TRY_CAST("v" AS JSON)'],
    ['VARCHAR', 'JSON', 'JSON', 'CAST("v" AS VARCHAR)'],
    ['TIMESTAMP', 'TIMESTAMP_NS', '1677', 'TRY_CAST("v" AS TIMESTAMP)'],
    ['BOOLEAN', 'INTEGER', 'without loss', 'TRY_CAST("v" AS BOOLEAN)'],
    ['INTEGER[]', 'VARCHAR[]', 'list element', 'TRY_CAST("v" AS INTEGER[])'],
    ['STRUCT(a INTEGER)', 'STRUCT(a DATE)', 'field "a"', 'TRY_CAST("v" AS STRUCT(a INTEGER))'],
    [
      'MAP(VARCHAR, BIGINT)',
      'MAP(VARCHAR, DOUBLE)',
      'map value',
      'TRY_CAST("v" AS MAP(VARCHAR, BIGINT))',
    ],
  ])('rejects %s ← %s, explaining (%s)', (datasetType, incomingType, explanation, sql) => {
    const diff = diffSchemas([column('v', datasetType)], [column('v', incomingType)]);
    expect(diff.compatible).toBe(false);
    expect(diff.changes[0]?.reason).toContain(explanation);
    expect(diff.rules).toEqual([expect.objectContaining({ column: 'v', action: 'cast', sql })]);
  });

  it('gives one rule per incompatible column, in column order', () => {
    const current = [column('id', 'INTEGER', false), column('a', 'DATE'), column('b', 'INTEGER')];
    const incoming = [column('b', 'VARCHAR'), column('a', 'BOOLEAN'), column('c', 'INTEGER')];
    const diff = diffSchemas(current, incoming, { rowKeyColumn: 'id' });
    expect(diff.rules.map((rule) => [rule.column, rule.action])).toEqual([
      ['id', 'provide_column'],
      ['a', 'cast'],
      ['b', 'cast'],
    ]);
    expect(diff.resultSchema).toEqual(current);
  });
});

describe('diffSchemas: names', () => {
  it("matches names ignoring case and keeps the dataset's spelling", () => {
    const diff = diffSchemas(
      [column('Email', 'VARCHAR'), column('Age', 'INTEGER')],
      [column('EMAIL', 'VARCHAR'), column('age', 'BIGINT')],
    );
    expect(diff.compatible).toBe(true);
    expect(diff.changes.map((change) => [change.column, change.kind])).toEqual([
      ['Email', 'unchanged'],
      ['Age', 'widened'],
    ]);
    expect(diff.resultSchema.map((c) => c.name)).toEqual(['Email', 'Age']);
  });

  it('uses the incoming spelling in cast SQL, which runs on the incoming data', () => {
    const diff = diffSchemas([column('hired_on', 'DATE')], [column('Hired_On', 'VARCHAR')]);
    expect(diff.rules[0]).toMatchObject({
      column: 'hired_on',
      sql: 'TRY_CAST("Hired_On" AS DATE)',
    });
  });

  it('quotes odd names in SQL, doubling embedded quotes', () => {
    const name = 'weird "name"';
    const diff = diffSchemas([column(name, 'DATE')], [column(name, 'VARCHAR')]);
    expect(diff.rules[0]?.sql).toBe('TRY_CAST("weird ""name""" AS DATE)');
    expect(diff.rules[0]?.description).toContain('"weird ""name"""');
  });

  it('rejects incoming columns whose names differ only in case', () => {
    const incoming = [
      column('email', 'VARCHAR'),
      column('note', 'VARCHAR'),
      column('EMAIL', 'VARCHAR'),
    ];
    const diff = diffSchemas([column('email', 'VARCHAR')], incoming);
    expect(diff.compatible).toBe(false);
    expect(diff.changes.map((change) => [change.column, change.kind])).toEqual([
      ['email', 'unchanged'],
      ['note', 'added'],
      ['EMAIL', 'incompatible'],
    ]);
    expect(diff.rules).toEqual([
      expect.objectContaining({ column: 'EMAIL', action: 'rename_or_drop' }),
    ]);
  });

  it('lists dataset columns in dataset order, then added ones in incoming order', () => {
    const current = [column('a', 'INTEGER'), column('b', 'INTEGER'), column('c', 'INTEGER')];
    const incoming = [
      column('z', 'INTEGER'),
      column('c', 'INTEGER'),
      column('y', 'INTEGER'),
      column('a', 'INTEGER'),
    ];
    const diff = diffSchemas(current, incoming);
    expect(diff.changes.map((change) => change.column)).toEqual(['a', 'b', 'c', 'z', 'y']);
    expect(diff.resultSchema.map((c) => c.name)).toEqual(['a', 'b', 'c', 'z', 'y']);
  });
});

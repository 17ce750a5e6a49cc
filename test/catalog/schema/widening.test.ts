import { describe, expect, it } from 'vitest';
import { widerType } from '../../../src/catalog/schema/index.js';

type Case = readonly [a: string, b: string, wider: string | null];

/** Every pair of rungs, lower first: the higher rung holds the lower. */
function ladderCases(ladder: readonly string[]): Case[] {
  return ladder.flatMap((low, i) => ladder.slice(i + 1).map((high): Case => [low, high, high]));
}

/** Each case both ways round: widening does not care which side is the dataset. */
function bothWays(cases: readonly Case[]): Case[] {
  return cases.flatMap(([a, b, wider]): Case[] => [
    [a, b, wider],
    [b, a, wider],
  ]);
}

function expectWidening(cases: readonly Case[]) {
  it.each(bothWays(cases))('%s and %s → %s', (a, b, wider) => {
    expect(widerType(a, b)).toBe(wider);
  });
}

describe('widerType: integer ladders', () => {
  describe('signed', () => {
    expectWidening(ladderCases(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT']));
  });

  describe('unsigned', () => {
    expectWidening(ladderCases(['UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT']));
  });

  describe('unsigned into signed only when the signed type is strictly wider', () => {
    expectWidening([
      ['UTINYINT', 'SMALLINT', 'SMALLINT'],
      ['UTINYINT', 'TINYINT', 'SMALLINT'],
      ['USMALLINT', 'INTEGER', 'INTEGER'],
      ['USMALLINT', 'SMALLINT', 'INTEGER'],
      ['UINTEGER', 'BIGINT', 'BIGINT'],
      ['UINTEGER', 'INTEGER', 'BIGINT'],
      ['UINTEGER', 'SMALLINT', 'BIGINT'],
      ['UBIGINT', 'HUGEINT', 'HUGEINT'],
      ['UBIGINT', 'BIGINT', 'HUGEINT'],
      ['UBIGINT', 'TINYINT', 'HUGEINT'],
      ['UTINYINT', 'HUGEINT', 'HUGEINT'],
      ['UHUGEINT', 'HUGEINT', null],
      ['UHUGEINT', 'TINYINT', null],
    ]);
  });
});

describe('widerType: floating point', () => {
  expectWidening([
    ['FLOAT', 'DOUBLE', 'DOUBLE'],
    ['REAL', 'FLOAT8', 'DOUBLE'],
    // A FLOAT's 24-bit significand holds 16-bit integers exactly, a DOUBLE's 53 bits 32-bit ones.
    ['TINYINT', 'FLOAT', 'FLOAT'],
    ['SMALLINT', 'FLOAT', 'FLOAT'],
    ['UTINYINT', 'FLOAT', 'FLOAT'],
    ['USMALLINT', 'FLOAT', 'FLOAT'],
    ['INTEGER', 'FLOAT', 'DOUBLE'],
    ['UINTEGER', 'FLOAT', 'DOUBLE'],
    ['TINYINT', 'DOUBLE', 'DOUBLE'],
    ['SMALLINT', 'DOUBLE', 'DOUBLE'],
    ['INTEGER', 'DOUBLE', 'DOUBLE'],
    ['UINTEGER', 'DOUBLE', 'DOUBLE'],
    ['BIGINT', 'DOUBLE', null],
    ['BIGINT', 'FLOAT', null],
    ['UBIGINT', 'DOUBLE', null],
    ['HUGEINT', 'DOUBLE', null],
    ['DECIMAL(10,2)', 'DOUBLE', null],
    ['DECIMAL(3,0)', 'FLOAT', null],
  ]);
});

describe('widerType: decimals', () => {
  expectWidening([
    ['DECIMAL(10,2)', 'DECIMAL(10,2)', 'DECIMAL(10,2)'],
    ['DECIMAL(10,2)', 'DECIMAL(12,2)', 'DECIMAL(12,2)'],
    ['DECIMAL(10,2)', 'DECIMAL(10,4)', 'DECIMAL(12,4)'],
    ['DECIMAL(10,2)', 'DECIMAL(5,4)', 'DECIMAL(12,4)'],
    ['DECIMAL(9,0)', 'DECIMAL(4,4)', 'DECIMAL(13,4)'],
    ['DECIMAL(38,10)', 'DECIMAL(20,0)', 'DECIMAL(38,10)'],
    ['DECIMAL(38,10)', 'DECIMAL(38,11)', null], // 28 integer digits + 11 decimals = 39
    ['DECIMAL(30,10)', 'DECIMAL(30,0)', null],
    ['DECIMAL', 'DECIMAL(10,2)', 'DECIMAL(18,3)'], // DECIMAL alone is DECIMAL(18,3)
    ['NUMERIC(5,1)', 'DECIMAL(5,1)', 'DECIMAL(5,1)'],
    ['decimal(6)', 'DECIMAL(6,2)', 'DECIMAL(8,2)'],
  ]);

  describe('integers count as DECIMAL(their digits, 0)', () => {
    expectWidening([
      ['TINYINT', 'DECIMAL(3,0)', 'DECIMAL(3,0)'],
      ['SMALLINT', 'DECIMAL(4,2)', 'DECIMAL(7,2)'],
      ['INTEGER', 'DECIMAL(12,2)', 'DECIMAL(12,2)'],
      ['INTEGER', 'DECIMAL(10,0)', 'DECIMAL(10,0)'],
      ['INTEGER', 'DECIMAL(9,0)', 'DECIMAL(10,0)'],
      ['INTEGER', 'DECIMAL(5,2)', 'DECIMAL(12,2)'],
      ['UINTEGER', 'DECIMAL(10,0)', 'DECIMAL(10,0)'],
      ['BIGINT', 'DECIMAL(19,0)', 'DECIMAL(19,0)'],
      ['BIGINT', 'DECIMAL(21,2)', 'DECIMAL(21,2)'],
      ['BIGINT', 'DECIMAL(18,0)', 'DECIMAL(19,0)'],
      ['BIGINT', 'DECIMAL(38,19)', 'DECIMAL(38,19)'],
      ['BIGINT', 'DECIMAL(38,20)', null], // 19 + 20 digits
      ['UBIGINT', 'DECIMAL(20,0)', 'DECIMAL(20,0)'],
      ['UBIGINT', 'DECIMAL(38,19)', null],
      ['HUGEINT', 'DECIMAL(38,0)', null], // 39 digits
      ['UHUGEINT', 'DECIMAL(10,2)', null],
    ]);
  });
});

describe('widerType: dates and times', () => {
  expectWidening([
    ...ladderCases(['DATE', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP']),
    ['DATETIME', 'DATE', 'TIMESTAMP'],
    ['TIMESTAMPTZ', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP WITH TIME ZONE'],
    ['TIMESTAMP', 'TIMESTAMPTZ', null],
    ['DATE', 'TIMESTAMPTZ', null],
    ['TIMESTAMP_NS', 'TIMESTAMP', null],
    ['TIMESTAMP_NS', 'DATE', null],
    ['TIMESTAMP_NS', 'TIMESTAMP_NS', 'TIMESTAMP_NS'],
    ['TIME', 'TIMETZ', null],
    ['TIME', 'TIMESTAMP', null],
    ['INTERVAL', 'TIME', null],
    ['DATE', 'INTEGER', null],
  ]);
});

describe('widerType: text and other scalars', () => {
  expectWidening([
    ['VARCHAR', 'VARCHAR', 'VARCHAR'],
    ['TEXT', 'STRING', 'VARCHAR'],
    ['VARCHAR(10)', 'VARCHAR(20)', 'VARCHAR'],
    ['INTEGER', 'VARCHAR', null],
    ['DATE', 'VARCHAR', null],
    ['BOOLEAN', 'VARCHAR', null],
    ['UUID', 'VARCHAR', null],
    ['BLOB', 'VARCHAR', null],
    ['JSON', 'VARCHAR', null],
    ['JSON', 'JSON', 'JSON'],
    ['BOOL', 'BOOLEAN', 'BOOLEAN'],
    ['BOOLEAN', 'TINYINT', null],
    ['BYTEA', 'BLOB', 'BLOB'],
    ['UUID', 'UUID', 'UUID'],
    ["ENUM('a', 'b')", "enum('a','b')", "ENUM('a', 'b')"],
    ["ENUM('a')", "ENUM('a', 'b')", null],
    ['GEOMETRY', 'GEOMETRY', 'GEOMETRY'],
  ]);
});

describe('widerType: nested types', () => {
  expectWidening([
    ['INTEGER[]', 'BIGINT[]', 'BIGINT[]'],
    ['INT[][]', 'SMALLINT[][]', 'INTEGER[][]'],
    ['DATE[]', 'TIMESTAMP[]', 'TIMESTAMP[]'],
    ['INTEGER[]', 'VARCHAR[]', null],
    ['INTEGER[]', 'INTEGER', null],
    ['INTEGER[]', 'INTEGER[][]', null],
    ['INTEGER[3]', 'BIGINT[3]', 'BIGINT[3]'],
    ['INTEGER[2]', 'INTEGER[3]', 'INTEGER[]'],
    ['INTEGER[3]', 'BIGINT[]', 'BIGINT[]'],
    ['STRUCT(a INTEGER, b VARCHAR)', 'STRUCT(a BIGINT, b TEXT)', 'STRUCT(a BIGINT, b VARCHAR)'],
    ['STRUCT(a INT)', 'STRUCT(a INT, b DATE)', 'STRUCT(a INTEGER, b DATE)'],
    ['STRUCT(a INT)', 'STRUCT(a VARCHAR)', null],
    ['STRUCT(a INT, b INT[])', 'STRUCT(a INT, b DOUBLE[])', 'STRUCT(a INTEGER, b DOUBLE[])'],
    ['STRUCT(a INT, b BIGINT[])', 'STRUCT(a INT, b DOUBLE[])', null],
    [
      'STRUCT(a STRUCT(x INT)[])',
      'STRUCT(a STRUCT(x BIGINT, y VARCHAR)[])',
      'STRUCT(a STRUCT(x BIGINT, y VARCHAR)[])',
    ],
    ['MAP(VARCHAR, INTEGER)', 'MAP(VARCHAR, BIGINT)', 'MAP(VARCHAR, BIGINT)'],
    ['MAP(INTEGER, VARCHAR)', 'MAP(BIGINT, VARCHAR)', 'MAP(BIGINT, VARCHAR)'],
    ['MAP(VARCHAR, INTEGER)', 'MAP(INTEGER, INTEGER)', null],
    ['MAP(VARCHAR, BIGINT)', 'MAP(VARCHAR, DOUBLE)', null],
    ['MAP(VARCHAR, INTEGER)', 'STRUCT(key VARCHAR, value INTEGER)', null],
  ]);

  it('matches struct fields ignoring case, keeping the first spelling', () => {
    expect(widerType('STRUCT(Name INT)', 'STRUCT(name BIGINT)')).toBe('STRUCT(Name BIGINT)');
  });

  // Like columns in an append: the dataset's (first) order stays, new fields go at the end.
  it.each([
    ['STRUCT(a INT, b INT)', 'STRUCT(a INT, c INT)', 'STRUCT(a INTEGER, b INTEGER, c INTEGER)'],
    ['STRUCT(a INT, c INT)', 'STRUCT(a INT, b INT)', 'STRUCT(a INTEGER, c INTEGER, b INTEGER)'],
    ['STRUCT(a INT, b INT)', 'STRUCT(b BIGINT)', 'STRUCT(a INTEGER, b BIGINT)'],
    ['STRUCT(b BIGINT)', 'STRUCT(a INT, b INT)', 'STRUCT(b BIGINT, a INTEGER)'],
    ['STRUCT(a INT, b INT)', 'STRUCT(b INT, a INT)', 'STRUCT(a INTEGER, b INTEGER)'],
  ])("orders %s and %s by the first struct's fields, then the second's new ones", (a, b, wider) => {
    expect(widerType(a, b)).toBe(wider);
  });
});

describe('widerType: spelling', () => {
  expectWidening([
    ['int', 'INT8', 'BIGINT'],
    ['  integer ', 'Integer', 'INTEGER'],
    ['float4', 'double precision', 'DOUBLE'],
    ['timestamp  with time zone', 'TIMESTAMPTZ', 'TIMESTAMP WITH TIME ZONE'],
    ['numeric(10, 2)', 'decimal(10,2)', 'DECIMAL(10,2)'],
    ['struct(a int4)', 'STRUCT(a long)', 'STRUCT(a BIGINT)'],
    ['DECIMAL(40,2)', 'DECIMAL(40,2)', 'DECIMAL(40,2)'], // unreadable text only equals itself
    ['DECIMAL(40,2)', 'DECIMAL(38,2)', null],
  ]);
});

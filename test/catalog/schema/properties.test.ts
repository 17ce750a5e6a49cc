import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDuckDbType, widerType } from '../../../src/catalog/schema/index.js';

/**
 * Types of every family, in several spellings. Structs whose shared fields come in different
 * orders are left out: the widened struct keeps the first argument's order, by design.
 */
const TYPES = [
  ...['TINYINT', 'SMALLINT', 'INTEGER', 'int', 'BIGINT', 'int8', 'HUGEINT'],
  ...['UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT'],
  ...['FLOAT', 'real', 'DOUBLE', 'float8'],
  ...['DECIMAL', 'DECIMAL(3,0)', 'DECIMAL(5,2)', 'numeric(10,2)', 'DECIMAL(12,4)', 'DECIMAL(18,0)'],
  ...['DECIMAL(20,0)', 'DECIMAL(21,2)', 'DECIMAL(38,0)', 'DECIMAL(38,10)', 'DECIMAL(38,38)'],
  ...['DATE', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP', 'datetime', 'TIMESTAMP_NS'],
  ...['TIMESTAMPTZ', 'TIME', 'TIMETZ', 'INTERVAL'],
  ...['VARCHAR', 'text', 'VARCHAR(20)', 'JSON', 'BOOLEAN', 'BLOB', 'UUID', "ENUM('a', 'b')"],
  ...['INTEGER[]', 'BIGINT[]', 'DOUBLE[]', 'VARCHAR[]', 'INTEGER[3]', 'SMALLINT[3]', 'INT[2]'],
  ...['INTEGER[][]', 'DATE[]', 'TIMESTAMP[]'],
  ...['STRUCT(a INTEGER)', 'STRUCT(a BIGINT, b VARCHAR)', 'STRUCT(a SMALLINT, b TEXT, c DATE)'],
  ...[
    'STRUCT(a DOUBLE)',
    'STRUCT(a INTEGER[], b STRUCT(x INTEGER))',
    'STRUCT(a INTEGER, b INTEGER)',
  ],
  ...[
    'MAP(VARCHAR, INTEGER)',
    'MAP(VARCHAR, BIGINT)',
    'MAP(INTEGER, DOUBLE)',
    'MAP(VARCHAR, DOUBLE)',
  ],
  ...['DECIMAL(40,2)', 'not a type'],
];

const anyType = fc.constantFrom(...TYPES);

describe('widerType properties', () => {
  // Random pairs shrink well, but the list is small enough to check every pair as well.
  it('is symmetric and idempotent for every pair in the list', () => {
    for (const a of TYPES) {
      for (const b of TYPES) {
        const wider = widerType(a, b);
        expect(widerType(b, a), `${a} and ${b}`).toBe(wider);
        if (wider !== null) expect(widerType(a, wider), `${a} and ${wider}`).toBe(wider);
      }
    }
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(anyType, anyType, (a, b) => {
        expect(widerType(a, b)).toBe(widerType(b, a));
      }),
    );
  });

  it('is idempotent: widening again by either side changes nothing', () => {
    fc.assert(
      fc.property(anyType, anyType, (a, b) => {
        const wider = widerType(a, b);
        fc.pre(wider !== null);
        expect(widerType(a, wider)).toBe(wider);
        expect(widerType(b, wider)).toBe(wider);
        expect(widerType(wider, wider)).toBe(wider);
      }),
    );
  });

  it('widens a type with itself to its normal form', () => {
    fc.assert(
      fc.property(anyType, (a) => {
        expect(widerType(a, a)).toBe(normaliseDuckDbType(a));
      }),
    );
  });
});

/** One scalar type in its alternative spellings. */
const SCALAR_SPELLINGS: readonly (readonly string[])[] = [
  ['INTEGER', 'INT', 'INT4', 'signed'],
  ['BIGINT', 'INT8', 'LONG'],
  ['SMALLINT', 'INT2', 'SHORT'],
  ['FLOAT', 'REAL', 'FLOAT4'],
  ['DOUBLE', 'FLOAT8', 'double precision'],
  ['VARCHAR', 'TEXT', 'STRING', 'VARCHAR(30)'],
  ['BOOLEAN', 'BOOL', 'LOGICAL'],
  ['TIMESTAMP WITH TIME ZONE', 'TIMESTAMPTZ', 'timestamp  with time  zone'],
  ['TIMESTAMP', 'DATETIME', 'TIMESTAMP_US'],
  ['DECIMAL(18,3)', 'DECIMAL', 'NUMERIC', 'numeric( 18 , 3 )'],
  ['DATE'],
  ['UUID'],
];

const randomCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) =>
      [...text].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''),
    );

const spelling = (choices: readonly string[]) => fc.constantFrom(...choices).chain(randomCase);
const FIELD_NAMES = ['a', 'b', 'first_name', '"Home Address"', '"say ""hi"""'];

/** Two independent spellings of one randomly built type, nested up to a few levels. */
const { typePair } = fc.letrec<{ typePair: readonly [string, string] }>((tie) => ({
  typePair: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .constantFrom(...SCALAR_SPELLINGS)
      .chain((choices) => fc.tuple(spelling(choices), spelling(choices))),
    tie('typePair').map(([a, b]) => [`${a}[]`, `${b} [ ]`] as const),
    fc
      .uniqueArray(fc.tuple(fc.constantFrom(...FIELD_NAMES), tie('typePair')), {
        minLength: 1,
        maxLength: 3,
        selector: ([name]) => name.toLowerCase(),
      })
      .map((fields) => {
        const render = (side: 0 | 1, separator: string) =>
          `STRUCT(${fields.map(([name, pair]) => `${name} ${pair[side]}`).join(separator)})`;
        return [render(0, ', '), render(1, ' ,')] as const;
      }),
    fc
      .tuple(tie('typePair'), tie('typePair'))
      .map(
        ([key, value]) => [`MAP(${key[0]}, ${value[0]})`, `map( ${key[1]},${value[1]} )`] as const,
      ),
  ),
}));

describe('normaliseDuckDbType properties', () => {
  it('gives every spelling of a type the same normal form', () => {
    fc.assert(
      fc.property(typePair, ([a, b]) => {
        expect(normaliseDuckDbType(a)).toBe(normaliseDuckDbType(b));
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(typePair, ([a]) => {
        const normal = normaliseDuckDbType(a);
        expect(normaliseDuckDbType(normal)).toBe(normal);
      }),
    );
  });

  it('lets any spelling of a type widen to itself', () => {
    fc.assert(
      fc.property(typePair, ([a, b]) => {
        expect(widerType(a, b)).toBe(normaliseDuckDbType(a));
      }),
    );
  });
});

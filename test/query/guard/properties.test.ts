import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCAPE_CORPUS } from './escape-corpus.js';
import { rejectionOf, SCOPE, SerializingDuckDb } from './harness.js';

let duck: SerializingDuckDb;
beforeAll(async () => {
  duck = await SerializingDuckDb.open();
});
afterAll(() => duck.close());

const source = fc.constantFrom(
  'people',
  'T',
  'lakehouse.journal',
  'range(3) r(x)',
  'generate_series(1, 2) g(x)',
  '(VALUES (1), (2)) v(x)',
  'unnest([1, 2]) u(x)',
);
const expression = fc.constantFrom(
  '1',
  'x',
  "'DROP TABLE people; read_csv(''/etc/passwd'')'",
  'upper(name)',
  'length(name) + 1',
  'now()',
  '[1, 2]',
  "{'table_name': 'secret'}",
  'row_number() OVER (ORDER BY x)',
  'list_transform([1], y -> y * 2)',
);
/** CTE names, several of them shadowing something that would be refused outside a CTE. */
const cteName = fc.constantFrom('c', 'people', 'read_csv', 'secret', 'pg_tables', 'duckdb_tables');

/** Random compositions of allowed fragments: selects, set operations, CTEs, subqueries. */
const { query } = fc.letrec<{ query: string }>((tie) => ({
  query: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(expression, source).map(([e, s]) => `SELECT ${e} FROM ${s}`),
    fc
      .tuple(
        tie('query'),
        fc.constantFrom('UNION', 'UNION ALL', 'INTERSECT', 'EXCEPT'),
        tie('query'),
      )
      .map(([a, op, b]) => `(${a}) ${op} (${b})`),
    fc
      .tuple(cteName, tie('query'), tie('query'))
      .map(([name, a, b]) => `WITH ${name} AS (${a}) SELECT * FROM ${name}, (${b}) q`),
    tie('query').map((a) => `SELECT * FROM (${a}) s`),
    fc.tuple(source, tie('query')).map(([s, a]) => `SELECT * FROM ${s} WHERE EXISTS (${a})`),
    fc
      .tuple(source, tie('query'))
      .map(([s, a]) => `SELECT * FROM ${s} LIMIT (SELECT count(*) FROM (${a}) s)`),
    tie('query').map((a) => `SELECT * FROM unnest((SELECT list(1) FROM (${a}) s))`),
  ),
}));

describe('properties', () => {
  it('random compositions of allowed fragments stay allowed', async () => {
    await fc.assert(
      fc.asyncProperty(
        query,
        fc.constantFrom('', 'EXPLAIN ', 'EXPLAIN ANALYZE '),
        async (sql, prefix) => {
          const guarded = await duck.guard(prefix + sql);
          expect(guarded.kind).toBe(prefix === '' ? 'select' : 'explain');
          for (const table of guarded.tables) expect(SCOPE.tables.has(table)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  /** Corpus attempts that are single queries, so they can be nested inside another query. */
  const nestable = ESCAPE_CORPUS.filter(
    ({ sql, expected }) =>
      ['table_not_in_namespace', 'table_function_not_allowed', 'function_not_allowed'].includes(
        expected,
      ) && /^\s*(SELECT|FROM|WITH|VALUES|TABLE)\b/i.test(sql),
  );
  const wrappers: readonly ((sql: string) => string)[] = [
    (sql) => `WITH w AS (${sql}) SELECT * FROM w`,
    (sql) => `SELECT * FROM (${sql}) AS w`,
    (sql) => `SELECT 1 UNION ALL (${sql})`,
    (sql) => `(${sql}) INTERSECT SELECT 1`,
    (sql) => `SELECT * FROM people WHERE EXISTS (${sql})`,
    (sql) => `SELECT * FROM people, LATERAL (${sql}) AS w`,
    (sql) => `SELECT * FROM range((SELECT count(*) FROM (${sql}) AS w))`,
  ];

  it(`wrapping any of ${nestable.length} nestable corpus attempts in CTEs, subqueries or set operations still refuses it`, async () => {
    expect(nestable.length).toBeGreaterThan(100);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...nestable),
        fc.array(fc.constantFrom(...wrappers), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (attempt, wraps, explain) => {
          const wrapped = wraps.reduce((sql, wrap) => wrap(sql), attempt.sql);
          const rejection = await rejectionOf(duck.guard(explain ? `EXPLAIN ${wrapped}` : wrapped));
          expect(rejection).toMatchObject({ code: 'query_refused', reason: attempt.expected });
        },
      ),
      { numRuns: 400 },
    );
  });
});

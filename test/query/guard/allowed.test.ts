import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerializingDuckDb } from './harness.js';

let duck: SerializingDuckDb;
beforeAll(async () => {
  duck = await SerializingDuckDb.open();
});
afterAll(() => duck.close());

/** Statements the guard must let through, by what they exercise. */
const ALLOWED: Record<string, readonly string[]> = {
  'plain selects': [
    'SELECT * FROM people',
    'select name, age from PEOPLE where age > 30 order by name limit 10 offset 5',
    'FROM people SELECT name',
    'FROM people',
    'TABLE people',
    'SELECT 1',
    'SELECT * FROM "People"',
    'SELECT p.name FROM people AS p',
    'SELECT * EXCLUDE (age) FROM people',
    'SELECT * FROM people USING SAMPLE 10%',
    'SELECT * FROM people TABLESAMPLE 5 ROWS',
    'SELECT * FROM people; ',
  ],
  'joins and aggregates': [
    'SELECT p.name, count(*) FROM people p JOIN orders o ON o.person_id = p.id GROUP BY ALL HAVING count(*) > 1',
    'SELECT * FROM people LEFT JOIN candidates USING (id)',
    'SELECT * FROM people, t',
    'SELECT * FROM people ASOF JOIN orders ON people.id = orders.person_id AND people.at >= orders.at',
    'SELECT * FROM people POSITIONAL JOIN t',
    'SELECT * FROM people SEMI JOIN orders ON people.id = orders.person_id',
    'SELECT string_agg(name ORDER BY name), sum(age) FILTER (WHERE age > 3) FROM people',
    'SELECT name FROM people GROUP BY GROUPING SETS ((name), ())',
  ],
  'window functions': [
    'SELECT name, row_number() OVER (PARTITION BY team ORDER BY age DESC) FROM people',
    'SELECT sum(age) OVER w FROM people WINDOW w AS (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)',
    'SELECT * FROM people QUALIFY row_number() OVER (ORDER BY age) = 1',
  ],
  CTEs: [
    'WITH a AS (SELECT * FROM people) SELECT * FROM a',
    'WITH a AS (SELECT 1 AS x), b AS (SELECT * FROM a) SELECT * FROM b',
    'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT * FROM r',
    'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL (SELECT n + 1 FROM (SELECT * FROM r) s WHERE n < 3)) SELECT * FROM r',
    'WITH people AS (SELECT * FROM people WHERE age > 30) SELECT * FROM people',
    'WITH read_csv AS (SELECT 1 AS x) SELECT * FROM read_csv',
    'WITH secret AS (SELECT 1 AS x) SELECT * FROM secret',
    'WITH Secret AS (SELECT 1 AS x) SELECT * FROM SECRET',
    'WITH a AS MATERIALIZED (SELECT * FROM people) SELECT * FROM a, a AS b',
    'WITH a AS (SELECT 1 AS x) SELECT * FROM people WHERE id IN (SELECT x FROM a)',
    'WITH a AS (SELECT 1 AS x) SELECT * FROM (WITH b AS (SELECT * FROM a) SELECT * FROM b)',
    'WITH a AS (SELECT 3 AS n) SELECT * FROM range((SELECT n FROM a))',
    'WITH a AS (SELECT 1 AS x) SELECT * FROM (DESCRIBE a)',
  ],
  'set operations': [
    'SELECT id FROM people UNION SELECT id FROM candidates',
    'SELECT id FROM people UNION ALL BY NAME SELECT id FROM candidates',
    'SELECT id FROM people INTERSECT SELECT id FROM candidates EXCEPT SELECT 1',
    '(SELECT 1) UNION (SELECT 2)',
  ],
  'subqueries in every position': [
    'SELECT (SELECT max(age) FROM people) AS oldest',
    'SELECT * FROM people WHERE EXISTS (SELECT 1 FROM orders WHERE orders.person_id = people.id)',
    'SELECT * FROM people WHERE id IN (SELECT person_id FROM orders)',
    'SELECT * FROM people WHERE age > ALL (SELECT age FROM candidates)',
    'SELECT * FROM (SELECT * FROM people) AS p',
    'SELECT * FROM people, LATERAL (SELECT * FROM orders WHERE orders.person_id = people.id)',
    'SELECT * FROM people ORDER BY (SELECT 1)',
    'SELECT * FROM people LIMIT (SELECT count(*) FROM candidates)',
    'SELECT name FROM people GROUP BY name HAVING count(*) > (SELECT 1)',
    'SELECT CASE WHEN age > (SELECT avg(age) FROM people) THEN 1 END FROM people',
    'SELECT CAST((SELECT max(id) FROM t) AS VARCHAR)',
    'SELECT count(*) FILTER (WHERE id IN (SELECT id FROM t)) FROM people',
  ],
  VALUES: ['VALUES (1, 2), (3, 4)', 'SELECT * FROM (VALUES (1), ((SELECT 2))) v(x)'],
  'row generators': [
    'SELECT * FROM range(10)',
    'FROM RANGE(3) r(x) SELECT x',
    'SELECT * FROM generate_series(1, 5)',
    'SELECT * FROM unnest([1, 2, 3])',
    'SELECT unnest((SELECT list(id) FROM people))',
    'SELECT * FROM people, unnest(people.tags) AS u(tag)',
    'SELECT range(5), generate_series(1, 2)',
  ],
  'EXPLAIN of a select': [
    'EXPLAIN SELECT * FROM people',
    'EXPLAIN ANALYZE SELECT * FROM people',
    'explain analyse select 1',
    '/* why */ EXPLAIN -- a comment\n ANALYZE /* c */ SELECT * FROM people',
    'EXPLAIN DESCRIBE people',
  ],
  'DESCRIBE and SHOW': [
    'DESCRIBE people',
    'DESCRIBE TABLE people',
    'SHOW people',
    'DESCRIBE lakehouse.journal',
    'DESCRIBE SELECT name FROM people',
    'SHOW TABLES',
    'show tables;',
    'SELECT * FROM (SHOW TABLES)',
  ],
  'system views in scope': [
    'SELECT * FROM lakehouse.journal',
    'SELECT * FROM LAKEHOUSE.JOURNAL j JOIN people p ON j.actor = p.id',
  ],
  'data that looks like SQL': [
    "SELECT 'DROP TABLE people' AS x",
    "SELECT 'read_csv(''/etc/passwd'')' AS x FROM people",
    "SELECT * FROM people WHERE note = '; COPY people TO ''/tmp/x'''",
    "SELECT $$SELECT * FROM read_text('/etc/passwd')$$",
    "SELECT {'function_name': 'read_csv', 'table_name': 'secret'}",
    'SELECT 1 -- ; DROP TABLE people',
    'SELECT 1 /* ; ATTACH */',
  ],
  'names that look like functions': [
    'SELECT "read_csv", "current_setting" FROM people',
    'SELECT read_csv FROM people',
    'SELECT people.current_schema FROM people',
    'SELECT 1 AS read_text',
  ],
  'ordinary functions': [
    'SELECT version(), current_date, now(), uuid(), random()',
    'SELECT upper(name), name.lower(), length(name) FROM people',
    'SELECT list_transform([1, 2], x -> x + 1), list_filter([1], lambda x: x > 0)',
    "SELECT regexp_matches(name, '^a'), strftime(now(), '%Y') FROM people",
    'SELECT json_serialize_sql(name) FROM people',
    'SELECT typeof(1), pg_typeof(1), current_query(), current_user',
    'SELECT ? + $1',
  ],
  'PIVOT and UNPIVOT in FROM': [
    "SELECT * FROM people PIVOT (count(*) FOR team IN ('a', 'b'))",
    'SELECT * FROM people UNPIVOT (v FOR k IN (a, b))',
    'UNPIVOT people ON a, b INTO NAME k VALUE v',
  ],
};

describe('allowed statements', () => {
  for (const [topic, statements] of Object.entries(ALLOWED)) {
    it.each(statements)(`${topic}: %s`, async (sql) => {
      const guarded = await duck.guard(sql);
      for (const table of guarded.tables)
        expect(['people', 'candidates', 't', 'orders']).toContain(table);
    });
  }

  it('reports the namespace and system views read, lowercased and deduplicated', async () => {
    const guarded = await duck.guard(
      'WITH people AS (SELECT * FROM Candidates) SELECT * FROM people, T, t, lakehouse.Journal WHERE EXISTS (FROM orders)',
    );
    expect(guarded).toEqual({
      kind: 'select',
      tables: ['candidates', 'orders', 't'],
      systemTables: ['journal'],
    });
  });

  it.each([
    ['SELECT * FROM people', 'select'],
    ['EXPLAIN SELECT * FROM people', 'explain'],
    ['EXPLAIN ANALYZE SELECT 1', 'explain'],
    ['DESCRIBE people', 'describe'],
    ['SHOW people', 'describe'],
    ['SHOW TABLES', 'show'],
    ['SELECT * FROM (DESCRIBE people)', 'select'],
  ])('classifies %s as %s', async (sql, kind) => {
    expect((await duck.guard(sql)).kind).toBe(kind);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCAPE_CORPUS } from './escape-corpus.js';
import { rejectionOf, SerializingDuckDb } from './harness.js';

let duck: SerializingDuckDb;
beforeAll(async () => {
  duck = await SerializingDuckDb.open();
});
afterAll(() => duck.close());

const unparseable = ESCAPE_CORPUS.filter((attempt) => attempt.expected === 'invalid_sql');
const refused = ESCAPE_CORPUS.filter((attempt) => attempt.expected !== 'invalid_sql');

describe(`escape corpus: ${ESCAPE_CORPUS.length} attempts (${refused.length} refused with 403, ${unparseable.length} unparseable with 400)`, () => {
  it.each(refused)('refuses $expected: $sql', async ({ sql, expected }) => {
    const rejection = await rejectionOf(duck.guard(sql));
    expect(rejection).toMatchObject({ code: 'query_refused', status: 403, reason: expected });
    expect(rejection.message.length).toBeGreaterThan(10);
  });

  it.each(unparseable)('rejects as invalid_sql: $sql', async ({ sql }) => {
    const rejection = await rejectionOf(duck.guard(sql));
    expect(rejection).toMatchObject({ code: 'invalid_sql', status: 400 });
  });

  it('has no duplicate attempts', () => {
    expect(new Set(ESCAPE_CORPUS.map((attempt) => attempt.sql)).size).toBe(ESCAPE_CORPUS.length);
  });
});

describe('refusal messages', () => {
  it.each([
    ["COPY people TO '/tmp/x'", /^COPY statements are not allowed/],
    ["CREATE OR REPLACE SECRET s (TYPE s3, KEY_ID 'k')", /^CREATE OR REPLACE SECRET statements/],
    ["ATTACH 'x.db'", /^ATTACH statements/],
    ['/* hi */ -- there\n  pragma version', /^PRAGMA statements/],
    ['SELECT 1; DROP TABLE people', /^Multiple statements are not allowed/],
    ["EXPLAIN COPY people TO '/tmp/x'", /^EXPLAIN is only allowed for a query\. COPY statements/],
    ["SELECT * FROM read_csv('/etc/passwd')", /^Table function "read_csv" is not allowed/],
    ["SELECT * FROM main.read_csv('/x')", /^Table function "main\.read_csv" is not allowed/],
    ["SELECT current_setting('threads')", /^Function "current_setting" is not allowed: it reveals/],
    ['SELECT * FROM ns_other.candidates', /^Table "ns_other\.candidates" is not in your namespace/],
    ["SELECT * FROM '/etc/passwd'", /^Table "\/etc\/passwd" is not in your namespace/],
    ['SHOW ALL TABLES', /^Listing every table/],
    ['SUMMARIZE people', /^SUMMARIZE is not allowed/],
  ])('%s → %s', async (sql, message) => {
    expect((await rejectionOf(duck.guard(sql))).message).toMatch(message);
  });

  it('reports a syntax error with DuckDB’s own message', async () => {
    const rejection = await rejectionOf(duck.guard('SELEC 1'));
    expect(rejection).toEqual({
      code: 'invalid_sql',
      status: 400,
      reason: 'syntax_error',
      message: 'syntax error at or near "SELEC"',
    });
  });

  it.each(['', '   ', ';', '-- nothing\n', '/* nothing */'])(
    'rejects empty text %j as invalid_sql',
    async (sql) => {
      expect(await rejectionOf(duck.guard(sql))).toMatchObject({
        code: 'invalid_sql',
        reason: 'no_statement',
      });
    },
  );
});

import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/core/errors.js';
import type { GuardScope } from '../../../src/query/guard/index.js';
import { tempDir } from '../../support/temp.js';
import { SerializingDuckDb } from './harness.js';

/**
 * The guard's CTE scoping must match DuckDB's name resolution exactly: if the guard takes a name
 * for a CTE where DuckDB binds a catalog table, a query escapes. So allowed queries are run for
 * real, on a connection set up like the service's (`USE ns_a`), next to "poisoned" tables in
 * `main` whose views fail to bind with an error naming the poison file. Any allowed query whose
 * execution mentions the poison read outside the namespace.
 */
const SCOPE: GuardScope = { tables: new Set(['people', 't']), systemTables: new Set(['journal']) };
const temp = tempDir('guard-poison');
let duck: SerializingDuckDb;

beforeAll(async () => {
  duck = await SerializingDuckDb.open();
  const poison = path.join(temp.dir, 'poison.csv');
  writeFileSync(poison, 'x\n424242\n');
  for (const sql of [
    `CREATE VIEW main.secret AS SELECT x FROM read_csv('${poison}')`,
    `CREATE VIEW main.other AS SELECT x FROM read_csv('${poison}')`,
    'CREATE SCHEMA ns_a',
    'CREATE VIEW ns_a.people AS SELECT 1 AS x',
    'CREATE VIEW ns_a.t AS SELECT 2 AS x',
    'CREATE SCHEMA lakehouse',
    'CREATE VIEW lakehouse.journal AS SELECT 3 AS x',
    'USE ns_a',
  ]) {
    await duck.connection.run(sql);
  }
  rmSync(poison);
});
afterAll(() => {
  duck.close();
  temp.remove();
});

/** Runs SQL the guard allowed; returns the rows, or the error message. */
async function execute(sql: string): Promise<{ rows: unknown[] } | { error: string }> {
  try {
    return { rows: (await duck.connection.runAndReadAll(sql)).getRowObjectsJS() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function guardAllows(sql: string): Promise<boolean> {
  try {
    await duck.guard(sql, SCOPE);
    return true;
  } catch (error) {
    if (isAppError(error)) return false;
    throw error;
  }
}

const reference = fc.constantFrom('secret', 'other', 'people', 't');
const cteName = fc.constantFrom('secret', 'other', 'people', 'c');

/** Queries of one column x where CTE names collide with poisoned and namespace names. */
const { query } = fc.letrec<{ query: string }>((tie) => ({
  query: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    reference.map((name) => `SELECT x FROM ${name}`),
    fc
      .tuple(cteName, tie('query'), tie('query'))
      .map(([name, a, b]) => `WITH ${name} AS (${a}) SELECT x FROM (${b}) s`),
    fc
      .tuple(cteName, tie('query'), reference)
      .map(([name, a, ref]) => `WITH ${name} AS (${a}) SELECT x FROM ${ref}`),
    fc
      .tuple(cteName, tie('query'), reference, reference)
      .map(
        ([name, anchor, step, ref]) =>
          `WITH RECURSIVE ${name}(x) AS ((${anchor}) UNION SELECT x + 1 FROM ${step} WHERE x < 3) SELECT x FROM ${ref}`,
      ),
    fc.tuple(reference, tie('query')).map(([ref, a]) => `SELECT x FROM ${ref} WHERE EXISTS (${a})`),
    fc.tuple(tie('query'), tie('query')).map(([a, b]) => `(${a}) UNION ALL (${b})`),
    fc.tuple(reference, tie('query')).map(([ref, a]) => `SELECT s.x FROM ${ref}, LATERAL (${a}) s`),
    tie('query').map(
      (a) => `SELECT count(*)::INT AS x FROM range((SELECT count(*) FROM (${a}) s))`,
    ),
  ),
}));

describe('allowed queries never reach outside the namespace when run', () => {
  it('poisoned tables are reachable without the guard (the test can see an escape)', async () => {
    expect(await execute('SELECT x FROM secret')).toEqual({
      error: expect.stringContaining('poison'),
    });
    expect(
      await execute(
        'WITH RECURSIVE secret(x) AS (SELECT x FROM secret UNION ALL SELECT x + 1 FROM secret WHERE x < 5) SELECT x FROM secret',
      ),
    ).toEqual({
      error: expect.stringContaining('poison'),
    });
    expect(await guardAllows('SELECT x FROM secret')).toBe(false);
  });

  it.each([
    ['WITH secret AS (SELECT 7 AS x) SELECT x FROM secret', [{ x: 7 }]],
    ['WITH people AS (SELECT x + 10 AS x FROM people) SELECT x FROM people', [{ x: 11 }]],
    [
      'WITH secret AS (SELECT 7 AS x) SELECT count(*)::INT AS x FROM range((SELECT x FROM secret))',
      [{ x: 7 }],
    ],
    [
      'WITH secret AS (SELECT 7 AS x) SELECT column_name FROM (DESCRIBE secret)',
      [{ column_name: 'x' }],
    ],
    [
      'WITH RECURSIVE secret(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM secret WHERE x < 2) SELECT x FROM secret',
      [{ x: 1 }, { x: 2 }],
    ],
    ['SELECT x FROM lakehouse.journal', [{ x: 3 }]],
  ])('%s', async (sql, rows) => {
    expect(await guardAllows(sql)).toBe(true);
    expect(await execute(sql)).toEqual({ rows });
  });

  it('random CTE compositions the guard allows never touch a poisoned table', async () => {
    let allowed = 0;
    await fc.assert(
      fc.asyncProperty(query, async (sql) => {
        if (!(await guardAllows(sql))) return;
        allowed += 1;
        const outcome = await execute(sql);
        if ('error' in outcome) expect(outcome.error).not.toMatch(/poison/i);
      }),
      { numRuns: 400 },
    );
    expect(allowed).toBeGreaterThan(40);
  });
});

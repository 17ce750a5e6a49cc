import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALLOWED_TABLE_FUNCTIONS,
  NOT_A_QUERY_MESSAGE,
  deniedFunctionGroup,
} from '../../../src/query/guard/index.js';
import { rejectionOf, SerializingDuckDb } from './harness.js';

/**
 * The guard leans on DuckDB 1.5.6 behaving a certain way. These tests pin that behaviour, so an
 * upgrade that changes it fails here rather than opening a hole.
 */
let duck: SerializingDuckDb;
beforeAll(async () => {
  duck = await SerializingDuckDb.open();
});
afterAll(() => duck.close());

async function functionNames(types: readonly string[]): Promise<string[]> {
  const list = types.map((type) => `'${type}'`).join(', ');
  const reader = await duck.connection.runAndReadAll(
    `SELECT DISTINCT function_name AS name FROM duckdb_functions() WHERE function_type IN (${list}) ORDER BY 1`,
  );
  return reader.getRowObjectsJS().map((row) => String(row.name));
}

describe('json_serialize_sql', () => {
  it.each(['EXPLAIN SELECT 1', "COPY t TO 'x'", 'SET threads = 1', 'SELECT 1; DROP TABLE t'])(
    'answers %s with the exact "not a query" error the guard relies on',
    async (sql) => {
      expect(JSON.parse(await duck.serialize(sql))).toEqual({
        error: true,
        error_type: 'not implemented',
        error_message: NOT_A_QUERY_MESSAGE,
      });
    },
  );

  it('answers a syntax error with error_type "parser"', async () => {
    expect(JSON.parse(await duck.serialize('SELEC 1'))).toMatchObject({
      error: true,
      error_type: 'parser',
      error_message: 'syntax error at or near "SELEC"',
    });
  });

  it('serialises DESCRIBE and SHOW TABLES as SELECT * FROM a SHOW_REF', async () => {
    const [describe] = JSON.parse(await duck.serialize('DESCRIBE t')).statements;
    expect(describe.node.from_table).toMatchObject({ type: 'SHOW_REF', show_type: 'DESCRIBE' });
    const [show] = JSON.parse(await duck.serialize('SHOW TABLES')).statements;
    expect(show.node.from_table).toMatchObject({
      type: 'SHOW_REF',
      show_type: 'SHOW_UNQUALIFIED',
      table_name: '"tables"',
    });
  });
});

describe('function coverage against this DuckDB build', () => {
  it('refuses every table function and table macro except the row generators', async () => {
    const names = await functionNames(['table', 'table_macro']);
    expect(names.length).toBeGreaterThan(50);
    for (const name of names.filter((n) => !ALLOWED_TABLE_FUNCTIONS.has(n))) {
      const rejection = await rejectionOf(duck.guard(`SELECT * FROM ${name}()`));
      expect(rejection.reason, name).toBe('table_function_not_allowed');
    }
  });

  it('denies every table function that reads files, the catalog or settings in any position', async () => {
    const names = await functionNames(['table', 'table_macro']);
    const sensitive = names.filter((n) => /^(read_|parquet_|duckdb_|pragma_|glob|query)/.test(n));
    expect(sensitive.length).toBeGreaterThan(30);
    for (const name of sensitive) expect(deniedFunctionGroup(name), name).toBeDefined();
  });

  it('denies every built-in scalar macro whose body reads the catalog, settings or session', async () => {
    // Macros expand after the guard has looked: pg_get_viewdef(oid) is a query over duckdb_views().
    const reader = await duck.connection.runAndReadAll(
      `SELECT DISTINCT function_name AS name, macro_definition AS body FROM duckdb_functions()
       WHERE function_type = 'macro'`,
    );
    const readsInternals =
      /duckdb_\w+\(|pragma_\w+\(|current_(setting|database|schema)|getvariable/;
    const names = reader
      .getRowObjectsJS()
      .filter((row) => readsInternals.test(String(row.body)))
      .map((row) => String(row.name));
    expect(names).toContain('pg_get_viewdef');
    for (const name of names) expect(deniedFunctionGroup(name), name).toBeDefined();
  });
});

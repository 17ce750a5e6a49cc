import { describe, expect, it } from 'vitest';
import { guardStatement } from '../../../src/query/guard/index.js';
import type { SerializeSql } from '../../../src/query/guard/index.js';
import { rejectionOf, SCOPE } from './harness.js';

/** A serializer that answers with a fixed parse tree, to probe shapes DuckDB 1.5.6 never emits. */
function answering(node: unknown): SerializeSql {
  return async () => JSON.stringify({ error: false, statements: [{ node, named_param_map: [] }] });
}

const selectFrom = (from: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'SELECT_NODE',
  modifiers: [],
  cte_map: { map: [] },
  select_list: [],
  from_table: from,
  ...extra,
});

const guard = (serialize: SerializeSql) => guardStatement('SELECT 1', SCOPE, serialize);

describe('shapes the guard has never seen', () => {
  it('still finds a denied function inside an unknown node kind', async () => {
    const future = {
      type: 'FUTURE_NODE',
      payload: [{ class: 'FUNCTION', function_name: 'READ_TEXT', children: [] }],
    };
    const rejection = await rejectionOf(
      guard(answering(selectFrom({ type: 'EMPTY' }, { future }))),
    );
    expect(rejection).toMatchObject({ code: 'query_refused', reason: 'function_not_allowed' });
  });

  it('still finds a forbidden table inside an unknown node kind', async () => {
    const future = {
      type: 'FUTURE_NODE',
      inner: selectFrom({
        type: 'BASE_TABLE',
        catalog_name: '',
        schema_name: 'main',
        table_name: 'x',
      }),
    };
    const rejection = await rejectionOf(
      guard(answering(selectFrom({ type: 'EMPTY' }, { future }))),
    );
    expect(rejection.reason).toBe('table_not_in_namespace');
  });

  it.each([
    ['an unknown table reference type', selectFrom({ type: 'FUTURE_SCAN', table_name: 'people' })],
    [
      'a table reference without a schema',
      selectFrom({ type: 'BASE_TABLE', catalog_name: '', table_name: 'people' }),
    ],
    ['a cte_map that is not a map', { ...selectFrom({ type: 'EMPTY' }), cte_map: [] }],
    [
      'a CTE without a name',
      { ...selectFrom({ type: 'EMPTY' }), cte_map: { map: [{ value: {} }] } },
    ],
    ['a recursive CTE without a name', { type: 'RECURSIVE_CTE_NODE', left: {}, right: {} }],
    [
      'a function name that is not a string',
      selectFrom({ type: 'EMPTY' }, { f: { function_name: 7 } }),
    ],
    ['a table function without a call', selectFrom({ type: 'TABLE_FUNCTION', function: null })],
    [
      'a SHOW_REF of an unknown kind',
      selectFrom({ type: 'SHOW_REF', show_type: 'FUTURE', table_name: '', query: null }),
    ],
  ])('refuses %s', async (_label, node) => {
    const rejection = await rejectionOf(guard(answering(node)));
    expect(rejection.code).toBe('query_refused');
  });

  it.each([
    ['text that is not JSON', 'not json'],
    ['JSON that is not an object', '[1]'],
    ['a success without statements', '{"error":false}'],
    ['a statement without a node', '{"error":false,"statements":[{}]}'],
  ])('refuses when the serializer returns %s', async (_label, text) => {
    const rejection = await rejectionOf(guard(async () => text));
    expect(rejection).toMatchObject({ code: 'query_refused', reason: 'unrecognised_parse_tree' });
  });

  it('treats an unknown serializer error as unparseable, never as allowed', async () => {
    const serialize: SerializeSql = async () =>
      '{"error":true,"error_type":"other","error_message":"boom"}';
    expect(await rejectionOf(guard(serialize))).toMatchObject({
      code: 'invalid_sql',
      message: 'boom',
    });
  });
});

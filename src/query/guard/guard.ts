import { invalidSql, QueryRefusedError } from './errors.js';
import { blankExplain } from './explain.js';
import { isObject } from './json.js';
import type { JsonObject } from './json.js';
import { refuseNonQuery } from './non-query.js';
import { parseSql } from './parse.js';
import type { ParseOutcome } from './parse.js';
import { walkContext } from './walk-context.js';
import type { GuardedStatement, GuardScope, SerializeSql, StatementKind } from './types.js';
import { walkQuery } from './walk.js';

/**
 * Decides whether a caller's SQL may run, using DuckDB's own parser (json_serialize_sql). Allows
 * exactly one SELECT-like statement, `EXPLAIN [ANALYZE]` of one, DESCRIBE of an in-scope name or
 * query, and SHOW TABLES; every table, table function and function it touches is checked.
 * Throws QueryRefusedError (403 query_refused) or AppError invalid_sql (400) for unparseable text.
 */
export async function guardStatement(
  sql: string,
  scope: GuardScope,
  serialize: SerializeSql,
): Promise<GuardedStatement> {
  const parsed = await parseSql(sql, serialize);
  if (parsed.outcome !== 'not_a_query') return guardQuery(onlyStatement(parsed), scope);
  const explained = blankExplain(sql);
  if (explained === undefined) throw await refuseNonQuery(sql, serialize);
  return { ...(await guardExplained(explained, scope, serialize)), kind: 'explain' };
}

/** The statement after EXPLAIN [ANALYZE], given as the caller's text with those words blanked. */
async function guardExplained(
  explained: string,
  scope: GuardScope,
  serialize: SerializeSql,
): Promise<GuardedStatement> {
  const inner = await parseSql(explained, serialize);
  if (inner.outcome === 'not_a_query') {
    throw explainRefusal(await refuseNonQuery(explained, serialize));
  }
  // The whole text parsed (DuckDB only says "not a query" after parsing), so a syntax error here
  // means an EXPLAIN form the split does not handle, such as `EXPLAIN (FORMAT json) …`.
  if (inner.outcome === 'syntax_error') {
    throw new QueryRefusedError('statement_not_allowed', EXPLAIN_FORM);
  }
  return guardQuery(onlyStatement(inner), scope);
}

const EXPLAIN_FORM =
  'EXPLAIN must be followed directly by a query: only EXPLAIN and EXPLAIN ANALYZE are supported, without options';

function guardQuery(node: JsonObject, scope: GuardScope): GuardedStatement {
  const context = walkContext(scope);
  walkQuery(node, context);
  return {
    kind: statementKind(node),
    tables: [...context.tables].sort(),
    systemTables: [...context.systemTables].sort(),
  };
}

function onlyStatement(parsed: Exclude<ParseOutcome, { outcome: 'not_a_query' }>): JsonObject {
  if (parsed.outcome === 'syntax_error') throw invalidSql(parsed.message);
  const [first, ...others] = parsed.statements;
  if (first === undefined) throw invalidSql('The SQL text contains no statement', 'no_statement');
  if (others.length === 0) return first;
  throw new QueryRefusedError(
    'multiple_statements',
    `Multiple statements are not allowed: found ${parsed.statements.length}, send one at a time`,
  );
}

/** DESCRIBE and SHOW serialise as `SELECT * FROM <SHOW_REF>`; everything else is a select. */
function statementKind(node: JsonObject): StatementKind {
  const from = node.from_table;
  if (node.type !== 'SELECT_NODE' || !isObject(from) || from.type !== 'SHOW_REF') return 'select';
  return from.show_type === 'DESCRIBE' ? 'describe' : 'show';
}

function explainRefusal(inner: QueryRefusedError): QueryRefusedError {
  if (inner.reason !== 'statement_not_allowed') return inner;
  return new QueryRefusedError(
    inner.reason,
    `EXPLAIN is only allowed for a query. ${inner.message}`,
  );
}

import { QueryRefusedError } from './errors.js';
import { parseSql } from './parse.js';
import { leadingWords } from './trivia.js';
import type { SerializeSql } from './types.js';

const ALLOWED = 'only SELECT, EXPLAIN, DESCRIBE and SHOW may run';
/** Keywords whose next words name the statement: CREATE SECRET, DROP TABLE, EXPORT DATABASE… */
const COMPOUND = new Set(['CREATE', 'DROP', 'ALTER', 'EXPORT', 'IMPORT', 'FORCE']);
const MODIFIERS = new Set(['OR', 'REPLACE', 'TEMP', 'TEMPORARY', 'PERSISTENT', 'UNIQUE']);
/** A text starting like a query that still is not one: `WITH … INSERT`, or several statements. */
const QUERY_STARTS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE']);
/** Bounds the DuckDB round trips spent on wording a refusal. */
const MAX_SPLIT_ATTEMPTS = 64;

/**
 * The refusal for a text json_serialize_sql would not serialize. The decision is already made
 * (DuckDB said it is not a query); this only words it, naming the statement type.
 */
export async function refuseNonQuery(
  sql: string,
  serialize: SerializeSql,
): Promise<QueryRefusedError> {
  if (await queryThenMore(sql, serialize)) {
    return new QueryRefusedError(
      'multiple_statements',
      `Multiple statements are not allowed: the text holds a query followed by another statement; ${ALLOWED}`,
    );
  }
  return new QueryRefusedError('statement_not_allowed', notAllowedMessage(statementLabel(sql)));
}

function notAllowedMessage(label: string | undefined): string {
  if (label === undefined) return `This statement is not a query and is not allowed: ${ALLOWED}`;
  return `${label} statements are not allowed: ${ALLOWED}`;
}

/** CREATE OR REPLACE SECRET, COPY, ATTACH…; undefined when the text starts like a query. */
function statementLabel(sql: string): string | undefined {
  const [first, ...rest] = leadingWords(sql);
  if (first === undefined || QUERY_STARTS.has(first)) return undefined;
  if (!COMPOUND.has(first)) return first;
  let object = 0;
  while (object < rest.length && MODIFIERS.has(rest[object] ?? '')) object += 1;
  return [first, ...rest.slice(0, object + 1)].join(' ');
}

/**
 * True when the text up to some `;` is, by DuckDB's parse, a complete query: the refused text
 * is then a query followed by another statement (`SELECT 1; DROP TABLE x`). A `;` inside a string
 * mostly yields a prefix DuckDB rejects; where a cut could mislead, only the wording suffers.
 */
async function queryThenMore(sql: string, serialize: SerializeSql): Promise<boolean> {
  let attempts = 0;
  for (let at = sql.indexOf(';'); at >= 0 && attempts < MAX_SPLIT_ATTEMPTS; attempts += 1) {
    const prefix = await parseSql(sql.slice(0, at), serialize);
    if (prefix.outcome === 'statements' && prefix.statements.length > 0) return true;
    at = sql.indexOf(';', at + 1);
  }
  return false;
}

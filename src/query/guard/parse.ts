import { QueryRefusedError } from './errors.js';
import { isObject, stringField } from './json.js';
import type { Json, JsonObject } from './json.js';
import type { SerializeSql } from './types.js';

/**
 * The error json_serialize_sql reports (error_type "not implemented") for every statement that
 * is not SELECT-like, observed on DuckDB 1.5.6 for EXPLAIN, COPY, ATTACH, SET, PRAGMA, CALL, DDL,
 * DML, and for a text where any one of several statements is such a statement.
 */
export const NOT_A_QUERY_MESSAGE = 'Only SELECT statements can be serialized to json!';

/** What DuckDB's parser made of a text. */
export type ParseOutcome =
  | { readonly outcome: 'statements'; readonly statements: readonly JsonObject[] }
  | { readonly outcome: 'not_a_query' }
  | { readonly outcome: 'syntax_error'; readonly message: string };

export async function parseSql(sql: string, serialize: SerializeSql): Promise<ParseOutcome> {
  const result = readJson(await serialize(sql));
  if (result.error === true) return parseError(result);
  if (result.error === false && Array.isArray(result.statements)) {
    return { outcome: 'statements', statements: result.statements.map(statementNode) };
  }
  throw unrecognised();
}

function parseError(result: JsonObject): ParseOutcome {
  const message = stringField(result, 'error_message');
  if (message === NOT_A_QUERY_MESSAGE) return { outcome: 'not_a_query' };
  // Parser errors ("syntax error at or near …", "SELECT INTO not supported!") and the parser's
  // "not implemented" refusals (mixed parameter styles, U&'…' escapes) all mean: cannot run.
  return { outcome: 'syntax_error', message: message ?? 'DuckDB could not parse the statement' };
}

/** Each serialized statement is `{ "node": <query node>, "named_param_map": … }`. */
function statementNode(statement: Json): JsonObject {
  if (isObject(statement) && isObject(statement.node)) return statement.node;
  throw unrecognised();
}

function readJson(text: string): JsonObject {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    throw unrecognised();
  }
  if (!isObject(value)) throw unrecognised();
  return value;
}

function unrecognised(): QueryRefusedError {
  return new QueryRefusedError(
    'unrecognised_parse_tree',
    'The statement was refused: DuckDB returned a parse tree the guard does not recognise',
  );
}

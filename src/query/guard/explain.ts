import { KEYWORD_END, TRIVIA } from './trivia.js';

const EXPLAIN_PREFIX = new RegExp(
  `^(${TRIVIA})EXPLAIN${KEYWORD_END}(${TRIVIA})(ANALY[SZ]E${KEYWORD_END})?`,
  'i',
);

/**
 * json_serialize_sql refuses EXPLAIN, so the guard strips the keyword and asks DuckDB about the
 * rest. The keywords are blanked, not cut: the returned text is the caller's text with EXPLAIN
 * [ANALYZE] replaced by spaces, comments and positions intact. DuckDB then parses exactly what
 * follows the keywords in the caller's text, so the statement that runs is `EXPLAIN` of the
 * statement the guard checked; if the regex ever disagreed with DuckDB about a comment, DuckDB's
 * parse of the blanked text (not the regex) is what gets checked.
 */
export function blankExplain(sql: string): string | undefined {
  const match = EXPLAIN_PREFIX.exec(sql);
  if (match === null) return undefined;
  const [prefix, leading = '', between = '', analyze = ''] = match;
  const blanked = `${leading}${' '.repeat('EXPLAIN'.length)}${between}${' '.repeat(analyze.length)}`;
  return blanked + sql.slice(prefix.length);
}

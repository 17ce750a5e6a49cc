/**
 * Whitespace and comments as DuckDB's scanner sees them, for the two places the guard must look at
 * raw text: the EXPLAIN keyword (json_serialize_sql refuses EXPLAIN) and the leading keyword named
 * in refusal messages. Observed on DuckDB 1.5.6:
 * - whitespace is space, tab, newline, carriage return, form feed (a vertical tab is a syntax error);
 * - `--` runs to the next newline or carriage return;
 * - block comments nest (`/* /* *\/ SELECT 1 *\/ SELECT 2` runs SELECT 2), so only comments with no
 *   `/*` inside are recognised here; anything else simply fails to match.
 * Each alternative starts with a different character and line comments must reach the end of the
 * line, so matching never backtracks badly.
 */
const SPACE = '[ \\t\\n\\r\\f]';
const LINE_COMMENT = '--[^\\n\\r]*(?![^\\n\\r])';
const FLAT_BLOCK_COMMENT = '/\\*(?:(?!/\\*|\\*/)[\\s\\S])*\\*/';

export const TRIVIA = `(?:${SPACE}|${LINE_COMMENT}|${FLAT_BLOCK_COMMENT})*`;

/** A keyword ends where DuckDB's identifier characters (ASCII word, `$`, any non-ASCII) end. */
export const KEYWORD_END = '(?![A-Za-z0-9_$\\u0080-\\uFFFF])';

const LEADING_WORDS = new RegExp(`^${TRIVIA}((?:[A-Za-z_]+${KEYWORD_END}${TRIVIA}){1,6})`);

/** Up to six leading words, uppercased, comments skipped: for messages only, never decisions. */
export function leadingWords(sql: string): readonly string[] {
  const words = LEADING_WORDS.exec(sql)?.[1] ?? '';
  return words.match(/[A-Za-z_]+/g)?.map((word) => word.toUpperCase()) ?? [];
}

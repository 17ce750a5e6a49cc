/**
 * Helpers for reading DuckDB error text without repeating it. DuckDB messages embed the server
 * path of the staged file ("file = /tmp/…", `in file "/tmp/…"`, the echoed SQL) and the
 * offending row ("Original Line: …", "Input: …"), which in a people-data lakehouse is personal
 * data. Client messages are therefore composed from extracted facts, never passed through.
 */

/** `'people.csv'`, or "the file" when the upload had no name. */
export function quotedName(displayName: string | undefined): string {
  return displayName ? `'${displayName}'` : 'the file';
}

/** The first capture group as a number, if the pattern matches. */
export function captureNumber(text: string, pattern: RegExp): number | undefined {
  const captured = pattern.exec(text)?.[1];
  return captured === undefined ? undefined : Number(captured);
}

/**
 * A last-resort summary of an unrecognised error: its first line only (later lines list file
 * paths and settings), cut before any echoed content ("Original Line: …", "Input: …"), without
 * DuckDB's "Invalid Input Error: " prefix. Quoted paths become the upload's name and any other
 * quoted text, which may be a cell value, becomes "…".
 */
export function scrubbedSummary(message: string, displayName: string | undefined): string {
  const firstLine = message.split('\n', 1)[0] ?? '';
  const withoutContent = firstLine.split(ECHOED_CONTENT, 1)[0] ?? '';
  const withoutPrefix = withoutContent.replace(/^[A-Za-z ]*Error: /, '');
  const name = quotedName(displayName);
  return withoutPrefix.replace(QUOTED, (quoted) => (/[\\/]/.test(quoted) ? name : '"…"')).trim();
}

const ECHOED_CONTENT = /\b(?:Original Line|Input):/;

/** A single- or double-quoted string; a quote inside a word ("don't") does not open one. */
const QUOTED = /(?<!\w)"[^"\n]*"(?!\w)|(?<!\w)'[^'\n]*'(?!\w)/g;

import { InvalidOptionError } from './errors.js';
import { assertNoNul } from './sql-literal.js';

/** The encodings DuckDB's read_csv decodes natively (no extension needed). */
export type CsvEncoding = 'utf-8' | 'utf-16' | 'latin-1';

export interface CsvOptions {
  /** One character. Defaults to ',' for CSV and a tab for TSV. */
  readonly delimiter?: string;
  /** One character, or '' for no quoting. Defaults to '"'. */
  readonly quote?: string;
  /** One character, or '' for none. Defaults to the quote (RFC 4180 doubles quotes). */
  readonly escape?: string;
  /** undefined lets DuckDB detect whether the first row is a header. */
  readonly header?: boolean;
  /** Unquoted text that also means NULL, besides an empty unquoted field. */
  readonly nullString?: string;
  readonly encoding?: CsvEncoding;
}

/** CsvOptions with every default applied: what read_csv is actually told. */
export interface CsvDialect {
  readonly delimiter: string;
  readonly quote: string;
  readonly escape: string;
  readonly encoding: CsvEncoding;
}

/** Checks options that may come from code rather than a query string. Returns them unchanged. */
export function validateCsvOptions(options: CsvOptions): CsvOptions {
  const { delimiter, quote, escape, nullString } = options;
  if (delimiter !== undefined) assertSingleCharacter('delimiter', delimiter, false);
  if (quote !== undefined) assertSingleCharacter('quote', quote, true);
  if (escape !== undefined) assertSingleCharacter('escape', escape, true);
  if (nullString !== undefined) assertNoNul('null', nullString);
  if (delimiter !== undefined && delimiter === (quote ?? '"')) {
    throw new InvalidOptionError('delimiter', 'must differ from the quote character');
  }
  return options;
}

function assertSingleCharacter(option: string, value: string, emptyAllowed: boolean): void {
  assertNoNul(option, value);
  const length = [...value].length;
  if (length === 0 && emptyAllowed) return;
  if (length !== 1) throw new InvalidOptionError(option, 'must be a single character');
  // A record ends at a newline; a delimiter or quote that is one would make every row ambiguous.
  if (value === '\n' || value === '\r')
    throw new InvalidOptionError(option, 'must not be a newline');
}

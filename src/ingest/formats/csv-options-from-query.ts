import type { CsvEncoding, CsvOptions } from './csv-options.js';
import { validateCsvOptions } from './csv-options.js';
import { InvalidOptionError } from './errors.js';

type Query = Readonly<Record<string, string | undefined>>;

// Maps rather than object literals: a query value such as "constructor" must not find a prototype.

/** Delimiters that are awkward to put in a URL, by name. */
const DELIMITER_NAMES = new Map([
  ['tab', '\t'],
  ['\\t', '\t'],
  ['comma', ','],
  ['semicolon', ';'],
  ['pipe', '|'],
]);

const HEADER_VALUES = new Map<string, Pick<CsvOptions, 'header'>>([
  ['true', { header: true }],
  ['false', { header: false }],
  ['auto', {}],
]);

const ENCODING_NAMES = new Map<string, CsvEncoding>([
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['utf-16', 'utf-16'],
  ['utf16', 'utf-16'],
  ['utf-16le', 'utf-16'],
  ['latin-1', 'latin-1'],
  ['latin1', 'latin-1'],
  ['iso-8859-1', 'latin-1'],
]);

/**
 * CSV options from query parameters: delimiter, quote, escape, header (true|false|auto),
 * null and encoding. Absent parameters stay undefined so defaults and sniffing apply.
 */
export function csvOptionsFromQuery(query: Query): CsvOptions {
  const { delimiter, quote, escape, header, encoding } = query;
  return validateCsvOptions({
    ...(delimiter !== undefined && {
      delimiter: DELIMITER_NAMES.get(delimiter.toLowerCase()) ?? delimiter,
    }),
    ...(quote !== undefined && { quote }),
    ...(escape !== undefined && { escape }),
    ...(header !== undefined && lookup(HEADER_VALUES, 'header', header, 'true, false or auto')),
    ...(query.null !== undefined && { nullString: query.null }),
    ...(encoding !== undefined && {
      encoding: lookup(ENCODING_NAMES, 'encoding', encoding, 'utf-8, utf-16 or latin-1'),
    }),
  });
}

function lookup<T>(table: Map<string, T>, option: string, value: string, accepted: string): T {
  const found = table.get(value.trim().toLowerCase());
  if (found === undefined) throw new InvalidOptionError(option, `must be ${accepted}`);
  return found;
}

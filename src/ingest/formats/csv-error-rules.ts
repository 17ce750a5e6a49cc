import { captureNumber } from './error-text.js';
import type { ErrorRule, RuleContext } from './error-rule.js';
import type { IngestFileError } from './ingest-file-error.js';

/*
 * read_csv failures, as DuckDB 1.5.6 words them. Errors found while reading carry
 * "CSV Error on Line: N" (N counts records, header included). Errors the sniffer meets in the
 * first 2,048 lines only say "Error when sniffing file"; diagnoseReadFailure re-reads the file
 * with the sniffer off to get the line.
 */

const LINE = /CSV Error on Line: (\d+)/;

function lineOf(context: RuleContext): Pick<IngestFileError, 'line'> {
  const line = captureNumber(context.text, LINE);
  return line === undefined ? {} : { line };
}

function where(context: RuleContext): string {
  const line = captureNumber(context.text, LINE);
  return line === undefined ? context.name : `line ${line} of ${context.name}`;
}

export const CSV_ERROR_RULES: readonly ErrorRule[] = [
  {
    // "Invalid unicode (byte sequence mismatch) detected. This file is not utf-8 encoded."
    pattern: /Invalid unicode \(byte sequence mismatch\)/,
    classify: (_match, context) => ({
      code: 'encoding_error',
      message: `${where(context)} is not valid UTF-8; save the file as UTF-8, or pass ?encoding=latin-1 or ?encoding=utf-16`,
      ...lineOf(context),
    }),
  },
  {
    // "Expected Number of Columns: 3 Found: 4"
    pattern: /Expected Number of Columns: (\d+) Found: (\d+)/,
    classify: ([, expected, found], context) => ({
      code: 'malformed_file',
      message: `${where(context)} has ${found} fields but the file has ${expected} columns`,
      ...lineOf(context),
    }),
  },
  {
    pattern: /Value with unterminated quote found/,
    classify: (_match, context) => ({
      code: 'malformed_file',
      message: `${where(context)} opens a quoted ${context.label} field that is never closed`,
      ...lineOf(context),
    }),
  },
  {
    // `Error when converting column "age". Could not convert string "x" to 'BIGINT'` — the value
    // itself is left out of the message: it is a cell of personal data.
    pattern:
      /Error when converting column "(.*?)"\. Could not convert string [\s\S]*? to '([^']+)'/,
    classify: ([, column = '', type], context) => ({
      code: 'malformed_file',
      message: `${where(context)} has a value in column "${column}" that is not a valid ${type}`,
      ...lineOf(context),
      column,
    }),
  },
  {
    pattern: /Maximum line size of (\d+) bytes exceeded/,
    classify: ([, limit], context) => ({
      code: 'malformed_file',
      message: `${where(context)} is longer than ${limit} bytes; is a quote left open?`,
      ...lineOf(context),
    }),
  },
  {
    // The sniffer found no dialect in which every sampled row has the same number of fields.
    pattern: /Error when sniffing file/,
    classify: (_match, context) => ({
      code: 'malformed_file',
      message:
        `${context.name} is not consistent ${context.label}: ` +
        'a row has more or fewer fields than the others, or a quote is never closed',
    }),
  },
  {
    pattern: LINE,
    classify: (_match, context) => ({
      code: 'malformed_file',
      message: `${where(context)} could not be parsed as ${context.label}`,
      ...lineOf(context),
    }),
  },
];

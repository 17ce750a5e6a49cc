import type { ErrorRule, RuleContext } from './error-rule.js';
import type { IngestFileError } from './ingest-file-error.js';

/*
 * read_json failures, as DuckDB 1.5.6 words them. Newline-delimited input is located by
 * "line N" (1-based). Array input is located by "record/value N", which counts the array's
 * opening bracket as value 1, so N is element N−1 of the array.
 */

/**
 * "json_read expected records, but got non-record JSON instead." Also what DuckDB says for a
 * file with no values at all, which diagnoseReadFailure then calls empty.
 */
export const NON_RECORD_JSON = /expected records, but got non-record JSON/;

type Position = Pick<IngestFileError, 'line' | 'record'>;

function position(unit: string | undefined, counted: string | undefined): Position {
  const n = Number(counted);
  if (!Number.isSafeInteger(n)) return {};
  return unit === 'line' ? { line: n } : { record: Math.max(1, n - 1) };
}

function where(at: Position, context: RuleContext): string {
  if (at.line !== undefined) return `line ${at.line} of ${context.name}`;
  if (at.record !== undefined) return `record ${at.record} of ${context.name}`;
  return context.name;
}

export const JSON_ERROR_RULES: readonly ErrorRule[] = [
  {
    // `Malformed JSON in file "/tmp/…", at byte 8 in line 3: unexpected character.`
    // `Malformed JSON in file "/tmp/…", at byte 7 in line 2: invalid UTF-8 encoding in string.`
    pattern:
      /Malformed JSON in file [\s\S]*?, at byte \d+ in (line|record\/value) (\d+): ([^.\n]+)/,
    classify: ([, unit, counted, reason = ''], context) => {
      const at = position(unit, counted);
      const badBytes = reason.includes('UTF-8');
      return {
        code: badBytes ? 'encoding_error' : 'malformed_file',
        message: `${where(at, context)} is not valid ${badBytes ? 'UTF-8' : 'JSON'}: ${reason.trim()}`,
        ...at,
      };
    },
  },
  {
    // "Malformed JSON at byte 38 of input: unexpected character." (the json() cast; the echoed
    // "Input: …" that follows is file content and is dropped)
    pattern: /Malformed JSON at byte (\d+) of input: ([^.\n]+)/,
    classify: ([, byte, reason = ''], context) => ({
      code: 'malformed_file',
      message: `${context.name} is not valid JSON at byte ${byte}: ${reason.trim()}`,
    }),
  },
  {
    // "Expected top-level JSON array with format='array', but first character is '{'"
    pattern: /Expected top-level JSON array/,
    classify: (_match, context) => ({
      code: 'malformed_file',
      message:
        `${context.name} is not a JSON array of objects; ` +
        'if it holds one object per line, upload it as NDJSON (?format=ndjson)',
    }),
  },
  {
    pattern: NON_RECORD_JSON,
    classify: (_match, context) => ({
      code: 'malformed_file',
      message: `${context.name} must hold JSON objects, one per row, not bare values or arrays`,
    }),
  },
  {
    // `JSON transform error in file "/tmp/…", in line 30000: Failed to cast value to numerical: "x"`
    pattern: /JSON transform error in file [\s\S]*?, in (line|record\/value) (\d+):/,
    classify: ([, unit, counted], context) => {
      const at = position(unit, counted);
      return {
        code: 'malformed_file',
        message: `${where(at, context)} has a value whose type differs from the rest of its field`,
        ...at,
      };
    },
  },
];

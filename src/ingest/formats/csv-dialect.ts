import type { CsvDialect, CsvOptions } from './csv-options.js';
import { validateCsvOptions } from './csv-options.js';
import { sqlString } from './sql-literal.js';
import type { SqlArgument } from './table-function.js';
import { sqlBoolean } from './table-function.js';

export type DelimitedFormat = 'csv' | 'tsv';

const DEFAULT_DELIMITER: Record<DelimitedFormat, string> = { csv: ',', tsv: '\t' };
const DEFAULT_QUOTE = '"';

/** The options with defaults applied; validated, since they may come from code. */
export function resolveDialect(format: DelimitedFormat, csv: CsvOptions): CsvDialect {
  const delimiter = csv.delimiter ?? DEFAULT_DELIMITER[format];
  const { quote = DEFAULT_QUOTE, encoding = 'utf-8' } = validateCsvOptions({ ...csv, delimiter });
  // RFC 4180 escapes a quote by doubling it, i.e. the escape character is the quote itself.
  return { delimiter, quote, escape: csv.escape ?? quote, encoding };
}

/**
 * How records split into fields, pinned rather than sniffed; shared by the reader and the
 * diagnostic re-read. DuckDB's dialect sniffer, when no delimiter fits every row (one ragged
 * row is enough), falls back to reading each line as a single column without complaint.
 */
export function csvDialectArguments(format: DelimitedFormat, csv: CsvOptions): SqlArgument[] {
  const { delimiter, quote, escape, encoding } = resolveDialect(format, csv);
  return [
    ['delim', sqlString(delimiter)],
    ['quote', sqlString(quote)],
    ['escape', sqlString(escape)],
    // Unset, the sniffer may take '#' for a comment marker and silently drop rows containing it,
    // or skip leading rows it finds inconsistent. Data loss either way, so both are pinned.
    ['comment', sqlString('')],
    ['skip', '0'],
    ['encoding', sqlString(encoding)],
    // Reject rather than repair: ragged rows, stray quotes and bad bytes become errors with lines.
    ['strict_mode', sqlBoolean(true)],
    ['null_padding', sqlBoolean(false)],
    ['ignore_errors', sqlBoolean(false)],
  ];
}

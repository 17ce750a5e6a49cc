import type { CsvDialect, CsvEncoding } from './csv-options.js';

const DECODER_LABEL: Record<CsvEncoding, string> = {
  'utf-8': 'utf-8',
  'utf-16': 'utf-16le',
  'latin-1': 'latin1',
};

/**
 * How many fields the first record of the head has (header or not), honouring quotes. The
 * diagnostic re-read declares this many columns, so that every later record is measured
 * against the first one, as DuckDB's strict mode would.
 */
export function firstRecordWidth(head: Buffer, dialect: CsvDialect): number | undefined {
  // Leading blank lines are skipped by DuckDB too; trimStart() would also eat a leading tab.
  const text = new TextDecoder(DECODER_LABEL[dialect.encoding])
    .decode(head)
    .replace(/^[\r\n]+/, '');
  if (text === '') return undefined;
  let fields = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted && char === dialect.escape && dialect.escape !== dialect.quote) i += 1;
    else if (char === dialect.quote && dialect.quote !== '') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) return fields;
    else if (!quoted && char === dialect.delimiter) fields += 1;
  }
  return fields;
}

import { UnsupportedFormatError } from './errors.js';
import type { FileFormat } from './file-format.js';
import { decodeHead } from './head-text.js';
import { sniffDelimiter } from './sniff-delimiter.js';
import { findUnsupportedByMagic, unsupportedReason } from './unsupported-formats.js';

/** Parquet files start (and end) with these four bytes. */
const PARQUET_MAGIC = Buffer.from('PAR1', 'latin1');

/**
 * Guesses the format from the first bytes of the file. Returns undefined when the bytes could
 * be anything (binary without a known signature); throws when they are a format we name but
 * cannot read, such as a PDF or an Excel workbook.
 */
export function sniffFormat(head: Buffer): FileFormat | undefined {
  if (head.subarray(0, PARQUET_MAGIC.length).equals(PARQUET_MAGIC)) return 'parquet';
  const known = findUnsupportedByMagic(head);
  if (known !== undefined) throw new UnsupportedFormatError(unsupportedReason(known));
  const text = decodeHead(head);
  // NUL never appears in text files (UTF-16 has been decoded away by now).
  if (text.includes('\0')) return undefined;
  return sniffTextFormat(text.trimStart());
}

function sniffTextFormat(text: string): FileFormat {
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return isOneObjectPerLine(text) ? 'ndjson' : 'json';
  return sniffDelimiter(text) === '\t' ? 'tsv' : 'csv';
}

/** NDJSON's first line is a whole object; a pretty-printed JSON document's first line is "{". */
function isOneObjectPerLine(text: string): boolean {
  const firstLine = text.split('\n', 1)[0] ?? '';
  return firstLine.trimEnd().endsWith('}');
}

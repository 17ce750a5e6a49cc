import type { CsvOptions } from './csv-options.js';
import { FileRejectedError } from './errors.js';
import type { FileFormat } from './file-format.js';
import { decodeHead, headEncoding } from './head-text.js';
import type { HeadEncoding } from './head-text.js';
import { sniffDelimiter } from './sniff-delimiter.js';

/**
 * CSV options the first bytes reveal: the encoding (from a byte-order mark) and, for CSV, the
 * delimiter. Merge query options over these: `{ ...csvOptionsFromHead(h, f), ...fromQuery }`.
 *
 * Why not leave both to DuckDB's sniffer? With `encoding` unset it assumes UTF-8 and fails to
 * sniff UTF-16 at all. And when its delimiter guess fails on a ragged file it falls back to
 * reading each line into one column, silently; a pinned delimiter makes it report the bad row.
 */
export function csvOptionsFromHead(head: Buffer, format: FileFormat): CsvOptions {
  const delimiter = format === 'csv' ? sniffDelimiter(decodeHead(head)) : undefined;
  return {
    ...encodingOption(headEncoding(head)),
    ...(delimiter !== undefined && { delimiter }),
  };
}

function encodingOption(encoding: HeadEncoding): Pick<CsvOptions, 'encoding'> {
  if (encoding === 'utf-16le') return { encoding: 'utf-16' };
  if (encoding === 'utf-16be') {
    // DuckDB's 'utf-16' decodes little-endian only: big-endian text comes out as CJK noise.
    throw new FileRejectedError({
      code: 'encoding_error',
      message: 'UTF-16 big-endian files are not supported; save the file as UTF-8',
    });
  }
  return {};
}

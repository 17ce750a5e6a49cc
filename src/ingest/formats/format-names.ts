import type { FileFormat } from './file-format.js';

/*
 * What each supported format is called in the three places a client can name it. Lookups are
 * case-insensitive and ignore content-type parameters such as "; charset=utf-8".
 */

/** Values accepted for ?format=. */
export const FORMAT_ALIASES: Record<FileFormat, readonly string[]> = {
  csv: ['csv'],
  tsv: ['tsv', 'tab'],
  json: ['json'],
  ndjson: ['ndjson', 'jsonl', 'jsonlines'],
  parquet: ['parquet', 'pq'],
};

export const FORMAT_CONTENT_TYPES: Record<FileFormat, readonly string[]> = {
  csv: ['text/csv', 'application/csv', 'text/comma-separated-values'],
  tsv: ['text/tab-separated-values'],
  json: ['application/json', 'text/json'],
  ndjson: [
    'application/x-ndjson',
    'application/ndjson',
    'application/jsonl',
    'application/x-jsonlines',
    'application/jsonlines',
  ],
  parquet: ['application/vnd.apache.parquet', 'application/x-parquet', 'application/parquet'],
};

export const FORMAT_EXTENSIONS: Record<FileFormat, readonly string[]> = {
  csv: ['.csv'],
  tsv: ['.tsv', '.tab'],
  json: ['.json'],
  ndjson: ['.ndjson', '.jsonl'],
  parquet: ['.parquet', '.pq'],
};

/**
 * Content types that say nothing about the bytes: browsers and curl send these for anything,
 * and `.txt` is as likely CSV as prose. Both defer to the next hint instead of refusing.
 */
export const UNINFORMATIVE_CONTENT_TYPES: readonly string[] = [
  'application/octet-stream',
  'binary/octet-stream',
  'text/plain',
];
export const UNINFORMATIVE_EXTENSIONS: readonly string[] = ['.txt', '.dat', '.data'];

/** Builds a lower-case name → format lookup from one of the tables above. */
export function reverseLookup(
  table: Record<FileFormat, readonly string[]>,
): Map<string, FileFormat> {
  const entries = Object.entries(table) as Array<[FileFormat, readonly string[]]>;
  return new Map(entries.flatMap(([format, names]) => names.map((name) => [name, format])));
}

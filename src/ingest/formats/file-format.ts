/** The file formats ingest can read into a table. */
export type FileFormat = 'csv' | 'tsv' | 'json' | 'ndjson' | 'parquet';

/** Every supported format, in the order error messages list them. */
export const FILE_FORMATS: readonly FileFormat[] = ['csv', 'tsv', 'json', 'ndjson', 'parquet'];

/** Human names for messages: "could not read 'people.csv' as CSV". */
export const FORMAT_LABEL: Record<FileFormat, string> = {
  csv: 'CSV',
  tsv: 'TSV',
  json: 'JSON',
  ndjson: 'NDJSON',
  parquet: 'Parquet',
};

export function isFileFormat(value: string): value is FileFormat {
  return (FILE_FORMATS as readonly string[]).includes(value);
}

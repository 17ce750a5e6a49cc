/**
 * RFC 4180 CSV encoding. An empty field means NULL to the importer, so null is written as
 * nothing, and a real empty string is quoted to keep it distinct.
 */
export type CsvValue = string | number | boolean | null;

const NEEDS_QUOTING = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  const text = String(value);
  if (text === '') return '""';
  return NEEDS_QUOTING.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, without the line terminator. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

import { classifyColumn } from './classify-column.js';
import type { ColumnSample, PiiFinding } from './pii-category.js';

export interface DetectPiiOptions {
  /** The day ages are computed on, for recognising dates of birth; defaults to now. */
  readonly today?: Date;
}

/**
 * Classifies each sampled column on ingest, one finding per column in input order.
 *
 * The column name is the primary signal: when it announces a kind, the column is PII of that
 * kind (unless its type cannot hold it, e.g. `email_opt_in BOOLEAN`), and sampled values only
 * raise the confidence or, when they overwhelmingly show a kind at least as sensitive, sharpen
 * it. Otherwise the values alone decide, when enough of them match a recogniser.
 */
export function detectPii(
  columns: readonly ColumnSample[],
  options: DetectPiiOptions = {},
): PiiFinding[] {
  const context = { today: options.today ?? new Date() };
  return columns.map((column) => classifyColumn(column, context));
}

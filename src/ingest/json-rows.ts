import { ValidationError } from '../core/index.js';
import type { DatasetColumn } from '../catalog/index.js';

/** Small JSON batches only: larger loads go through a file upload (streamed, job-backed). */
export const MAX_JSON_ROWS = 10_000;

/**
 * Checks a JSON batch of whole rows against a dataset's columns — every row an object with
 * exactly the dataset's columns (matched case-insensitively), so a forgotten field never
 * silently becomes NULL — and returns it as NDJSON.
 */
export function rowsToNdjson(rows: unknown, columns: readonly DatasetColumn[]): string {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new ValidationError('rows must be a non-empty array of objects');
  }
  if (rows.length > MAX_JSON_ROWS) {
    throw new ValidationError(
      `at most ${MAX_JSON_ROWS} rows per request; upload larger batches as a file with mode=upsert`,
    );
  }
  const expected = new Map(columns.map((c) => [c.name.toLowerCase(), c.name]));
  const lines = rows.map((row: unknown, index) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new ValidationError(`rows[${index}] is not an object`);
    }
    return JSON.stringify(renamed(row as Record<string, unknown>, expected, index));
  });
  return lines.join('\n') + '\n';
}

function renamed(
  row: Record<string, unknown>,
  expected: ReadonlyMap<string, string>,
  index: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    const name = expected.get(field.toLowerCase());
    if (name === undefined)
      throw new ValidationError(`rows[${index}] has unknown column "${field}"`);
    if (name in out) throw new ValidationError(`rows[${index}] has column "${name}" twice`);
    out[name] = value;
  }
  const missing = [...expected.values()].filter((name) => !(name in out));
  if (missing.length > 0) {
    throw new ValidationError(
      `rows[${index}] is missing ${missing.map((m) => `"${m}"`).join(', ')}: upserts carry whole rows (use null for no value)`,
    );
  }
  return out;
}

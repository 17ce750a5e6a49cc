import { formatDuckDbType } from './format-duckdb-type.js';
import { parseDuckDbType } from './parse-duckdb-type.js';

/** `numeric(10, 2)` → `DECIMAL(10,2)`, `text` → `VARCHAR`, `struct(a int)[]` → `STRUCT(a INTEGER)[]`. */
export function normaliseDuckDbType(text: string): string {
  return formatDuckDbType(parseDuckDbType(text));
}

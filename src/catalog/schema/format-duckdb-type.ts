import type { DuckDbType, StructField } from './duckdb-types.js';
import { formatFieldName } from './quote-identifier.js';

/** Type text as DuckDB prints it, e.g. `STRUCT(a INTEGER, "b c" DECIMAL(10,2))[]`. */
export function formatDuckDbType(type: DuckDbType): string {
  switch (type.kind) {
    case 'scalar':
      return type.name;
    case 'decimal':
      return `DECIMAL(${type.precision},${type.scale})`;
    case 'list':
      return `${formatDuckDbType(type.element)}[]`;
    case 'array':
      return `${formatDuckDbType(type.element)}[${type.size}]`;
    case 'struct':
      return `STRUCT(${formatFields(type.fields)})`;
    case 'map':
      return `MAP(${formatDuckDbType(type.key)}, ${formatDuckDbType(type.value)})`;
  }
}

/** `a INTEGER, "b c" VARCHAR`, as inside STRUCT(…) and UNION(…). */
export function formatFields(fields: readonly StructField[]): string {
  return fields.map((f) => `${formatFieldName(f.name)} ${formatDuckDbType(f.type)}`).join(', ');
}

export function sameType(a: DuckDbType, b: DuckDbType): boolean {
  return formatDuckDbType(a) === formatDuckDbType(b);
}

/** Schema evolution rules for appending data to an existing dataset. Pure: no I/O. */
export { diffSchemas } from './diff-schemas.js';
export { widerType } from './widening.js';
export { normaliseDuckDbType } from './normalise-duckdb-type.js';
export { quoteIdentifier } from './quote-identifier.js';
export type {
  ColumnChange,
  ColumnChangeKind,
  ColumnSchema,
  DiffOptions,
  MigrationAction,
  MigrationRule,
  SchemaDiff,
} from './column-schema.js';

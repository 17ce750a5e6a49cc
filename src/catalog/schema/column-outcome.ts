import type { ColumnChange, ColumnSchema, MigrationRule } from './column-schema.js';

/** One column's part of a SchemaDiff. */
export interface ColumnOutcome {
  readonly change: ColumnChange;
  /** The column after the append, or null when the append would not create it. */
  readonly result: ColumnSchema | null;
  /** What would make the column pass, when it is incompatible. */
  readonly rule: MigrationRule | null;
}

export function columnSchema(name: string, type: string, nullable: boolean): ColumnSchema {
  return { name, type, nullable };
}

/** One column of a dataset or of incoming data. `type` is DuckDB type text, e.g. `DECIMAL(10,2)`. */
export interface ColumnSchema {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
}

export type ColumnChangeKind = 'added' | 'missing' | 'widened' | 'unchanged' | 'incompatible';

/**
 * What an append does to one column. `from` is the dataset's type (null for an added column),
 * `to` the incoming type (null for a missing column); the column's type after the append is in
 * `SchemaDiff.resultSchema`. Types are normalised DuckDB type text.
 */
export interface ColumnChange {
  readonly column: string;
  readonly kind: ColumnChangeKind;
  readonly from: string | null;
  readonly to: string | null;
  readonly compatible: boolean;
  readonly reason: string;
}

/**
 * diffSchemas emits cast, provide_column, make_nullable and rename_or_drop. Added and missing
 * columns need no rule when they are compatible (the append adds or NULL-fills them itself), so
 * add_nullable_column and fill_missing_with_null are reserved for callers' own plans.
 */
export type MigrationAction =
  | 'cast'
  | 'add_nullable_column'
  | 'fill_missing_with_null'
  | 'rename_or_drop'
  | 'provide_column'
  | 'make_nullable';

/** A step that would make an incompatible append pass. */
export interface MigrationRule {
  readonly column: string;
  readonly action: MigrationAction;
  readonly description: string;
  /** A DuckDB expression to apply to the incoming data, e.g. `TRY_CAST("age" AS BIGINT)`. */
  readonly sql?: string;
}

export interface SchemaDiff {
  readonly compatible: boolean;
  /** Dataset columns in dataset order, then columns only in the incoming data, in their order. */
  readonly changes: readonly ColumnChange[];
  /** The dataset schema after the append when compatible; otherwise the current schema. */
  readonly resultSchema: readonly ColumnSchema[];
  /** What would make an incompatible append pass; empty when compatible. */
  readonly rules: readonly MigrationRule[];
}

export interface DiffOptions {
  /** The dataset's row key: it must be present in every append. */
  readonly rowKeyColumn?: string | null;
}

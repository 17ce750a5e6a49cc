import type { Executor } from '../metastore/index.js';
import type { PiiCategoryName, SensitivityLevel } from './dataset.js';

/** An operator's decision about one column; it outlives re-ingests and re-detection. */
export interface ColumnOverride {
  readonly column: string;
  readonly isPii: boolean | null;
  readonly piiCategory: PiiCategoryName | null;
  readonly sensitivity: SensitivityLevel | null;
  readonly description: string | null;
}

export async function selectOverrides(db: Executor, dataset: string): Promise<ColumnOverride[]> {
  const rows = await db
    .selectFrom('column_overrides')
    .selectAll()
    .where('dataset', '=', dataset)
    .execute();
  return rows.map((r) => ({
    column: r.column_name,
    isPii: r.is_pii === null ? null : r.is_pii === 1,
    piiCategory: r.pii_category as PiiCategoryName | null,
    sensitivity: r.sensitivity as SensitivityLevel | null,
    description: r.description,
  }));
}

export async function upsertOverride(
  db: Executor,
  dataset: string,
  override: ColumnOverride,
  at: string,
  by: string,
): Promise<void> {
  const values = {
    is_pii: override.isPii === null ? null : override.isPii ? 1 : 0,
    pii_category: override.piiCategory,
    sensitivity: override.sensitivity,
    description: override.description,
    updated_at: at,
    updated_by: by,
  };
  await db
    .insertInto('column_overrides')
    .values({ dataset, column_name: override.column, ...values })
    .onConflict((oc) => oc.columns(['dataset', 'column_name']).doUpdateSet(values))
    .execute();
}

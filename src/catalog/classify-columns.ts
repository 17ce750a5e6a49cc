import type { DatasetColumn } from './dataset.js';
import type { ColumnOverride } from './column-override.js';
import { detectPii } from './pii/index.js';

export interface PhysicalColumn {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
}

/**
 * Describes each column: its detected PII classification from name and sampled values, with
 * any operator override applied on top (overrides always win).
 */
export function classifyColumns(
  physical: readonly PhysicalColumn[],
  samples: ReadonlyMap<string, readonly unknown[]>,
  overrides: readonly ColumnOverride[],
  today: Date,
): DatasetColumn[] {
  const findings = detectPii(
    physical.map((c) => ({ name: c.name, type: c.type, values: samples.get(c.name) ?? [] })),
    { today },
  );
  const byColumn = new Map(overrides.map((o) => [o.column.toLowerCase(), o]));
  return physical.map((column, i) => {
    const finding = findings[i]!;
    const override = byColumn.get(column.name.toLowerCase());
    const isPii = override?.isPii ?? finding.isPii;
    return {
      name: column.name,
      type: column.type,
      nullable: column.nullable,
      isPii,
      piiCategory: isPii ? (override?.piiCategory ?? finding.category ?? 'PII') : null,
      piiKind: isPii ? finding.kind : null,
      sensitivity: override?.sensitivity ?? finding.sensitivity,
      description: override?.description ?? null,
      overridden: override !== undefined,
    };
  });
}

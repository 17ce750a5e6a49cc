import { ValidationError, parseDuration } from '../core/index.js';
import {
  SENSITIVITY_LEVELS,
  type Dataset,
  type PiiCategoryName,
  type SensitivityLevel,
} from './dataset.js';
import type { ColumnOverride } from './column-override.js';

/** What PATCH /catalog/datasets/{name}/metadata may change. */
export interface MetadataPatch {
  readonly description?: string;
  readonly owner?: string | null;
  readonly sensitivity?: string;
  readonly tags?: readonly string[];
  readonly rowKeyColumn?: string | null;
  readonly subjectKeyColumn?: string | null;
  /** e.g. `1d`, `12h`, or null to drop the contract. */
  readonly expectedUpdateInterval?: string | null;
  readonly columns?: readonly ColumnPatch[];
}

export interface ColumnPatch {
  readonly name: string;
  readonly isPii?: boolean | null;
  readonly piiCategory?: string | null;
  readonly sensitivity?: string | null;
  readonly description?: string | null;
}

export interface FieldChange {
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

const PII_CATEGORIES: readonly PiiCategoryName[] = ['PII', 'PHI', 'Financial'];

/** Validates scalar fields and returns the field-level changes (row key and columns apart). */
export function scalarChanges(dataset: Dataset, patch: MetadataPatch): FieldChange[] {
  const changes: FieldChange[] = [];
  const note = (field: string, oldValue: unknown, newValue: unknown) => {
    if (JSON.stringify(oldValue) !== JSON.stringify(newValue))
      changes.push({ field, oldValue, newValue });
  };
  if (patch.description !== undefined) note('description', dataset.description, patch.description);
  if (patch.owner !== undefined) note('owner', dataset.owner, patch.owner);
  if (patch.sensitivity !== undefined)
    note('sensitivity', dataset.sensitivity, sensitivityOrThrow(patch.sensitivity));
  if (patch.tags !== undefined) note('tags', dataset.tags, normaliseTags(patch.tags));
  if (patch.subjectKeyColumn !== undefined) {
    const column = patch.subjectKeyColumn;
    if (column !== null && !dataset.columns.some((c) => c.name === column))
      throw new ValidationError(`dataset ${dataset.name} has no column "${column}"`);
    note('subject_key_column', dataset.subjectKeyColumn, column);
  }
  if (patch.expectedUpdateInterval !== undefined) {
    note(
      'freshness_interval_s',
      dataset.freshnessIntervalSeconds,
      intervalSeconds(patch.expectedUpdateInterval),
    );
  }
  return changes;
}

export function columnOverrideFrom(
  existing: ColumnOverride | undefined,
  patch: ColumnPatch,
): ColumnOverride {
  return {
    column: patch.name,
    isPii: patch.isPii !== undefined ? patch.isPii : (existing?.isPii ?? null),
    piiCategory:
      patch.piiCategory !== undefined
        ? categoryOrThrow(patch.piiCategory)
        : (existing?.piiCategory ?? null),
    sensitivity:
      patch.sensitivity !== undefined
        ? patch.sensitivity === null
          ? null
          : sensitivityOrThrow(patch.sensitivity)
        : (existing?.sensitivity ?? null),
    description:
      patch.description !== undefined ? patch.description : (existing?.description ?? null),
  };
}

function sensitivityOrThrow(value: string): SensitivityLevel {
  if (!SENSITIVITY_LEVELS.includes(value as SensitivityLevel)) {
    throw new ValidationError(`sensitivity must be one of ${SENSITIVITY_LEVELS.join(', ')}`);
  }
  return value as SensitivityLevel;
}

function categoryOrThrow(value: string | null): PiiCategoryName | null {
  if (value !== null && !PII_CATEGORIES.includes(value as PiiCategoryName)) {
    throw new ValidationError(`pii_category must be one of ${PII_CATEGORIES.join(', ')} or null`);
  }
  return value as PiiCategoryName | null;
}

function normaliseTags(tags: readonly string[]): string[] {
  const bad = tags.find((t) => t.trim() === '' || t.length > 64);
  if (bad !== undefined) throw new ValidationError('tags must be 1-64 characters');
  return [...new Set(tags.map((t) => t.trim()))].sort();
}

function intervalSeconds(value: string | null): number | null {
  if (value === null) return null;
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0) {
    throw new ValidationError(
      `expected_update_interval must be a duration such as 1d or 12h, got "${value}"`,
    );
  }
  return ms / 1000;
}

import { AppError } from '../core/index.js';

export type PiiCategoryName = 'PII' | 'PHI' | 'Financial';
export type SensitivityLevel = 'public' | 'internal' | 'confidential' | 'restricted';
export const SENSITIVITY_LEVELS: readonly SensitivityLevel[] = [
  'public',
  'internal',
  'confidential',
  'restricted',
];

export interface DatasetColumn {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
  readonly isPii: boolean;
  readonly piiCategory: PiiCategoryName | null;
  readonly piiKind: string | null;
  readonly sensitivity: SensitivityLevel;
  readonly description: string | null;
  /** True when an operator override decided the classification (kept across re-ingest). */
  readonly overridden: boolean;
}

export interface Lineage {
  readonly sourceSystem: string;
  readonly source: string;
  readonly format: string | null;
  readonly jobId: string | null;
  readonly actor: string;
  readonly at: string;
  readonly checksum: string | null;
  readonly mode: string;
  /** Source-specific lineage (a database import: redacted DSN, table, watermark). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export type DatasetStatus = 'ready' | 'missing_files';

export interface Dataset {
  readonly name: string;
  readonly bucket: string;
  readonly description: string;
  readonly owner: string | null;
  readonly sensitivity: SensitivityLevel;
  readonly tags: readonly string[];
  readonly rowKeyColumn: string | null;
  /**
   * The column naming the person each row is about (a subject id): reads are audited per
   * subject, and erasure tombstones the subject here. Null: not person-keyed.
   */
  readonly subjectKeyColumn: string | null;
  readonly columns: readonly DatasetColumn[];
  readonly lineage: Lineage;
  readonly freshnessIntervalSeconds: number | null;
  readonly lastDataAt: string;
  readonly currentSnapshotId: string;
  readonly rowCount: number;
  readonly sizeBytes: number;
  readonly status: DatasetStatus;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
}

/** A dataset as shown to callers: with the freshness verdict computed for now. */
export interface DatasetView extends Dataset {
  readonly stale: boolean;
}

export function viewDataset(dataset: Dataset, now: Date): DatasetView {
  const interval = dataset.freshnessIntervalSeconds;
  const stale =
    interval !== null && now.getTime() - Date.parse(dataset.lastDataAt) > interval * 1000;
  return { ...dataset, stale };
}

const DATASET_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const RESERVED_PREFIXES = ['lakehouse', 'duckdb_', 'pg_', 'sqlite_', 'information_schema'];
// Names that would need quoting in every query; refusing them keeps SQL over datasets plain.
const RESERVED_WORDS = new Set(
  'all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create default deferrable desc describe distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral leading limit offset on only or order placing primary references returning select show symmetric table then to trailing true union unique using variadic when where window with pivot unpivot qualify summarize'.split(
    ' ',
  ),
);

/** Dataset names are SQL identifiers usable unquoted: lowercase letters, digits, underscores. */
export function validateDatasetName(name: string): string {
  const refuse = (why: string): never => {
    throw new AppError('invalid_dataset_name', `invalid dataset name "${name}": ${why}`, {
      details: { name },
    });
  };
  if (!DATASET_NAME.test(name)) {
    refuse(
      'use 1-63 lowercase letters, digits and underscores, starting with a letter or underscore',
    );
  }
  if (RESERVED_WORDS.has(name)) refuse('it is a reserved SQL word');
  if (RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix)))
    refuse('that prefix is reserved for system objects');
  return name;
}

import { ValidationError } from '../core/index.js';
import type { CsvOptions } from './formats/index.js';

export const INGEST_MODES = ['create', 'append', 'replace', 'upsert'] as const;
export type IngestMode = (typeof INGEST_MODES)[number];

/** Where the bytes came from, recorded in lineage. */
export type SourceSystem =
  'upload' | 'inbox' | 'server_path' | 'demo' | 'api' | 'postgres' | 'mysql';

export interface IngestRequest {
  readonly dataset: string;
  readonly mode: IngestMode;
  readonly bucket?: string;
  /** Row key declared on create. */
  readonly rowKey?: string;
  readonly format?: string;
  readonly contentType?: string;
  readonly csv?: CsvOptions;
  readonly sourceSystem: SourceSystem;
  readonly description?: string;
  /** Extra lineage recorded with the snapshot (never secrets). */
  readonly lineage?: Readonly<Record<string, unknown>>;
  /** Run in the background (202); undefined = decided by size. */
  readonly async?: boolean;
}

export function parseMode(value: string | undefined): IngestMode {
  const mode = value ?? 'create';
  if (!INGEST_MODES.includes(mode as IngestMode)) {
    throw new ValidationError(`mode must be one of ${INGEST_MODES.join(', ')}, got "${mode}"`);
  }
  return mode as IngestMode;
}

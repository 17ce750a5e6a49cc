/**
 * Connectors: PostgreSQL and MySQL/MariaDB sources → Parquet. A source is given as a DSN or
 * fields and validated into a SourceConfig whose password prints as `***`; discovery lists its
 * schemas, tables and columns; an export streams one table from one consistent snapshot into
 * a zstd Parquet file with exact types (docs/CONNECTOR-TYPES.md), optionally only the rows past
 * a watermark. Failures are AppErrors whose messages and causes never contain the password.
 */
export {
  SOURCE_SYSTEMS,
  TLS_MODES,
  DEFAULT_CONNECT_TIMEOUT_MS,
  sourceConfigFromFields,
  type SourceConfig,
  type SourceFields,
  type SourceSystem,
  type SourceTls,
  type TlsMode,
} from './source-config.js';
export {
  createSourceConfig,
  type SourceDsnInput,
  type SourceInput,
} from './create-source-config.js';
export { parseSourceDsn, redactedDsn } from './source-dsn.js';
export { Secret, REDACTED } from './secret.js';
export { redact, scrubError, secretForms } from './redact.js';
export { sealSecret, openSecret, parseSecretKey, SecretBoxError } from './secret-box.js';
export {
  sealSourceConfig,
  openSavedSourceConfig,
  publicSourceConfig,
  type SavedSourceConfig,
  type PublicSourceConfig,
} from './saved-source.js';
export { sourceLabel } from './connector-errors.js';
export { checkSourceConnection, discoverSource, exportSourceTable } from './source-connectors.js';
export type {
  SourceCatalog,
  SourceColumn,
  SourceSchema,
  SourceTable,
  SourceTableKind,
  SourceTableRef,
} from './source-catalog.js';
export type {
  ExportEngine,
  ExportOptions,
  ExportPhase,
  ExportProgress,
  ExportRequest,
  ExportResult,
  WatermarkRequest,
} from './export-request.js';

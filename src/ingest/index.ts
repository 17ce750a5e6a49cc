/** Ingest: files (upload, inbox, server path) → Parquet datasets, as jobs with progress. */
export {
  IngestService,
  type IngestDeps,
  type IngestOutcome,
  type IngestResult,
} from './ingest.service.js';
export {
  INGEST_MODES,
  parseMode,
  type IngestMode,
  type IngestRequest,
  type SourceSystem,
} from './ingest-request.js';
export { MAX_JSON_ROWS } from './json-rows.js';
export { describeLocalFile, stageUpload, type StagedUpload } from './staged-upload.js';
export {
  InboxWatcher,
  datasetFor,
  type InboxOutcome,
  type InboxWatcherOptions,
} from './inbox-watcher.js';
export { resolveInboxPath } from './inbox.js';

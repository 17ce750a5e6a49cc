/** Database sources: saved connections (password sealed) and table imports as jobs. */
export { SourceService, type SavedSource } from './source.service.js';
export {
  ImportService,
  type ImportDeps,
  type ImportJob,
  type ImportRequest,
  type ImportResult,
} from './import.service.js';
export { loadSourceKey, type LoadedSourceKey } from './source-key.js';

/** PII detection on ingest: classifies sampled columns by name, type and values. */
export { detectPii } from './detect-pii.js';
export type { DetectPiiOptions } from './detect-pii.js';
export { PII_KINDS } from './pii-category.js';
export type {
  ColumnSample,
  PiiCategory,
  PiiFinding,
  PiiKind,
  Sensitivity,
} from './pii-category.js';
export { KIND_PROFILES } from './kind-profile.js';
export type { KindProfile } from './kind-profile.js';
export { passesLuhn } from './luhn.js';

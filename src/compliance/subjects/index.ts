/** Data subjects: manifests with status, consent, retention clocks; audited lookups. */
export {
  SubjectService,
  SUBJECT_ROLES,
  manifestJson,
  type SubjectDataset,
  type SubjectDeps,
  type SubjectView,
} from './subject.service.js';
export * from './subject.js';
export { subjectStorageKey } from './storage-key.js';
export {
  validateSubjectId,
  validTimestamp,
  type ConsentInput,
  type SubjectInput,
} from './subject-input.js';
export { selectSubjectsPastRetention } from './subject.repository.js';

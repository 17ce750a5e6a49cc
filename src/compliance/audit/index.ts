/**
 * Compliance audit: a tamper-evident, append-only chain of accesses per data subject, each
 * row HMAC-signed over canonical JSON and linked to the one before (docs/audit-chain.md).
 */
export {
  AuditChainService,
  MAX_AUDIT_PAGE,
  type AuditChainOptions,
} from './audit-chain.service.js';
export type {
  AuditAppend,
  AuditFault,
  AuditFaultReason,
  AuditTip,
  AuditVerification,
} from './audit-chain.js';
export {
  AUDIT_RESULTS,
  AUDIT_SCHEMA,
  GENESIS,
  type AuditAccessor,
  type AuditEntry,
  type AuditRecord,
  type AuditResult,
  type AuditRow,
  type UnsignedAuditRow,
} from './audit-row.js';
export { MAX_SUBJECT_ID_LENGTH } from './audit-entry.js';
export { TIP_SCHEMA, hmacHex, sha256Hex, signRow, tipHmac, type SignedRow } from './audit-hmac.js';
export {
  AUDIT_KEY_ENV,
  AUDIT_KEY_FILE_ENV,
  AUDIT_KEY_MIN_BYTES,
  defaultAuditKeyPath,
  loadAuditKey,
  parseAuditKey,
  type AuditKeyOptions,
  type LoadedAuditKey,
} from './audit-key.js';
export { CanonicalJsonError, canonicalJson } from './canonical-json.js';

/**
 * Legal access: the legal token (an alternative to API keys for the legal routes, see
 * docs/adr/0012-legal-token-routes.md) and the legal audit of a subject's chain.
 */
export {
  LEGAL_TOKEN_ENV,
  LEGAL_TOKEN_FILE_ENV,
  LEGAL_TOKEN_MIN_BYTES,
  LegalToken,
  loadLegalToken,
  type LegalTokenSettings,
  type LoadedLegalToken,
} from './legal-token.js';
export {
  LEGAL_PRINCIPAL,
  LEGAL_TOKEN_HEADER,
  LegalAccess,
  type LegalRequest,
} from './legal-access.js';
export {
  LEGAL_AUDIT_FIELDS,
  LegalAuditService,
  MAX_LEGAL_AUDIT_ROWS,
  type CompletenessAttestation,
  type LegalAuditDeps,
  type LegalAuditReport,
  type LegalAuditWindow,
} from './legal-audit.service.js';
export type { LegalAuditRow, TimeWindow } from './legal-audit.repository.js';
export { missingChainReasons, type ChainEvidence } from './chain-expectations.js';

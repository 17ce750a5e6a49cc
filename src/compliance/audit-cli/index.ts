/** Operator checks of the audit chains: verify one or every subject's chain (`lakehouse audit verify`). */
export { selectAuditedSubjects } from './audited-subjects.js';
export {
  describeVerification,
  verifyChains,
  type VerifyChainsOptions,
  type VerifyChainsSummary,
} from './verify-chains.js';

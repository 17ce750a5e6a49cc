/** Access: principals and API keys (issue, list, revoke, expire) and request authentication. */
export { KeyService } from './key.service.js';
export type { ApiKeyRecord, CreateKeyInput, CreatedKey } from './api-key.js';
export { AccessService, type AccessCatalog } from './access.service.js';
export { AccessPolicy, isAdmin } from './access-policy.js';
export * from './access-model.js';
export { createDatasetGate } from './dataset-gate.js';
export {
  RateLimiter,
  RateLimitedError,
  policyForRoles,
  throwIfLimited,
  type RateDecision,
  type RateLimitPolicy,
} from './rate-limit/index.js';
export { RulesService } from './rules.service.js';
export { validateRule, type PolicyRule, type PolicyDecision } from './policy/index.js';
export { PrincipalService, type PrincipalRecord } from './principal.service.js';

/** Access: principals and API keys (issue, list, revoke, expire) and request authentication. */
export { KeyService } from './key.service.js';
export type { ApiKeyRecord, CreateKeyInput, CreatedKey } from './api-key.js';

import {
  AppError,
  UnauthorizedError,
  createContext,
  systemClock,
  type Clock,
  type Principal,
  type RequestContext,
  type Transport,
} from '../../core/index.js';
import {
  LEGAL_TOKEN_ENV,
  LEGAL_TOKEN_FILE_ENV,
  LEGAL_TOKEN_MIN_BYTES,
  type LegalToken,
} from './legal-token.js';

/** The header the legal routes read the token from (redacted in logs, see core/logger.ts). */
export const LEGAL_TOKEN_HEADER = 'x-lakehouse-legal-token';

/** Whoever holds the legal token: audited as principal `legal`, kind `service`. */
export const LEGAL_PRINCIPAL: Principal = Object.freeze({
  id: 'legal',
  name: 'legal token holder',
  kind: 'service',
  roles: Object.freeze(['legal']),
});

export interface LegalRequest {
  readonly source: Transport;
  readonly requestId: string;
  /** The declared purpose of access; `defaultPurpose` when none was declared. */
  readonly purpose?: string | undefined;
  readonly defaultPurpose: string;
  readonly signal?: AbortSignal;
}

/**
 * Authenticates callers of the legal routes by the legal token instead of an API key
 * (docs/adr/0012-legal-token-routes.md). Without a configured token those routes are off.
 */
export class LegalAccess {
  readonly #token: LegalToken | null;
  readonly #clock: Clock;

  constructor(token: LegalToken | null, clock: Clock = systemClock) {
    this.#token = token;
    this.#clock = clock;
  }

  get configured(): boolean {
    return this.#token !== null;
  }

  /** The context of a legal request, or 503 when no token is configured, 401 for a missing or wrong one. */
  authenticate(presented: string | undefined, request: LegalRequest): RequestContext {
    if (this.#token === null)
      throw new AppError(
        'legal_token_not_configured',
        `the legal routes are disabled because no legal token is configured: set ${LEGAL_TOKEN_ENV} ` +
          `or ${LEGAL_TOKEN_FILE_ENV} (at least ${LEGAL_TOKEN_MIN_BYTES} bytes) and restart`,
      );
    if (presented === undefined || presented === '')
      throw new UnauthorizedError('missing legal token: send "X-Lakehouse-Legal-Token: <token>"');
    if (!this.#token.matches(presented)) throw new UnauthorizedError('invalid legal token');
    return createContext(LEGAL_PRINCIPAL, request.source, {
      requestId: request.requestId,
      clock: this.#clock,
      purpose: request.purpose ?? request.defaultPurpose,
      ...(request.signal && { signal: request.signal }),
    });
  }
}

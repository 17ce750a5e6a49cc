import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  UnauthorizedError,
  createContext,
  withoutControlCharacters,
  type Clock,
  type Principal,
} from '../core/index.js';
import type { KeyService } from '../access/index.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Authentication for every route except those marked `config.public` (health and docs).
 * Runs before routing decisions are visible, so an unknown route without a key is a 401 too:
 * nothing about the API is revealed to an anonymous caller.
 */
export function installAuthentication(
  app: FastifyInstance,
  keys: KeyService,
  clock: Clock,
  rateLimit: (principal: Principal) => void,
): void {
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.public === true) return;
    const presented = presentedKey(request);
    if (presented === undefined) {
      throw new UnauthorizedError(
        'missing API key: send "Authorization: Bearer <key>" or "X-API-Key: <key>"',
      );
    }
    const principal = await keys.authenticate(presented);
    rateLimit(principal); // 429 with Retry-After past the key's budget
    const purpose = declaredPurpose(request.headers['x-lakehouse-purpose']);
    request.ctx = createContext(principal, 'http', {
      requestId: request.id,
      clock,
      ...(purpose !== undefined && { purpose }),
    });
  });
}

function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header.trim() !== '') return header.trim();
  const authorization = request.headers.authorization;
  if (authorization === undefined) return undefined;
  const match = BEARER.exec(authorization);
  if (!match)
    throw new UnauthorizedError('malformed Authorization header: expected "Bearer <key>"');
  return match[1];
}

/** The declared purpose of access, kept short and printable for the audit trail. */
function declaredPurpose(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  const cleaned = withoutControlCharacters(value).trim().slice(0, 200);
  return cleaned === '' ? undefined : cleaned;
}

import { AppError } from '../../core/errors.js';
import type { RateLimitPolicy } from './types.js';

/** In a per-role table (and for the fallback), 0 means "no limit": e.g. `{ admin: 0 }`. */
export const UNLIMITED_RATE = 0;

/**
 * The policy for a caller with `roles`: the most generous requests-per-minute among the roles
 * listed in `perRole` (a role grants capacity, so holding an extra role never lowers a
 * caller's limit), or `fallback` when none of the roles is listed. 0 means unlimited and beats
 * any number. Burst is left to its default (= requestsPerMinute).
 */
export function policyForRoles(
  roles: readonly string[],
  perRole: Readonly<Record<string, number>>,
  fallback: number,
): RateLimitPolicy {
  // Object.hasOwn: a role named "constructor" or "toString" must not pick up Object.prototype.
  const listed = roles.filter((role) => Object.hasOwn(perRole, role));
  const limits = listed.map((role) => toRequestsPerMinute(perRole[role], role));
  const chosen =
    limits.length > 0 ? Math.max(...limits) : toRequestsPerMinute(fallback, 'fallback');
  return { requestsPerMinute: chosen };
}

function toRequestsPerMinute(configured: number, source: string): number {
  if (configured === UNLIMITED_RATE) return Infinity;
  if (Number.isFinite(configured) && configured > 0) return configured;
  throw new AppError(
    'invalid_option',
    `rate limit for ${source} must be a positive number or 0 (unlimited), got ${configured}`,
  );
}

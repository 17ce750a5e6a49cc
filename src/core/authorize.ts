import { ForbiddenError } from './errors.js';
import type { RequestContext } from './request-context.js';

/**
 * Role gate used by management services. Finer-grained grants (per dataset and view)
 * live in the access module; this is the check for operations only admins may run.
 */
export function requireAdmin(ctx: RequestContext, action: string): void {
  if (!ctx.principal.roles.includes('admin')) {
    throw new ForbiddenError(`${action} requires the admin privilege`, {
      missing_privilege: 'admin',
      principal: ctx.principal.id,
    });
  }
}

export function requireAnyRole(
  ctx: RequestContext,
  roles: readonly string[],
  action: string,
): void {
  if (!roles.some((role) => ctx.principal.roles.includes(role))) {
    throw new ForbiddenError(`${action} requires one of the roles: ${roles.join(', ')}`, {
      missing_privilege: roles,
      principal: ctx.principal.id,
    });
  }
}

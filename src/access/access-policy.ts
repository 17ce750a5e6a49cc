import type { Principal } from '../core/index.js';
import {
  ALL_OBJECTS,
  MASK_STRENGTH,
  PRIVILEGE_RANK,
  type ColumnMask,
  type DatasetAccess,
  type Grant,
  type GrantObjectType,
  type Privilege,
  type RowFilter,
} from './access-model.js';

/**
 * A snapshot of every grant, mask and row filter, answering "what may this principal do with
 * this object". Combination rules: privileges are the highest any role grants; masks and
 * filters are restrictive — every mask of any of the caller's roles applies (the strongest one
 * per column) and every filter must hold. Admins are unrestricted.
 */
export class AccessPolicy {
  readonly #grants: readonly Grant[];
  readonly #masks: readonly ColumnMask[];
  readonly #filters: readonly RowFilter[];

  constructor(
    grants: readonly Grant[],
    masks: readonly ColumnMask[],
    filters: readonly RowFilter[],
  ) {
    this.#grants = grants;
    this.#masks = masks;
    this.#filters = filters;
  }

  privilege(principal: Principal, type: GrantObjectType, name: string): Privilege | null {
    if (isAdmin(principal)) return 'admin';
    let best: Privilege | null = null;
    for (const grant of this.#grants) {
      if (grant.objectType !== type || !principal.roles.includes(grant.role)) continue;
      if (grant.objectName !== name && grant.objectName !== ALL_OBJECTS) continue;
      if (best === null || PRIVILEGE_RANK[grant.privilege] > PRIVILEGE_RANK[best])
        best = grant.privilege;
    }
    return best;
  }

  allows(principal: Principal, type: GrantObjectType, name: string, needed: Privilege): boolean {
    const held = this.privilege(principal, type, name);
    return held !== null && PRIVILEGE_RANK[held] >= PRIVILEGE_RANK[needed];
  }

  dataset(principal: Principal, name: string): DatasetAccess {
    const privilege = this.privilege(principal, 'dataset', name);
    if (isAdmin(principal)) return { privilege, masks: new Map(), filters: [], unrestricted: true };
    const masks = new Map<string, ColumnMask>();
    for (const mask of this.#masks) {
      if (mask.dataset !== name || !principal.roles.includes(mask.role)) continue;
      const key = mask.column.toLowerCase();
      const current = masks.get(key);
      if (!current || MASK_STRENGTH[mask.kind] > MASK_STRENGTH[current.kind]) masks.set(key, mask);
    }
    const filters = this.#filters
      .filter((f) => f.dataset === name && principal.roles.includes(f.role))
      .map((f) => f.predicate);
    return { privilege, masks, filters, unrestricted: false };
  }
}

export function isAdmin(principal: Principal): boolean {
  return principal.roles.includes('admin');
}

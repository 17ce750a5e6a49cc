import {
  AppError,
  ConflictError,
  NotFoundError,
  ValidationError,
  requireAdmin,
  type RequestContext,
} from '../core/index.js';
import type { JournalService } from '../journal/index.js';
import {
  bumpCatalogVersion,
  selectCatalogVersion,
  type Metastore,
  type MetastoreTx,
} from '../metastore/index.js';
import {
  MASK_KINDS,
  PRIVILEGES,
  type ColumnMask,
  type Grant,
  type Role,
  type RowFilter,
} from './access-model.js';
import { AccessPolicy } from './access-policy.js';
import * as repo from './access.repository.js';

const ROLE_NAME = /^[a-z][a-z0-9_-]{0,62}$/;

/** How the access service looks up datasets and checks predicates, without importing them. */
export interface AccessCatalog {
  columnsOf(dataset: string): Promise<readonly string[] | undefined>;
  validatePredicate(predicate: string, columns: readonly string[]): Promise<void>;
}

/**
 * Roles, grants, column masks and row filters: managed by admins, journaled, and read as one
 * AccessPolicy snapshot per catalog version (every change bumps the version, so namespaces
 * recompile on the next query).
 */
export class AccessService {
  readonly #metastore: Metastore;
  readonly #journal: JournalService;
  readonly #catalog: AccessCatalog;
  #cached: { version: number; policy: Promise<AccessPolicy> } | undefined;

  constructor(metastore: Metastore, journal: JournalService, catalog: AccessCatalog) {
    this.#metastore = metastore;
    this.#journal = journal;
    this.#catalog = catalog;
  }

  async policy(): Promise<AccessPolicy> {
    const version = await selectCatalogVersion(this.#metastore.db);
    if (this.#cached?.version !== version) {
      const db = this.#metastore.db;
      const policy = Promise.all([
        repo.selectGrants(db),
        repo.selectMasks(db),
        repo.selectRowFilters(db),
      ]).then(([grants, masks, filters]) => new AccessPolicy(grants, masks, filters));
      this.#cached = { version, policy };
    }
    return this.#cached.policy;
  }

  async roles(ctx: RequestContext): Promise<Role[]> {
    requireAdmin(ctx, 'reading roles');
    return repo.selectRoles(this.#metastore.db);
  }

  async createRole(ctx: RequestContext, name: string, description: string): Promise<Role> {
    requireAdmin(ctx, 'creating roles');
    if (!ROLE_NAME.test(name))
      throw new AppError('invalid_name', 'role names are lowercase letters, digits, _ and -');
    const role: Role = { name, description, builtIn: false };
    await this.#change(
      ctx,
      { entityType: 'role', entityId: name, action: 'create', newValue: role },
      async (tx) => {
        if ((await repo.selectRoles(tx)).some((r) => r.name === name))
          throw new ConflictError('role_exists', `role ${name} exists`);
        await repo.insertRole(tx, role, this.#stamp(ctx));
      },
    );
    return role;
  }

  async deleteRole(ctx: RequestContext, name: string): Promise<void> {
    requireAdmin(ctx, 'deleting roles');
    await this.#change(
      ctx,
      { entityType: 'role', entityId: name, action: 'delete' },
      async (tx) => {
        const role = await this.#roleOrThrow(tx, name);
        if (role.builtIn)
          throw new AppError('role_built_in', `role ${name} is built in and cannot be deleted`);
        await repo.deleteRole(tx, name);
      },
    );
  }

  async grants(ctx: RequestContext): Promise<Grant[]> {
    requireAdmin(ctx, 'reading grants');
    return repo.selectGrants(this.#metastore.db);
  }

  async grant(ctx: RequestContext, grant: Grant): Promise<Grant> {
    requireAdmin(ctx, 'granting privileges');
    validateGrant(grant);
    await this.#change(
      ctx,
      { entityType: 'grant', entityId: grantId(grant), action: 'grant', newValue: grant },
      async (tx) => {
        await this.#roleOrThrow(tx, grant.role);
        await repo.insertGrant(tx, grant, this.#stamp(ctx));
      },
    );
    return grant;
  }

  async revoke(ctx: RequestContext, grant: Grant): Promise<void> {
    requireAdmin(ctx, 'revoking privileges');
    validateGrant(grant);
    await this.#change(
      ctx,
      { entityType: 'grant', entityId: grantId(grant), action: 'revoke', oldValue: grant },
      async (tx) => {
        if (!(await repo.deleteGrant(tx, grant)))
          throw new NotFoundError('not_found', `no such grant: ${grantId(grant)}`);
      },
    );
  }

  async masks(ctx: RequestContext): Promise<ColumnMask[]> {
    requireAdmin(ctx, 'reading masks');
    return repo.selectMasks(this.#metastore.db);
  }

  async setMask(ctx: RequestContext, mask: ColumnMask): Promise<ColumnMask> {
    requireAdmin(ctx, 'setting column masks');
    validateMask(mask);
    const columns = await this.#columnsOrThrow(mask.dataset);
    if (!columns.some((c) => c.toLowerCase() === mask.column.toLowerCase())) {
      throw new ValidationError(`dataset ${mask.dataset} has no column "${mask.column}"`);
    }
    const id = `${mask.role}:${mask.dataset}.${mask.column}`;
    await this.#change(
      ctx,
      { entityType: 'column_mask', entityId: id, action: 'set', newValue: mask },
      async (tx) => {
        await this.#roleOrThrow(tx, mask.role);
        await repo.upsertMask(tx, mask, this.#stamp(ctx));
      },
    );
    return mask;
  }

  async removeMask(
    ctx: RequestContext,
    role: string,
    dataset: string,
    column: string,
  ): Promise<void> {
    requireAdmin(ctx, 'removing column masks');
    const id = `${role}:${dataset}.${column}`;
    await this.#change(
      ctx,
      { entityType: 'column_mask', entityId: id, action: 'remove' },
      async (tx) => {
        if (!(await repo.deleteMask(tx, role, dataset, column)))
          throw new NotFoundError('not_found', `no mask ${id}`);
      },
    );
  }

  async rowFilters(ctx: RequestContext): Promise<RowFilter[]> {
    requireAdmin(ctx, 'reading row filters');
    return repo.selectRowFilters(this.#metastore.db);
  }

  async setRowFilter(ctx: RequestContext, filter: RowFilter): Promise<RowFilter> {
    requireAdmin(ctx, 'setting row filters');
    await this.#catalog.validatePredicate(
      filter.predicate,
      await this.#columnsOrThrow(filter.dataset),
    );
    const id = `${filter.role}:${filter.dataset}`;
    await this.#change(
      ctx,
      { entityType: 'row_filter', entityId: id, action: 'set', newValue: filter },
      async (tx) => {
        await this.#roleOrThrow(tx, filter.role);
        await repo.upsertRowFilter(tx, filter, this.#stamp(ctx));
      },
    );
    return filter;
  }

  async removeRowFilter(ctx: RequestContext, role: string, dataset: string): Promise<void> {
    requireAdmin(ctx, 'removing row filters');
    const id = `${role}:${dataset}`;
    await this.#change(
      ctx,
      { entityType: 'row_filter', entityId: id, action: 'remove' },
      async (tx) => {
        if (!(await repo.deleteRowFilter(tx, role, dataset)))
          throw new NotFoundError('not_found', `no row filter ${id}`);
      },
    );
  }

  /** One governed change: the work, its journal event and the version bump, in one transaction. */
  async #change(
    ctx: RequestContext,
    entry: {
      entityType: string;
      entityId: string;
      action: string;
      oldValue?: unknown;
      newValue?: unknown;
    },
    work: (tx: MetastoreTx) => Promise<void>,
  ): Promise<void> {
    await this.#metastore.transaction(async (tx) => {
      await work(tx);
      await this.#journal.record(tx, ctx, entry);
      await bumpCatalogVersion(tx);
    });
  }

  async #roleOrThrow(tx: MetastoreTx, name: string): Promise<Role> {
    const role = (await repo.selectRoles(tx)).find((r) => r.name === name);
    if (!role) throw new NotFoundError('role_not_found', `no role named ${name}`);
    return role;
  }

  async #columnsOrThrow(dataset: string): Promise<readonly string[]> {
    const columns = await this.#catalog.columnsOf(dataset);
    if (!columns) throw new NotFoundError('dataset_not_found', `no dataset named ${dataset}`);
    return columns;
  }

  #stamp(ctx: RequestContext) {
    return { at: ctx.clock.now().toISOString(), by: ctx.principal.id };
  }
}

function grantId(grant: Grant): string {
  return `${grant.role}:${grant.privilege}:${grant.objectType}:${grant.objectName}`;
}

function validateGrant(grant: Grant): void {
  if (!PRIVILEGES.includes(grant.privilege))
    throw new ValidationError(`privilege must be one of ${PRIVILEGES.join(', ')}`);
  if (grant.objectType !== 'dataset' && grant.objectType !== 'view')
    throw new ValidationError('object_type must be dataset or view');
  if (grant.objectName !== '*' && !/^[a-z_][a-z0-9_]{0,62}$/.test(grant.objectName)) {
    throw new ValidationError('object_name must be a dataset or view name, or *');
  }
}

function validateMask(mask: ColumnMask): void {
  if (!MASK_KINDS.includes(mask.kind))
    throw new AppError('invalid_mask', `mask kind must be one of ${MASK_KINDS.join(', ')}`);
  const keeps = [mask.keepPrefix, mask.keepSuffix];
  if (keeps.some((n) => !Number.isInteger(n) || n < 0 || n > 64)) {
    throw new AppError(
      'invalid_mask',
      'keep_prefix and keep_suffix are whole numbers from 0 to 64',
    );
  }
}

import {
  NotFoundError,
  ValidationError,
  requireAdmin,
  uuidv7,
  type PrincipalKind,
  type RequestContext,
} from '../core/index.js';
import type { JournalService } from '../journal/index.js';
import { bumpCatalogVersion, type Metastore } from '../metastore/index.js';
import { insertPrincipal } from './key.repository.js';

export interface PrincipalRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: PrincipalKind;
  readonly roles: readonly string[];
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

const KINDS: readonly PrincipalKind[] = ['user', 'agent', 'service'];

/** Principals (users, agents, services) and their roles; keys are issued to them. Admin only. */
export class PrincipalService {
  readonly #metastore: Metastore;
  readonly #journal: JournalService;

  constructor(metastore: Metastore, journal: JournalService) {
    this.#metastore = metastore;
    this.#journal = journal;
  }

  async list(ctx: RequestContext): Promise<PrincipalRecord[]> {
    requireAdmin(ctx, 'listing principals');
    const rows = await this.#metastore.db
      .selectFrom('principals')
      .selectAll()
      .orderBy('created_at')
      .execute();
    return rows.map(toRecord);
  }

  async create(
    ctx: RequestContext,
    input: { name: string; kind: PrincipalKind; roles: readonly string[] },
  ): Promise<PrincipalRecord> {
    requireAdmin(ctx, 'creating principals');
    if (!KINDS.includes(input.kind))
      throw new ValidationError(`kind must be one of ${KINDS.join(', ')}`);
    const id = uuidv7();
    const at = ctx.clock.now().toISOString();
    await this.#metastore.transaction(async (tx) => {
      await this.#checkRoles(tx, input.roles);
      await insertPrincipal(tx, {
        id,
        name: input.name,
        kind: input.kind,
        roles: input.roles,
        created_at: at,
        created_by: ctx.principal.id,
      });
      await this.#journal.record(tx, ctx, {
        entityType: 'principal',
        entityId: id,
        action: 'create',
        newValue: input,
      });
    });
    return {
      id,
      name: input.name,
      kind: input.kind,
      roles: input.roles,
      createdAt: at,
      disabledAt: null,
    };
  }

  /** Changes a principal's roles or disables/enables it (a disabled principal's keys stop working). */
  async update(
    ctx: RequestContext,
    id: string,
    change: { roles?: readonly string[]; disabled?: boolean },
  ): Promise<PrincipalRecord> {
    requireAdmin(ctx, 'changing principals');
    await this.#metastore.transaction(async (tx) => {
      const row = await tx
        .selectFrom('principals')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw new NotFoundError('not_found', `no principal with id ${id}`);
      if (change.roles) {
        await this.#checkRoles(tx, change.roles);
        await tx
          .updateTable('principals')
          .set({ roles: JSON.stringify(change.roles) })
          .where('id', '=', id)
          .execute();
        await this.#journal.record(tx, ctx, {
          entityType: 'principal',
          entityId: id,
          action: 'update',
          field: 'roles',
          oldValue: JSON.parse(row.roles),
          newValue: change.roles,
        });
      }
      if (change.disabled !== undefined && change.disabled !== (row.disabled_at !== null)) {
        const disabledAt = change.disabled ? ctx.clock.now().toISOString() : null;
        await tx
          .updateTable('principals')
          .set({ disabled_at: disabledAt })
          .where('id', '=', id)
          .execute();
        await this.#journal.record(tx, ctx, {
          entityType: 'principal',
          entityId: id,
          action: change.disabled ? 'disable' : 'enable',
          field: 'disabled_at',
          oldValue: row.disabled_at,
          newValue: disabledAt,
        });
      }
      await bumpCatalogVersion(tx);
    });
    const row = await this.#metastore.db
      .selectFrom('principals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async #checkRoles(
    tx: Parameters<typeof insertPrincipal>[0],
    roles: readonly string[],
  ): Promise<void> {
    if (roles.length === 0) throw new ValidationError('a principal needs at least one role');
    const known = new Set(
      (await tx.selectFrom('roles').select('name').execute()).map((r) => r.name),
    );
    const unknown = roles.filter((r) => !known.has(r));
    if (unknown.length)
      throw new NotFoundError('role_not_found', `no roles named ${unknown.join(', ')}`);
  }
}

function toRecord(row: {
  id: string;
  name: string;
  kind: string;
  roles: string;
  created_at: string;
  disabled_at: string | null;
}): PrincipalRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as PrincipalKind,
    roles: JSON.parse(row.roles) as string[],
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

import {
  AppError,
  ConflictError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
  parseDuration,
  requireAdmin,
  uuidv7,
  type Clock,
  type Principal,
  type PrincipalKind,
  type RequestContext,
} from '../core/index.js';
import type { JournalService } from '../journal/index.js';
import type { Metastore, MetastoreTx } from '../metastore/index.js';
import type { ApiKeyRecord, CreateKeyInput, CreatedKey } from './api-key.js';
import { digestsEqual, generateApiKey, hashApiKey, keyHint } from './api-key-secret.js';
import * as repo from './key.repository.js';

const PRINCIPAL_KINDS: readonly PrincipalKind[] = ['user', 'agent', 'service'];
const LAST_USED_RESOLUTION_MS = 60_000;
const ROLE_PATTERN = /^[a-z][a-z0-9_-]{0,62}$/;

/** API keys: issue (shown once), list, revoke, expire, and authenticate requests. */
export class KeyService {
  readonly #metastore: Metastore;
  readonly #journal: JournalService;
  readonly #clock: Clock;
  readonly #lastTouched = new Map<string, number>();

  constructor(metastore: Metastore, journal: JournalService, clock: Clock) {
    this.#metastore = metastore;
    this.#journal = journal;
    this.#clock = clock;
  }

  /**
   * Resolves a presented key to its principal. The stored digest is compared in constant
   * time; lookup is by digest, which reveals nothing about the key itself.
   */
  async authenticate(presented: string): Promise<Principal> {
    const digest = hashApiKey(presented);
    const row = await repo.findKeyByHash(this.#metastore.db, digest);
    if (!row || !digestsEqual(digest, row.key_hash)) throw new UnauthorizedError('invalid API key');
    const now = this.#clock.now();
    const status = keyStatus(row, now);
    if (status === 'revoked') throw new UnauthorizedError('API key has been revoked');
    if (status === 'expired') throw new UnauthorizedError('API key has expired');
    if (row.principal_disabled_at)
      throw new UnauthorizedError('the principal of this API key is disabled');
    await this.#touch(row.id, now);
    return {
      id: row.principal_id,
      name: row.principal_name,
      kind: row.principal_kind as PrincipalKind,
      roles: JSON.parse(row.principal_roles) as string[],
      keyId: row.id,
    };
  }

  /**
   * At first start (no key at all), creates the admin principal and its key: the configured
   * one if given, else a generated one. Returns the key only when it was generated.
   */
  async bootstrap(
    ctx: RequestContext,
    configuredKey: string | undefined,
  ): Promise<{ generatedKey?: string } | null> {
    return this.#metastore.transaction(async (tx) => {
      if ((await repo.countKeys(tx)) > 0) return null;
      const key = configuredKey ?? generateApiKey();
      await this.#insert(
        tx,
        ctx,
        key,
        { name: 'bootstrap admin', roles: ['admin'], kind: 'user' },
        null,
      );
      return configuredKey ? {} : { generatedKey: key };
    });
  }

  async create(ctx: RequestContext, input: CreateKeyInput): Promise<CreatedKey> {
    requireAdmin(ctx, 'creating API keys');
    const expiresAt = resolveExpiry(input, ctx.clock.now());
    const key = generateApiKey();
    const id = await this.#metastore.transaction((tx) =>
      this.#insert(tx, ctx, key, input, expiresAt),
    );
    return { key, record: await this.#getOrThrow(id) };
  }

  async list(ctx: RequestContext): Promise<ApiKeyRecord[]> {
    requireAdmin(ctx, 'listing API keys');
    const now = this.#clock.now();
    return (await repo.listKeyRows(this.#metastore.db)).map((row) => toRecord(row, now));
  }

  async revoke(ctx: RequestContext, id: string): Promise<ApiKeyRecord> {
    requireAdmin(ctx, 'revoking API keys');
    await this.#metastore.transaction(async (tx) => {
      const row = await repo.findKeyById(tx, id);
      if (!row) throw new NotFoundError('key_not_found', `no API key with id ${id}`);
      if (row.revoked_at) return; // already revoked: nothing changes, nothing to journal
      await this.#guardLastAdmin(tx, row, ctx.clock.now());
      const at = ctx.clock.now().toISOString();
      await repo.markRevoked(tx, id, at, ctx.principal.id);
      await this.#journal.record(tx, ctx, {
        entityType: 'api_key',
        entityId: id,
        action: 'revoke',
        field: 'revoked_at',
        oldValue: null,
        newValue: at,
      });
    });
    return this.#getOrThrow(id);
  }

  async #insert(
    tx: MetastoreTx,
    ctx: RequestContext,
    key: string,
    input: CreateKeyInput,
    expiresAt: string | null,
  ): Promise<string> {
    const now = ctx.clock.now().toISOString();
    const principalId = input.principalId ?? (await this.#createPrincipal(tx, ctx, input, now));
    if (input.principalId && !(await repo.findPrincipal(tx, input.principalId))) {
      throw new NotFoundError('not_found', `no principal with id ${input.principalId}`);
    }
    const id = uuidv7();
    const hint = keyHint(key);
    await repo.insertKey(tx, {
      id,
      principal_id: principalId,
      name: input.name,
      key_hash: hashApiKey(key),
      key_hint: hint,
      created_at: now,
      created_by: ctx.principal.id,
      expires_at: expiresAt,
    });
    await this.#journal.record(tx, ctx, {
      entityType: 'api_key',
      entityId: id,
      action: 'create',
      newValue: { name: input.name, principal_id: principalId, hint, expires_at: expiresAt },
    });
    return id;
  }

  async #createPrincipal(
    tx: MetastoreTx,
    ctx: RequestContext,
    input: CreateKeyInput,
    now: string,
  ): Promise<string> {
    const kind = input.kind ?? 'user';
    const roles = input.roles ?? ['analyst'];
    validatePrincipal(kind, roles);
    const id = uuidv7();
    await repo.insertPrincipal(tx, {
      id,
      name: input.name,
      kind,
      roles,
      created_at: now,
      created_by: ctx.principal.id,
    });
    await this.#journal.record(tx, ctx, {
      entityType: 'principal',
      entityId: id,
      action: 'create',
      newValue: { name: input.name, kind, roles },
    });
    return id;
  }

  /** Refuses to revoke the last usable admin key: that would lock every operator out. */
  async #guardLastAdmin(tx: MetastoreTx, target: repo.KeyRow, now: Date): Promise<void> {
    if (!isAdminRow(target)) return;
    const others = (await repo.listKeyRows(tx)).filter(
      (row) => row.id !== target.id && isAdminRow(row) && keyStatus(row, now) === 'active',
    );
    if (others.length === 0) {
      throw new ConflictError(
        'last_admin_key',
        'refusing to revoke the last active admin key; create another admin key first',
      );
    }
  }

  async #touch(id: string, now: Date): Promise<void> {
    const last = this.#lastTouched.get(id) ?? 0;
    if (now.getTime() - last < LAST_USED_RESOLUTION_MS) return;
    this.#lastTouched.set(id, now.getTime());
    await repo.touchLastUsed(this.#metastore.db, id, now.toISOString());
  }

  async #getOrThrow(id: string): Promise<ApiKeyRecord> {
    const row = await repo.findKeyById(this.#metastore.db, id);
    if (!row) throw new AppError('internal', `API key ${id} vanished`);
    return toRecord(row, this.#clock.now());
  }
}

function keyStatus(row: repo.KeyRow, now: Date): ApiKeyRecord['status'] {
  if (row.revoked_at) return 'revoked';
  if (row.expires_at && row.expires_at <= now.toISOString()) return 'expired';
  return 'active';
}

function isAdminRow(row: repo.KeyRow): boolean {
  return (
    !row.principal_disabled_at && (JSON.parse(row.principal_roles) as string[]).includes('admin')
  );
}

function toRecord(row: repo.KeyRow, now: Date): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    hint: row.key_hint,
    principal: {
      id: row.principal_id,
      name: row.principal_name,
      kind: row.principal_kind as PrincipalKind,
      roles: JSON.parse(row.principal_roles) as string[],
    },
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    status: keyStatus(row, now),
  };
}

function resolveExpiry(input: CreateKeyInput, now: Date): string | null {
  if (input.expiresAt !== undefined && input.expiresIn !== undefined) {
    throw new ValidationError('give either expires_at or expires_in, not both');
  }
  if (input.expiresIn !== undefined) {
    const ms = parseDuration(input.expiresIn);
    if (ms === undefined || ms <= 0) {
      throw new ValidationError(
        `expires_in must be a duration such as 30d, 12h or 90m, got "${input.expiresIn}"`,
      );
    }
    return new Date(now.getTime() + ms).toISOString();
  }
  if (input.expiresAt === undefined) return null;
  const at = new Date(input.expiresAt);
  if (Number.isNaN(at.getTime()))
    throw new ValidationError(`expires_at is not a valid time: "${input.expiresAt}"`);
  if (at <= now) throw new ValidationError('expires_at must be in the future');
  return at.toISOString();
}

function validatePrincipal(kind: string, roles: readonly string[]): void {
  if (!PRINCIPAL_KINDS.includes(kind as PrincipalKind)) {
    throw new ValidationError(`kind must be one of ${PRINCIPAL_KINDS.join(', ')}`);
  }
  if (roles.length === 0) throw new ValidationError('a principal needs at least one role');
  const bad = roles.find((role) => !ROLE_PATTERN.test(role));
  if (bad !== undefined) throw new ValidationError(`invalid role name "${bad}"`);
}

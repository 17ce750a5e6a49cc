import type { Executor } from '../metastore/index.js';

export interface KeyRow {
  id: string;
  name: string;
  key_hash: string;
  key_hint: string;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  principal_id: string;
  principal_name: string;
  principal_kind: string;
  principal_roles: string;
  principal_disabled_at: string | null;
}

function selectKeys(db: Executor) {
  return db
    .selectFrom('api_keys as k')
    .innerJoin('principals as p', 'p.id', 'k.principal_id')
    .select([
      'k.id',
      'k.name',
      'k.key_hash',
      'k.key_hint',
      'k.created_at',
      'k.created_by',
      'k.expires_at',
      'k.revoked_at',
      'k.last_used_at',
      'p.id as principal_id',
      'p.name as principal_name',
      'p.kind as principal_kind',
      'p.roles as principal_roles',
      'p.disabled_at as principal_disabled_at',
    ]);
}

export function findKeyByHash(db: Executor, keyHash: string): Promise<KeyRow | undefined> {
  return selectKeys(db).where('k.key_hash', '=', keyHash).executeTakeFirst();
}

export function findKeyById(db: Executor, id: string): Promise<KeyRow | undefined> {
  return selectKeys(db).where('k.id', '=', id).executeTakeFirst();
}

export function listKeyRows(db: Executor): Promise<KeyRow[]> {
  return selectKeys(db).orderBy('k.created_at', 'asc').execute();
}

export async function countKeys(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertPrincipal(
  db: Executor,
  row: {
    id: string;
    name: string;
    kind: string;
    roles: readonly string[];
    created_at: string;
    created_by: string;
  },
): Promise<void> {
  await db
    .insertInto('principals')
    .values({ ...row, roles: JSON.stringify(row.roles), disabled_at: null })
    .execute();
}

export function findPrincipal(db: Executor, id: string) {
  return db.selectFrom('principals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertKey(
  db: Executor,
  row: {
    id: string;
    principal_id: string;
    name: string;
    key_hash: string;
    key_hint: string;
    created_at: string;
    created_by: string;
    expires_at: string | null;
  },
): Promise<void> {
  await db
    .insertInto('api_keys')
    .values({ ...row, revoked_at: null, revoked_by: null, last_used_at: null })
    .execute();
}

export async function markRevoked(db: Executor, id: string, at: string, by: string): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .execute();
}

export async function touchLastUsed(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}

import type { Executor } from './metastore.js';

/**
 * One counter for everything a query namespace is compiled from: datasets, snapshots, grants,
 * masks, filters, views. Every such commit increments it in its own transaction; namespaces are
 * cached per value, so the next query after a change sees it.
 */
export async function bumpCatalogVersion(db: Executor): Promise<void> {
  await db
    .updateTable('catalog_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

export async function selectCatalogVersion(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('catalog_state')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

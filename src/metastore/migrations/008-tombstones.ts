import type { Kysely } from 'kysely';

/** Soft deletes by row key: hidden from every query at once, removed physically by compaction. */
export function tombstonesMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('tombstones')
        .addColumn('dataset', 'text', (c) => c.notNull())
        .addColumn('key_column', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('snapshot_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tombstones_pk', ['dataset', 'value'])
        .execute();
    },
  };
}

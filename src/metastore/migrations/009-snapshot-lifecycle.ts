import type { Kysely } from 'kysely';

/**
 * Snapshot lifecycle: snapshots expired by garbage collection keep their history row but lose
 * their file list; tombstones applied by a compaction stay (marked) until every older file has
 * been rewritten without their rows, so an interrupted erasure resumes after a restart.
 */
export function snapshotLifecycleMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('snapshots').addColumn('expired_at', 'text').execute();
      await db.schema.alterTable('tombstones').addColumn('applied_snapshot_id', 'text').execute();
    },
  };
}

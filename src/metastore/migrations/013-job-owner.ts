import type { Kysely } from 'kysely';

/**
 * Which server runs a job: several servers may share one PostgreSQL metastore, and a server
 * starting up may only declare its own unfinished jobs interrupted.
 */
export function jobOwnerMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('jobs').addColumn('owner', 'text').execute();
    },
  };
}

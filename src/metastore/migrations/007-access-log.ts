import type { Kysely } from 'kysely';

/** The query log doubles as the access log: which columns a read returned, and the decision. */
export function accessLogMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('query_log').addColumn('columns', 'text').execute();
      await db.schema.alterTable('query_log').addColumn('decision', 'text').execute();
    },
  };
}

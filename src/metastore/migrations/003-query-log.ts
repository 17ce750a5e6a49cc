import type { Kysely } from 'kysely';

/** One row per query: who ran what, which datasets it touched, how it went. */
export function queryLogMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('query_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('ts', 'text', (c) => c.notNull())
        .addColumn('principal_id', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text')
        .addColumn('sql', 'text', (c) => c.notNull())
        .addColumn('datasets', 'text', (c) => c.notNull())
        .addColumn('row_count', 'bigint')
        .addColumn('latency_ms', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('error_code', 'text')
        .execute();
      await db.schema.createIndex('query_log_ts').on('query_log').column('ts').execute();
      await db.schema
        .createIndex('query_log_principal')
        .on('query_log')
        .columns(['principal_id', 'ts'])
        .execute();
    },
  };
}

import type { Kysely } from 'kysely';

/**
 * Saved database sources (password sealed, never stored in clear) and the state of each
 * dataset imported from a source table: what it came from and, for incremental imports, the
 * watermark reached by the last committed import.
 */
export function sourcesMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('sources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('system', 'text', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('source_imports')
        .addColumn('dataset', 'text', (c) => c.primaryKey())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('schema_name', 'text', (c) => c.notNull())
        .addColumn('table_name', 'text', (c) => c.notNull())
        .addColumn('watermark_column', 'text')
        .addColumn('key_column', 'text')
        .addColumn('watermark', 'text')
        .addColumn('last_job_id', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}

import type { Kysely } from 'kysely';

/**
 * Datasets, their snapshots (each lists every file visible in it), operator overrides of
 * column classification (kept across re-ingest), background jobs, and a catalog version that
 * every catalog commit increments (query namespaces are compiled per version).
 */
export function catalogMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('datasets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('bucket', 'text', (c) => c.notNull().references('buckets.name'))
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('owner', 'text')
        .addColumn('sensitivity', 'text', (c) => c.notNull())
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('row_key_column', 'text')
        .addColumn('columns', 'text', (c) => c.notNull())
        .addColumn('lineage', 'text', (c) => c.notNull())
        .addColumn('freshness_interval_s', 'integer')
        .addColumn('last_data_at', 'text', (c) => c.notNull())
        .addColumn('current_snapshot_id', 'text', (c) => c.notNull())
        .addColumn('row_count', 'bigint', (c) => c.notNull())
        .addColumn('size_bytes', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('snapshots')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('dataset', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('operation', 'text', (c) => c.notNull())
        .addColumn('row_count', 'bigint', (c) => c.notNull())
        .addColumn('size_bytes', 'bigint', (c) => c.notNull())
        .addColumn('columns', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addUniqueConstraint('snapshots_dataset_seq', ['dataset', 'seq'])
        .execute();

      await db.schema
        .createTable('snapshot_files')
        .addColumn('snapshot_id', 'text', (c) => c.notNull().references('snapshots.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('file_key', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('row_count', 'bigint', (c) => c.notNull())
        .addColumn('size_bytes', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('snapshot_files_pk', ['snapshot_id', 'position'])
        .execute();
      await db.schema
        .createIndex('snapshot_files_key')
        .on('snapshot_files')
        .column('file_key')
        .execute();

      await db.schema
        .createTable('column_overrides')
        .addColumn('dataset', 'text', (c) => c.notNull())
        .addColumn('column_name', 'text', (c) => c.notNull())
        .addColumn('is_pii', 'integer')
        .addColumn('pii_category', 'text')
        .addColumn('sensitivity', 'text')
        .addColumn('description', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('column_overrides_pk', ['dataset', 'column_name'])
        .execute();

      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('dataset', 'text')
        .addColumn('params', 'text', (c) => c.notNull())
        .addColumn('progress', 'text', (c) => c.notNull())
        .addColumn('result', 'text')
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_created').on('jobs').column('created_at').execute();

      await db.schema
        .createTable('catalog_state')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .execute();
      await db
        .insertInto('catalog_state' as never)
        .values({ id: 1, version: 0 } as never)
        .execute();
    },
  };
}

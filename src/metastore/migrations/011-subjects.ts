import type { Kysely } from 'kysely';

/**
 * Data subjects (one manifest per person) and, on datasets, the column that names the person
 * a row is about (subject-keyed datasets: audited on read, erased by subject).
 */
export function subjectsMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('subjects')
        .addColumn('subject_id', 'text', (c) => c.primaryKey())
        .addColumn('storage_key', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('consent', 'text', (c) => c.notNull())
        .addColumn('last_interaction_at', 'text', (c) => c.notNull())
        .addColumn('general_pii_until', 'text', (c) => c.notNull())
        .addColumn('biometric_until', 'text')
        .addColumn('photo', 'text')
        .addColumn('erasure', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('subjects_status').on('subjects').column('status').execute();
      await db.schema.alterTable('datasets').addColumn('subject_key_column', 'text').execute();
    },
  };
}

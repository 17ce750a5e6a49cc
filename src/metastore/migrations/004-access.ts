import type { Kysely } from 'kysely';

const BUILT_IN_ROLES: readonly [string, string][] = [
  ['admin', 'Everything, unmasked; manages keys, roles, grants, buckets'],
  ['engineer', 'Ingests and maintains datasets (write on all datasets by default)'],
  ['analyst', 'Reads datasets for analysis (read on all datasets by default)'],
  ['agent', 'AI agents: reads only what is granted explicitly (usually AI-safe views)'],
  ['legal', 'Compliance: audit reports, retention, erasure'],
];

/** Roles, grants per role, column masks and row filters per role. */
export function accessMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('roles')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('built_in', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('grants')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('object_type', 'text', (c) => c.notNull())
        .addColumn('object_name', 'text', (c) => c.notNull())
        .addColumn('privilege', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('grants_pk', ['role', 'object_type', 'object_name', 'privilege'])
        .execute();
      await db.schema
        .createTable('column_masks')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('dataset', 'text', (c) => c.notNull())
        .addColumn('column_name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('keep_prefix', 'integer', (c) => c.notNull())
        .addColumn('keep_suffix', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('column_masks_pk', ['role', 'dataset', 'column_name'])
        .execute();
      await db.schema
        .createTable('row_filters')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('dataset', 'text', (c) => c.notNull())
        .addColumn('predicate', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('row_filters_pk', ['role', 'dataset'])
        .execute();
      const at = new Date().toISOString();
      await db
        .insertInto('roles' as never)
        .values(
          BUILT_IN_ROLES.map(([name, description]) => ({
            name,
            description,
            built_in: 1,
            created_at: at,
            created_by: 'system',
          })) as never,
        )
        .execute();
      await db
        .insertInto('grants' as never)
        .values([
          {
            role: 'engineer',
            object_type: 'dataset',
            object_name: '*',
            privilege: 'write',
            created_at: at,
            created_by: 'system',
          },
          {
            role: 'analyst',
            object_type: 'dataset',
            object_name: '*',
            privilege: 'read',
            created_at: at,
            created_by: 'system',
          },
        ] as never)
        .execute();
    },
  };
}

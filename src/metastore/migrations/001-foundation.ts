import { sql, type Kysely } from 'kysely';
import type { MetastoreDialect } from '../dialect.js';

/** Principals, API keys, buckets and the append-only journal. */
export function foundationMigration(dialect: MetastoreDialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('principals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('roles', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();

      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('principal_id', 'text', (c) => c.notNull().references('principals.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('key_hint', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_by', 'text')
        .addColumn('last_used_at', 'text')
        .execute();

      await db.schema
        .createTable('buckets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('backend', 'text', (c) => c.notNull())
        .addColumn('protected', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('journal_events')
        .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('ts', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('field', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('old_value', 'text')
        .addColumn('new_value', 'text')
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('workspace', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text')
        .execute();
      await db.schema
        .createIndex('journal_events_entity')
        .on('journal_events')
        .columns(['entity_id', 'seq'])
        .execute();
      await db.schema
        .createIndex('journal_events_type')
        .on('journal_events')
        .columns(['entity_type', 'seq'])
        .execute();

      await forbidJournalChanges(db, dialect);
    },
  };
}

/** Events are immutable: the database itself refuses UPDATE and DELETE on the journal. */
async function forbidJournalChanges(db: Kysely<unknown>, dialect: MetastoreDialect): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER journal_events_no_${op.toLowerCase()} BEFORE ${op} ON journal_events ` +
            `BEGIN SELECT RAISE(ABORT, 'journal events are immutable'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION journal_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        `BEGIN RAISE EXCEPTION 'journal events are immutable'; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER journal_events_immutable BEFORE UPDATE OR DELETE ON journal_events ` +
        `FOR EACH ROW EXECUTE FUNCTION journal_events_immutable()`,
    )
    .execute(db);
}

import { sql, type Kysely } from 'kysely';
import type { MetastoreDialect } from '../dialect.js';

/**
 * Per-subject audit chains (docs/audit-chain.md): the signed rows, and each chain's tip.
 * Rows are immutable in the database itself, as the journal is; the chain's hashes are what
 * reveal a change made by someone able to drop the triggers.
 */
export function auditChainMigration(dialect: MetastoreDialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('audit_rows')
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('ts', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('principal', 'text', (c) => c.notNull())
        .addColumn('row_json', 'text', (c) => c.notNull())
        // One row per position: two appends that raced past the lock cannot both commit.
        .addPrimaryKeyConstraint('audit_rows_pk', ['subject_id', 'seq'])
        .execute();
      await db.schema
        .createIndex('audit_rows_principal')
        .on('audit_rows')
        .columns(['principal', 'ts'])
        .execute();
      await db.schema.createIndex('audit_rows_ts').on('audit_rows').column('ts').execute();

      await db.schema
        .createTable('audit_tips')
        .addColumn('subject_id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('tip_hmac', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await forbid(db, dialect, 'audit_rows', ['UPDATE', 'DELETE'], 'audit rows are immutable');
      // A tip moves forward on every append, but a chain never loses its tip.
      await forbid(db, dialect, 'audit_tips', ['DELETE'], 'audit tips cannot be deleted');
    },
  };
}

/** Triggers that abort the given statements, named `<table>_no_<op>` on both dialects. */
async function forbid(
  db: Kysely<unknown>,
  dialect: MetastoreDialect,
  table: string,
  ops: readonly ('UPDATE' | 'DELETE')[],
  message: string,
): Promise<void> {
  if (dialect === 'postgres')
    await sql
      .raw(
        `CREATE FUNCTION ${table}_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
          `BEGIN RAISE EXCEPTION '${message}'; END $$`,
      )
      .execute(db);
  for (const op of ops) {
    const name = `${table}_no_${op.toLowerCase()}`;
    const statement =
      dialect === 'sqlite'
        ? `CREATE TRIGGER ${name} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`
        : `CREATE TRIGGER ${name} BEFORE ${op} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_refuse()`;
    await sql.raw(statement).execute(db);
  }
}

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { MetastoreDialect } from './dialect.js';
import { migrationProvider } from './migrations/index.js';
import type { MetastoreSchema } from './schema.js';

export type MetastoreDb = Kysely<MetastoreSchema>;
export type MetastoreTx = Transaction<MetastoreSchema>;
/** Something queries can run on: the database itself or an open transaction. */
export type Executor = MetastoreDb | MetastoreTx;

/**
 * The one SQL metadata database: embedded SQLite (WAL) or PostgreSQL behind one Kysely
 * query layer. Every commit that changes state runs inside `transaction`.
 */
export class Metastore {
  readonly db: MetastoreDb;
  readonly dialect: MetastoreDialect;
  #closed = false;

  private constructor(db: MetastoreDb, dialect: MetastoreDialect) {
    this.db = db;
    this.dialect = dialect;
  }

  static async open(url: string): Promise<Metastore> {
    const metastore = url.startsWith('sqlite:') ? openSqlite(url.slice(7)) : openPostgres(url);
    await metastore.migrate();
    return metastore;
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.dialect) });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new Error(`metastore migration ${failed} failed`, { cause: error });
    }
  }

  transaction<T>(work: (tx: MetastoreTx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.db.destroy();
  }

  /** @internal used by open helpers */
  static create(db: MetastoreDb, dialect: MetastoreDialect): Metastore {
    return new Metastore(db, dialect);
  }
}

function openSqlite(file: string): Metastore {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before it returns; the journal and audit depend on it.
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 10000');
  database.pragma('foreign_keys = ON');
  return Metastore.create(new Kysely({ dialect: new SqliteDialect({ database }) }), 'sqlite');
}

function openPostgres(url: string): Metastore {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return Metastore.create(new Kysely({ dialect: new PostgresDialect({ pool }) }), 'postgres');
}

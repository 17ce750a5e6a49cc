import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor, Metastore, MetastoreDialect } from '../../metastore/index.js';

type LockedWork<T> = (tx: Executor) => Promise<T>;
type Locker = <T>(
  metastore: Metastore,
  subjectIds: readonly string[],
  work: LockedWork<T>,
) => Promise<T>;

/**
 * Runs `work` in one transaction that holds the append lock of every subject named, so a
 * subject's appends form one line (also across processes sharing the metastore). A lost race
 * still cannot persist: (subject_id, seq) is the rows' primary key.
 */
export function withSubjectLocks<T>(
  metastore: Metastore,
  subjectIds: readonly string[],
  work: LockedWork<T>,
): Promise<T> {
  return LOCKERS[metastore.dialect](metastore, subjectIds, work);
}

const LOCKERS: Record<MetastoreDialect, Locker> = {
  sqlite: (metastore, _subjectIds, work) => sqliteImmediate(metastore, work),
  postgres: (metastore, subjectIds, work) =>
    metastore.transaction(async (tx) => {
      await lockSubjects(tx, subjectIds);
      return work(tx);
    }),
};

/**
 * SQLite has one writer at a time, so the lock is the database's. In this process Kysely's
 * SQLite driver already hands its one connection to one caller at a time; BEGIN IMMEDIATE
 * takes the write lock up front, so another process waits (busy_timeout) instead of failing
 * with SQLITE_BUSY when a deferred transaction tries to upgrade from reading to writing.
 */
async function sqliteImmediate<T>(metastore: Metastore, work: LockedWork<T>): Promise<T> {
  return metastore.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    let result: T;
    try {
      result = await work(connection);
      await sql`commit`.execute(connection);
    } catch (error) {
      await rollbackAfter(error, connection);
      throw error;
    }
    return result;
  });
}

async function rollbackAfter(error: unknown, connection: Executor): Promise<void> {
  try {
    await sql`rollback`.execute(connection);
  } catch (rollbackError) {
    throw new AggregateError([error, rollbackError], 'audit append failed and so did its rollback');
  }
}

/**
 * PostgreSQL: transaction-scoped advisory locks, one per subject, so different subjects never
 * wait for each other. Taken in ascending key order (the subquery's ORDER BY), so two batches
 * naming the same subjects cannot deadlock; were the order ever not kept, PostgreSQL's
 * deadlock detector would fail one transaction rather than hang both.
 */
async function lockSubjects(tx: Executor, subjectIds: readonly string[]): Promise<void> {
  const keys = [...new Set(subjectIds.map(subjectLockKey))];
  if (keys.length === 1) {
    await sql`select pg_advisory_xact_lock(${keys[0]}::bigint)`.execute(tx);
    return;
  }
  await sql`select pg_advisory_xact_lock(k)
    from (select unnest(${keys}::bigint[]) as k order by k) as ordered`.execute(tx);
}

/**
 * The first 64 bits of SHA-256("lakehouse.audit:" + subject id), signed, as decimal text
 * (pg takes bigint parameters as text). A collision only makes two subjects share a lock.
 */
export function subjectLockKey(subjectId: string): string {
  const digest = createHash('sha256').update(`lakehouse.audit:${subjectId}`, 'utf8').digest();
  return BigInt.asIntN(64, digest.readBigUInt64BE(0)).toString();
}

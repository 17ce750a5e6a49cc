import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditEntry } from '../../../src/compliance/audit/index.js';
import type { Metastore } from '../../../src/metastore/index.js';

export const testKey = () => createSecretKey(randomBytes(32));

/** A subject id no other test uses. */
export const newSubject = (label = 'CAN') => `${label}${randomUUID().slice(0, 8)}`;

export function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    accessor: { principal: 'p-analyst', kind: 'user', purpose: 'placement review', traceId: 't-1' },
    fieldsAccessed: ['email', 'phone'],
    result: 'success',
    ...overrides,
  };
}

/**
 * What someone able to drop the immutability triggers (a database owner) can do; the chain
 * must still reveal it. Idempotent.
 */
export async function dropAuditTriggers(metastore: Metastore): Promise<void> {
  const triggers = [
    ['audit_rows', 'audit_rows_no_update'],
    ['audit_rows', 'audit_rows_no_delete'],
    ['audit_tips', 'audit_tips_no_delete'],
  ] as const;
  for (const [table, trigger] of triggers) {
    const statement =
      metastore.dialect === 'sqlite'
        ? `DROP TRIGGER IF EXISTS ${trigger}`
        : `DROP TRIGGER IF EXISTS ${trigger} ON ${table}`;
    await sql.raw(statement).execute(metastore.db);
  }
}

/** Replaces the stored JSON text of one row: with a text, or with a changed copy of the row. */
export async function rewriteRow(
  metastore: Metastore,
  subjectId: string,
  seq: number,
  change: string | ((row: Record<string, unknown>) => Record<string, unknown> | string),
): Promise<void> {
  const where = metastore.db
    .updateTable('audit_rows')
    .where('subject_id', '=', subjectId)
    .where('seq', '=', seq);
  if (typeof change === 'string') {
    await where.set({ row_json: change }).execute();
    return;
  }
  const stored = await storedRow(metastore, subjectId, seq);
  const changed = change(JSON.parse(stored.row_json) as Record<string, unknown>);
  const text = typeof changed === 'string' ? changed : JSON.stringify(changed);
  await where.set({ row_json: text }).execute();
}

/** Moves one row to another seq (one row at a time: the primary key is checked per row). */
export async function moveRow(
  metastore: Metastore,
  subjectId: string,
  from: number,
  to: number,
): Promise<void> {
  await metastore.db
    .updateTable('audit_rows')
    .set({ seq: to })
    .where('subject_id', '=', subjectId)
    .where('seq', '=', from)
    .execute();
}

export async function deleteRow(metastore: Metastore, subjectId: string, seq: number) {
  await metastore.db
    .deleteFrom('audit_rows')
    .where('subject_id', '=', subjectId)
    .where('seq', '=', seq)
    .execute();
}

export async function storedRow(metastore: Metastore, subjectId: string, seq: number) {
  return metastore.db
    .selectFrom('audit_rows')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
}

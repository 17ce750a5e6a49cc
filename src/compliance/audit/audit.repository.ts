import type { Selectable } from 'kysely';
import type { AuditRowsTable, AuditTipsTable, Executor } from '../../metastore/index.js';
import type { AuditTip } from './audit-chain.js';

export type StoredAuditRow = Selectable<AuditRowsTable>;
export type StoredAuditTip = Selectable<AuditTipsTable>;

// Well under SQLite's 32,766 bound parameters per statement at six columns a row.
const CHUNK = 500;

export async function insertAuditRows(
  db: Executor,
  rows: readonly AuditRowsTable[],
): Promise<void> {
  for (const chunk of chunks(rows)) await db.insertInto('audit_rows').values(chunk).execute();
}

export async function upsertAuditTips(
  db: Executor,
  tips: readonly AuditTipsTable[],
): Promise<void> {
  for (const chunk of chunks(tips))
    await db
      .insertInto('audit_tips')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('subject_id').doUpdateSet((eb) => ({
          seq: eb.ref('excluded.seq'),
          hash: eb.ref('excluded.hash'),
          tip_hmac: eb.ref('excluded.tip_hmac'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
}

export async function selectAuditTips(
  db: Executor,
  subjectIds: readonly string[],
): Promise<Map<string, StoredAuditTip>> {
  const tips = new Map<string, StoredAuditTip>();
  for (const chunk of chunks(subjectIds)) {
    const rows = await db
      .selectFrom('audit_tips')
      .selectAll()
      .where('subject_id', 'in', chunk)
      .execute();
    for (const row of rows) tips.set(row.subject_id, row);
  }
  return tips;
}

export async function selectAuditTip(
  db: Executor,
  subjectId: string,
): Promise<StoredAuditTip | undefined> {
  return db
    .selectFrom('audit_tips')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
}

/** Rows in seq order after `afterSeq` (from the first when null) up to `upToSeq`. */
export async function selectAuditRowPage(
  db: Executor,
  subjectId: string,
  page: { afterSeq: number | null; upToSeq: number; limit: number },
): Promise<StoredAuditRow[]> {
  let query = db
    .selectFrom('audit_rows')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('seq', '<=', page.upToSeq)
    .orderBy('seq')
    .limit(page.limit);
  if (page.afterSeq !== null) query = query.where('seq', '>', page.afterSeq);
  return query.execute();
}

/** The lowest seq above `seq`, if any row is there. */
export async function selectAuditSeqAbove(
  db: Executor,
  subjectId: string,
  seq: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('audit_rows')
    .select('seq')
    .where('subject_id', '=', subjectId)
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  return row?.seq;
}

export async function countAuditRows(db: Executor, subjectId?: string): Promise<number> {
  let query = db.selectFrom('audit_rows').select((eb) => eb.fn.countAll<string | number>().as('n'));
  if (subjectId !== undefined) query = query.where('subject_id', '=', subjectId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export function toAuditTip(tip: StoredAuditTip): AuditTip {
  return { subjectId: tip.subject_id, seq: tip.seq, hash: tip.hash, updatedAt: tip.updated_at };
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

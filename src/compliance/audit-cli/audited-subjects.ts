import type { Executor } from '../../metastore/index.js';

/**
 * Every subject with an audit chain: those with rows, and those with only a tip (every row
 * deleted; the tip cannot be deleted without dropping its trigger, and then it shows).
 */
export async function selectAuditedSubjects(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_rows')
    .select('subject_id')
    .distinct()
    .union(db.selectFrom('audit_tips').select('subject_id'))
    .orderBy('subject_id')
    .execute();
  return rows.map((r) => r.subject_id);
}

import type { Executor } from '../../metastore/index.js';
import { parseJson } from '../../metastore/index.js';
import type {
  ConsentPurpose,
  ConsentRecord,
  Subject,
  SubjectPhoto,
  SubjectStatus,
} from './subject.js';
import type { SubjectsTable } from '../../metastore/schema.js';

export async function selectSubject(db: Executor, id: string): Promise<Subject | undefined> {
  const row = await db
    .selectFrom('subjects')
    .selectAll()
    .where('subject_id', '=', id)
    .executeTakeFirst();
  return row && toSubject(row);
}

/** Which of the subject ids have a manifest. */
export function selectSubjectIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  return existingValues(db, 'subject_id', ids);
}

/** Which of the storage keys are already used. */
export function selectTakenStorageKeys(
  db: Executor,
  keys: readonly string[],
): Promise<Set<string>> {
  return existingValues(db, 'storage_key', keys);
}

/** The values of a unique column that exist, looked up in batches (SQLite caps parameters). */
async function existingValues(
  db: Executor,
  column: 'subject_id' | 'storage_key',
  values: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < values.length; i += 500) {
    const rows = await db
      .selectFrom('subjects')
      .select(column)
      .where(column, 'in', values.slice(i, i + 500))
      .execute();
    for (const row of rows) found.add(row[column]);
  }
  return found;
}

export async function insertSubjects(db: Executor, subjects: readonly Subject[]): Promise<void> {
  for (let i = 0; i < subjects.length; i += 500) {
    await db
      .insertInto('subjects')
      .values(subjects.slice(i, i + 500).map(toRow))
      .execute();
  }
}

export async function updateSubject(db: Executor, subject: Subject): Promise<void> {
  const { subject_id: _id, storage_key: _key, created_at: _created, ...rest } = toRow(subject);
  await db.updateTable('subjects').set(rest).where('subject_id', '=', subject.subjectId).execute();
}

/** Subjects not erased or expired whose general or biometric clock ends before `at`. */
export async function selectSubjectsPastRetention(db: Executor, at: string): Promise<Subject[]> {
  const rows = await db
    .selectFrom('subjects')
    .selectAll()
    .where('status', 'not in', ['erased', 'retention_expired'])
    .where((eb) => eb.or([eb('general_pii_until', '<', at), eb('biometric_until', '<', at)]))
    .orderBy('subject_id')
    .execute();
  return rows.map(toSubject);
}

function toRow(s: Subject): SubjectsTable {
  return {
    subject_id: s.subjectId,
    storage_key: s.storageKey,
    status: s.status,
    consent: JSON.stringify(s.consent),
    last_interaction_at: s.lastInteractionAt,
    general_pii_until: s.generalPiiUntil,
    biometric_until: s.biometricUntil,
    photo: s.photo === null ? null : JSON.stringify(s.photo),
    erasure: s.erasure === null || s.erasure === undefined ? null : JSON.stringify(s.erasure),
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

function toSubject(row: SubjectsTable): Subject {
  return {
    subjectId: row.subject_id,
    storageKey: row.storage_key,
    status: row.status as SubjectStatus,
    consent: parseJson<Record<ConsentPurpose, ConsentRecord>>(row.consent)!,
    lastInteractionAt: row.last_interaction_at,
    generalPiiUntil: row.general_pii_until,
    biometricUntil: row.biometric_until,
    photo: parseJson<SubjectPhoto>(row.photo) ?? null,
    erasure: parseJson<unknown>(row.erasure) ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

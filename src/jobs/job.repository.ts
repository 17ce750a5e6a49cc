import type { Selectable } from 'kysely';
import type { Executor, JobsTable } from '../metastore/index.js';
import { parseJson } from '../metastore/index.js';
import type { Job, JobProgress, JobState } from './job.js';

export async function insertJob(db: Executor, job: Job, owner: string): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      id: job.id,
      kind: job.kind,
      state: job.state,
      dataset: job.dataset,
      params: JSON.stringify(job.params),
      progress: JSON.stringify(job.progress),
      result: null,
      error: null,
      created_at: job.createdAt,
      created_by: job.createdBy,
      started_at: null,
      finished_at: null,
      updated_at: job.createdAt,
      owner,
    })
    .execute();
}

export async function updateJob(
  db: Executor,
  id: string,
  changes: {
    state?: JobState;
    progress?: JobProgress;
    result?: unknown;
    error?: unknown;
    startedAt?: string;
    finishedAt?: string;
    at: string;
  },
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      updated_at: changes.at,
      ...(changes.state && { state: changes.state }),
      ...(changes.progress && { progress: JSON.stringify(changes.progress) }),
      ...(changes.result !== undefined && { result: JSON.stringify(changes.result) }),
      ...(changes.error !== undefined && { error: JSON.stringify(changes.error) }),
      ...(changes.startedAt && { started_at: changes.startedAt }),
      ...(changes.finishedAt && { finished_at: changes.finishedAt }),
    })
    .where('id', '=', id)
    .execute();
}

export async function selectJob(db: Executor, id: string): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toJob(row);
}

export async function selectJobs(db: Executor, limit: number, createdBy?: string): Promise<Job[]> {
  let query = db
    .selectFrom('jobs')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (createdBy) query = query.where('created_by', '=', createdBy);
  return (await query.execute()).map(toJob);
}

/**
 * Jobs a previous process of this server left unfinished: they can never finish now. Other
 * servers' jobs (sharing the metastore) are theirs to recover.
 */
export async function failUnfinished(db: Executor, at: string, owner: string): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({
      state: 'failed',
      finished_at: at,
      updated_at: at,
      error: JSON.stringify({
        code: 'interrupted',
        message: 'the server stopped before this job finished',
      }),
    })
    .where('state', 'in', ['queued', 'running'])
    .where((eb) => eb.or([eb('owner', '=', owner), eb('owner', 'is', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state as JobState,
    dataset: row.dataset,
    params: parseJson<Record<string, unknown>>(row.params) ?? {},
    progress: parseJson<JobProgress>(row.progress)!,
    result: parseJson(row.result),
    error: parseJson(row.error),
    createdAt: row.created_at,
    createdBy: row.created_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

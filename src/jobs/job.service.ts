import { AppError, NotFoundError, uuidv7, type Clock, type RequestContext } from '../core/index.js';
import type { Metastore } from '../metastore/index.js';
import { EMPTY_PROGRESS, viewJob, type Job, type JobProgress, type JobView } from './job.js';
import * as repo from './job.repository.js';

export interface ProgressReporter {
  update(progress: Partial<JobProgress>): void;
}

export interface JobSpec {
  readonly kind: string;
  readonly dataset?: string;
  readonly params?: Record<string, unknown>;
  readonly bytesTotal?: number;
}

export type JobWork<T> = (progress: ProgressReporter, jobId: string) => Promise<T>;

export interface SubmittedJob<T> {
  readonly id: string;
  /** Settles when the job ends: the work's result, or its original error. */
  readonly outcome: Promise<T>;
}

const FLUSH_INTERVAL_MS = 1000;

/**
 * Background jobs with live progress: at most `concurrency` run at once, the rest queue.
 * Progress lives in memory while running and is flushed to the metastore once a second,
 * so any replica can report it.
 */
export class JobService {
  readonly #metastore: Metastore;
  readonly #clock: Clock;
  readonly #concurrency: number;
  readonly #owner: string;
  readonly #live = new Map<string, JobProgress>();
  readonly #queue: Array<() => void> = [];
  readonly #pending = new Set<Promise<unknown>>();
  #running = 0;

  /**
   * `owner` names this server (its data directory's instance id): jobs are recorded with it, and
   * only its own unfinished jobs are failed at start.
   */
  constructor(metastore: Metastore, clock: Clock, owner: string, concurrency = 2) {
    this.#metastore = metastore;
    this.#clock = clock;
    this.#owner = owner;
    this.#concurrency = concurrency;
  }

  /** Marks jobs left running by a previous process as failed. */
  recoverInterrupted(): Promise<number> {
    return repo.failUnfinished(this.#metastore.db, this.#now(), this.#owner);
  }

  async submit<T>(ctx: RequestContext, spec: JobSpec, work: JobWork<T>): Promise<SubmittedJob<T>> {
    const job: Job = {
      id: uuidv7(),
      kind: spec.kind,
      state: 'queued',
      dataset: spec.dataset ?? null,
      params: spec.params ?? {},
      progress: { ...EMPTY_PROGRESS, bytesTotal: spec.bytesTotal ?? null },
      result: null,
      error: null,
      createdAt: this.#now(),
      createdBy: ctx.principal.id,
      startedAt: null,
      finishedAt: null,
    };
    await repo.insertJob(this.#metastore.db, job, this.#owner);
    this.#live.set(job.id, job.progress);
    const outcome = this.#whenSlotFree().then(() => this.#run(job.id, work));
    const settled = outcome.catch(() => {}); // the caller may not await it; failures are recorded on the job
    this.#pending.add(settled);
    void settled.then(() => this.#pending.delete(settled));
    return { id: job.id, outcome };
  }

  /** Resolves when every submitted job has ended (used on shutdown). */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  async get(ctx: RequestContext, id: string): Promise<JobView> {
    const job = await repo.selectJob(this.#metastore.db, id);
    if (!job || !this.#visible(ctx, job))
      throw new NotFoundError('job_not_found', `no job with id ${id}`);
    return this.#view(job);
  }

  async list(ctx: RequestContext, limit = 100): Promise<JobView[]> {
    const mine = ctx.principal.roles.includes('admin') ? undefined : ctx.principal.id;
    const jobs = await repo.selectJobs(
      this.#metastore.db,
      Math.max(1, Math.min(1000, limit)),
      mine,
    );
    return jobs.map((job) => this.#view(job));
  }

  async #run<T>(id: string, work: JobWork<T>): Promise<T> {
    const startedAt = this.#now();
    await repo.updateJob(this.#metastore.db, id, { state: 'running', startedAt, at: startedAt });
    let lastFlush = 0;
    const reporter: ProgressReporter = {
      update: (partial) => {
        const next = { ...(this.#live.get(id) ?? EMPTY_PROGRESS), ...partial };
        this.#live.set(id, next);
        const now = Date.now();
        if (now - lastFlush >= FLUSH_INTERVAL_MS) {
          lastFlush = now;
          void repo
            .updateJob(this.#metastore.db, id, { progress: next, at: this.#now() })
            .catch(() => {});
        }
      },
    };
    try {
      const result = await work(reporter, id);
      await this.#finish(id, { state: 'succeeded', result: result ?? null });
      return result;
    } catch (error) {
      await this.#finish(id, { state: 'failed', error: describeError(error) });
      throw error;
    } finally {
      this.#live.delete(id);
      this.#release();
    }
  }

  async #finish(
    id: string,
    outcome: { state: 'succeeded' | 'failed'; result?: unknown; error?: unknown },
  ) {
    const at = this.#now();
    const progress = this.#live.get(id);
    await repo.updateJob(this.#metastore.db, id, {
      ...outcome,
      ...(progress && { progress }),
      finishedAt: at,
      at,
    });
  }

  #whenSlotFree(): Promise<void> {
    if (this.#running < this.#concurrency) {
      this.#running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#queue.push(resolve));
  }

  #release(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#running -= 1;
  }

  #view(job: Job): JobView {
    const live = this.#live.get(job.id);
    return viewJob(
      live && job.state === 'running' ? { ...job, progress: live } : job,
      this.#clock.now(),
    );
  }

  #visible(ctx: RequestContext, job: Job): boolean {
    return ctx.principal.roles.includes('admin') || job.createdBy === ctx.principal.id;
  }

  #now(): string {
    return this.#clock.now().toISOString();
  }
}

function describeError(error: unknown): { code: string; message: string; details?: unknown } {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details !== undefined && { details: error.details }),
    };
  }
  return { code: 'internal', message: 'the job failed with an internal error' };
}

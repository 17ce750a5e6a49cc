export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobProgress {
  readonly rowsProcessed: number;
  readonly bytesProcessed: number;
  /** Total bytes when known (e.g. an uploaded file's size). */
  readonly bytesTotal: number | null;
  /** Expected rows when known (e.g. a source table's estimate): the ETA is by rows then. */
  readonly rowsTotal?: number | null;
}

export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly state: JobState;
  readonly dataset: string | null;
  readonly params: Record<string, unknown>;
  readonly progress: JobProgress;
  readonly result: unknown;
  readonly error: { code: string; message: string; details?: unknown } | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

/** Progress seen by a client: what was done, how fast, and how long is left. */
export interface JobView extends Job {
  readonly percent: number | null;
  readonly bytesPerSecond: number | null;
  readonly rowsPerSecond: number | null;
  readonly etaSeconds: number | null;
}

export const EMPTY_PROGRESS: JobProgress = {
  rowsProcessed: 0,
  bytesProcessed: 0,
  bytesTotal: null,
};

export function viewJob(job: Job, now: Date): JobView {
  const started = job.startedAt ? Date.parse(job.startedAt) : null;
  const ended = job.finishedAt ? Date.parse(job.finishedAt) : now.getTime();
  const seconds = started === null ? 0 : Math.max(0.001, (ended - started) / 1000);
  const { bytesProcessed, bytesTotal, rowsProcessed } = job.progress;
  const rowsTotal = job.progress.rowsTotal ?? null;
  const bytesPerSecond = started === null ? null : bytesProcessed / seconds;
  const rowsPerSecond = started === null ? null : rowsProcessed / seconds;
  const [done, total, rate] = bytesTotal
    ? [bytesProcessed, bytesTotal, bytesPerSecond]
    : [rowsProcessed, rowsTotal, rowsPerSecond];
  const percent =
    job.state === 'succeeded' ? 100 : total ? Math.min(100, (100 * done) / total) : null;
  const etaSeconds =
    job.state === 'running' && total && rate ? Math.max(0, (total - done) / rate) : null;
  return {
    ...job,
    percent: percent === null ? null : Math.round(percent * 10) / 10,
    bytesPerSecond: bytesPerSecond === null ? null : Math.round(bytesPerSecond),
    rowsPerSecond: rowsPerSecond === null ? null : Math.round(rowsPerSecond),
    etaSeconds: etaSeconds === null ? null : Math.round(etaSeconds * 10) / 10,
  };
}

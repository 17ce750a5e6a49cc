import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { JobView } from '../../jobs/index.js';
import type { Services } from '../../services.js';
import { NullableTimestamp, Timestamp, responses } from '../schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const JobSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  state: Type.String(),
  dataset: Nullable(Type.String()),
  params: Type.Unknown(),
  rows_processed: Type.Integer(),
  bytes_processed: Type.Integer(),
  bytes_total: Nullable(Type.Integer()),
  percent: Nullable(Type.Number()),
  rows_per_second: Nullable(Type.Number()),
  bytes_per_second: Nullable(Type.Number()),
  eta_seconds: Nullable(Type.Number()),
  result: Type.Unknown(),
  error: Type.Unknown(),
  created_at: Timestamp,
  created_by: Type.String(),
  started_at: NullableTimestamp,
  finished_at: NullableTimestamp,
});

export async function jobsRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get<{ Querystring: { limit: number } }>(
    '/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Recent jobs (admins see all, others their own)',
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
        }),
        response: responses({ 200: Type.Object({ jobs: Type.Array(JobSchema) }) }, 400),
      },
    },
    async (request) => ({
      jobs: (await services.jobs.list(request.ctx, request.query.limit)).map(jobJson),
    }),
  );

  app.get<{ Params: { id: string } }>(
    '/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'One job: state, rows and bytes processed, rate, ETA, result or error',
        params: Type.Object({ id: Type.String() }),
        response: responses({ 200: JobSchema }, 404),
      },
    },
    async (request) => jobJson(await services.jobs.get(request.ctx, request.params.id)),
  );
}

export function jobJson(job: JobView) {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    dataset: job.dataset,
    params: job.params,
    rows_processed: job.progress.rowsProcessed,
    bytes_processed: job.progress.bytesProcessed,
    bytes_total: job.progress.bytesTotal,
    percent: job.percent,
    rows_per_second: job.rowsPerSecond,
    bytes_per_second: job.bytesPerSecond,
    eta_seconds: job.etaSeconds,
    result: job.result,
    error: job.error,
    created_at: job.createdAt,
    created_by: job.createdBy,
    started_at: job.startedAt,
    finished_at: job.finishedAt,
  };
}

import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { MAX_TOMBSTONES_PER_REQUEST, type GcOptions, type GcReport } from '../../catalog/index.js';
import { ValidationError, parseDuration } from '../../core/index.js';
import type { Services } from '../../services.js';
import { Timestamp, responses } from '../schemas.js';

const Result = Type.Object({
  snapshot_id: Type.Union([Type.String(), Type.Null()]),
  results: Type.Array(Type.Object({ value: Type.String(), status: Type.String() })),
});

const GcBody = Type.Object(
  {
    retention: Type.Optional(
      Type.String({
        description:
          'Keep snapshots newer than this readable (90s, 15m, 12h, 7d, 2w); default: the configured retention',
      }),
    ),
    dry_run: Type.Optional(
      Type.Boolean({ default: true, description: 'Report only (the default); false removes' }),
    ),
  },
  { additionalProperties: false },
);
const GcReportSchema = Type.Object({
  dataset: Type.String(),
  dry_run: Type.Boolean(),
  cutoff: Timestamp,
  snapshots_expired: Type.Array(Type.String()),
  files_deleted: Type.Array(
    Type.Object({ key: Type.String(), bytes: Type.Integer(), orphan: Type.Boolean() }),
  ),
  bytes_freed: Type.Integer(),
});
type GcBodyType = { retention?: string; dry_run?: boolean };

function gcOptions(body: GcBodyType | undefined): GcOptions {
  const retention = body?.retention;
  let retentionMs: number | undefined;
  if (retention !== undefined) {
    retentionMs = parseDuration(retention);
    if (retentionMs === undefined)
      throw new ValidationError(
        `retention must look like 90s, 15m, 12h, 7d or 2w, got "${retention}"`,
      );
  }
  return { apply: body?.dry_run === false, ...(retentionMs !== undefined && { retentionMs }) };
}

function gcJson(r: GcReport) {
  return {
    dataset: r.dataset,
    dry_run: r.dryRun,
    cutoff: r.cutoff,
    snapshots_expired: [...r.snapshotsExpired],
    files_deleted: r.filesDeleted.map((f) => ({ ...f })),
    bytes_freed: r.bytesFreed,
  };
}

/** Tombstones: hide rows by key from every query and view at once. */
export async function tombstoneRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{
    Params: { name: string };
    Body: { key_column: string; values: string[]; reason: string };
  }>(
    '/catalog/datasets/:name/tombstones',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Tombstone rows by key (200 all applied, 207 when some values matched no row)',
        params: Type.Object({ name: Type.String() }),
        body: Type.Object(
          {
            key_column: Type.String(),
            values: Type.Array(Type.String(), {
              minItems: 1,
              maxItems: MAX_TOMBSTONES_PER_REQUEST,
            }),
            reason: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Result, 207: Result }, 400, 403, 404, 409),
      },
    },
    async (request, reply) => {
      const { key_column, values, reason } = request.body;
      const outcome = await services.tombstones.add(request.ctx, request.params.name, {
        keyColumn: key_column,
        values,
        reason,
      });
      const partial = outcome.results.some((r) => r.status === 'not_found');
      return reply
        .status(partial ? 207 : 200)
        .send({ snapshot_id: outcome.snapshotId, results: outcome.results });
    },
  );

  app.get<{ Params: { name: string } }>(
    '/catalog/datasets/:name/tombstones',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Tombstones of a dataset with actor, reason and time',
        params: Type.Object({ name: Type.String() }),
        response: responses(
          {
            200: Type.Object({
              tombstones: Type.Array(
                Type.Object({
                  key_column: Type.String(),
                  value: Type.String(),
                  reason: Type.String(),
                  actor: Type.String(),
                  created_at: Timestamp,
                  snapshot_id: Type.String(),
                }),
              ),
            }),
          },
          404,
        ),
      },
    },
    async (request) => ({
      tombstones: (await services.tombstones.list(request.ctx, request.params.name)).map((t) => ({
        key_column: t.keyColumn,
        value: t.value,
        reason: t.reason,
        actor: t.actor,
        created_at: t.createdAt,
        snapshot_id: t.snapshotId,
      })),
    }),
  );

  app.post<{ Params: { name: string } }>(
    '/catalog/datasets/:name/compact',
    {
      schema: {
        tags: ['catalog'],
        summary:
          'Merge the files into one, drop tombstoned rows physically (also from older files), clear tombstones',
        params: Type.Object({ name: Type.String() }),
        response: responses(
          {
            200: Type.Object({
              snapshot_id: Type.String(),
              rows_before: Type.Integer(),
              rows_after: Type.Integer(),
              rows_dropped: Type.Integer(),
              bytes: Type.Integer(),
              files_rewritten: Type.Integer(),
              duration_ms: Type.Integer(),
            }),
          },
          403,
          404,
          409,
        ),
      },
    },
    async (request) => {
      const r = await services.compaction.compact(request.ctx, request.params.name);
      return {
        snapshot_id: r.snapshotId,
        rows_before: r.rowsBefore,
        rows_after: r.rowsAfter,
        rows_dropped: r.rowsDropped,
        bytes: r.bytes,
        files_rewritten: r.filesRewritten,
        duration_ms: r.durationMs,
      };
    },
  );

  app.post<{ Params: { name: string }; Body: GcBodyType | undefined }>(
    '/catalog/datasets/:name/gc',
    {
      schema: {
        tags: ['catalog'],
        summary:
          'Expire snapshots past the retention window and delete files no remaining snapshot references (dry run by default)',
        params: Type.Object({ name: Type.String() }),
        body: Type.Optional(GcBody),
        response: responses({ 200: GcReportSchema }, 400, 403, 404),
      },
    },
    async (request) =>
      gcJson(await services.gc.collect(request.ctx, request.params.name, gcOptions(request.body))),
  );

  app.post<{ Body: GcBodyType | undefined }>(
    '/catalog/gc',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Garbage-collect every dataset (dry run by default)',
        body: Type.Optional(GcBody),
        response: responses(
          { 200: Type.Object({ datasets: Type.Array(GcReportSchema) }) },
          400,
          403,
        ),
      },
    },
    async (request) => ({
      datasets: (await services.gc.collectAll(request.ctx, gcOptions(request.body))).map(gcJson),
    }),
  );
}

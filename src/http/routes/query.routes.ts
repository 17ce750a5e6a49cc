import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { parseAsOf } from '../../query/index.js';
import type { Services } from '../../services.js';
import { Timestamp, responses } from '../schemas.js';

const FORMATS = ['json', 'csv', 'ndjson', 'arrow'] as const;
type Format = (typeof FORMATS)[number];

const CONTENT_TYPES: Record<Exclude<Format, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson',
  arrow: 'application/vnd.apache.arrow.stream',
};

export const AsOfField = Type.String({
  maxLength: 64,
  description:
    'Read every dataset as it was at this point: a snapshot id (that dataset at that snapshot, the others as of its time) ' +
    'or an ISO 8601 timestamp (UTC when no zone is given). Rows erased by compaction are gone from every snapshot.',
});

const SqlBody = Type.Object(
  {
    sql: Type.String({ minLength: 1, maxLength: 1_000_000 }),
    params: Type.Optional(
      Type.Array(Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]), {
        maxItems: 1000,
      }),
    ),
    format: Type.Optional(Type.Union(FORMATS.map((f) => Type.Literal(f)))),
    as_of: Type.Optional(AsOfField),
  },
  { additionalProperties: false },
);

const JsonResult = Type.Object({
  columns: Type.Array(Type.Object({ name: Type.String(), type: Type.String() })),
  rows: Type.Array(Type.Array(Type.Unknown())),
  row_count: Type.Integer(),
  truncated: Type.Boolean(),
  latency_ms: Type.Number(),
});

export async function queryRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{ Body: { sql: string; params?: unknown[]; format?: Format; as_of?: string } }>(
    '/query/sql',
    {
      schema: {
        tags: ['query'],
        summary: 'Run SQL over the datasets and views you may read',
        description:
          'format=json (default) returns up to the inline row limit with `truncated`; csv, ndjson and arrow ' +
          '(Arrow IPC stream) stream the whole result. 64-bit integers and decimals are strings in JSON.',
        body: SqlBody,
        response: responses({ 200: JsonResult }, 400, 403, 404, 408, 503),
      },
    },
    async (request, reply) => {
      const { sql, params = [], format = 'json' } = request.body;
      const asOf = request.body.as_of === undefined ? undefined : parseAsOf(request.body.as_of);
      const query = { sql, params, ...(asOf && { asOf }) };
      if (format !== 'json') {
        const chunks = await services.query.stream(request.ctx, query, format);
        return reply
          .header('content-type', CONTENT_TYPES[format])
          .send(Readable.from(chunks, { objectMode: false }));
      }
      const result = await services.query.sql(request.ctx, query);
      return {
        columns: result.columns,
        rows: result.rows,
        row_count: result.rowCount,
        truncated: result.truncated,
        latency_ms: Math.round(result.latencyMs * 100) / 100,
      };
    },
  );

  app.get<{ Querystring: { limit: number; principal?: string } }>(
    '/query/log',
    {
      schema: {
        tags: ['query'],
        summary: 'Recent queries: principal, datasets, rows, latency, status (admins)',
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
          principal: Type.Optional(Type.String()),
        }),
        response: responses(
          {
            200: Type.Object({
              queries: Type.Array(
                Type.Object({
                  id: Type.String(),
                  ts: Timestamp,
                  principal: Type.String(),
                  source: Type.String(),
                  sql: Type.String(),
                  datasets: Type.Array(Type.String()),
                  row_count: Type.Union([Type.Integer(), Type.Null()]),
                  latency_ms: Type.Number(),
                  status: Type.String(),
                  error_code: Type.Union([Type.String(), Type.Null()]),
                  columns: Type.Array(Type.String()),
                  decision: Type.String(),
                }),
              ),
            }),
          },
          403,
        ),
      },
    },
    async (request) => ({
      queries: (
        await services.queryLog.recent(request.ctx, request.query.limit, request.query.principal)
      ).map((q) => ({
        id: q.id,
        ts: q.ts,
        principal: q.principalId,
        source: q.source,
        sql: q.sql,
        datasets: [...q.datasets],
        row_count: q.rowCount,
        latency_ms: q.latencyMs,
        status: q.status,
        error_code: q.errorCode,
        columns: [...q.columns],
        decision: q.decision,
      })),
    }),
  );
}

const Columns = Type.Array(Type.Object({ name: Type.String(), type: Type.String() }));

/** Paged results: run once, fetch any page later (bounded store, expiring ids). */
export async function pagingRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{ Body: { sql: string; params?: unknown[]; page_size: number; as_of?: string } }>(
    '/query/paged',
    {
      schema: {
        tags: ['query'],
        summary: 'Run SQL once and keep the result for paging',
        body: Type.Object(
          {
            sql: Type.String({ minLength: 1, maxLength: 1_000_000 }),
            params: Type.Optional(
              Type.Array(Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
            ),
            page_size: Type.Integer({ minimum: 1, maximum: 100_000, default: 100 }),
            as_of: Type.Optional(AsOfField),
          },
          { additionalProperties: false },
        ),
        response: responses(
          {
            200: Type.Object({
              query_id: Type.String(),
              total_rows: Type.Integer(),
              pages: Type.Integer(),
              page_size: Type.Integer(),
              columns: Columns,
            }),
          },
          400,
          403,
          408,
          413,
          503,
        ),
      },
    },
    async (request) => {
      const { sql, params = [], page_size } = request.body;
      const asOf = request.body.as_of === undefined ? undefined : parseAsOf(request.body.as_of);
      const paged = await services.query.paged(
        request.ctx,
        { sql, params, ...(asOf && { asOf }) },
        page_size,
      );
      return {
        query_id: paged.queryId,
        total_rows: paged.totalRows,
        pages: paged.pages,
        page_size: paged.pageSize,
        columns: paged.columns,
      };
    },
  );

  app.get<{ Params: { id: string; n: number }; Querystring: { size: number } }>(
    '/query/page/:id/:n',
    {
      schema: {
        tags: ['query'],
        summary: 'One page (1-based) of a paged result; expired or unknown ids are 404',
        params: Type.Object({ id: Type.String(), n: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object({
          size: Type.Integer({ minimum: 1, maximum: 100_000, default: 100 }),
        }),
        response: responses(
          {
            200: Type.Object({
              query_id: Type.String(),
              page: Type.Integer(),
              page_size: Type.Integer(),
              pages: Type.Integer(),
              total_rows: Type.Integer(),
              columns: Columns,
              rows: Type.Array(Type.Array(Type.Unknown())),
            }),
          },
          400,
          404,
        ),
      },
    },
    async (request) => {
      const page = services.query.page(
        request.ctx,
        request.params.id,
        request.params.n,
        request.query.size,
      );
      return {
        query_id: page.queryId,
        page: page.page,
        page_size: page.pageSize,
        pages: page.pages,
        total_rows: page.totalRows,
        columns: page.columns,
        rows: page.rows,
      };
    },
  );
}

const PinSchema = Type.Object({
  dataset: Type.String(),
  snapshot_id: Type.String(),
  rows: Type.Integer(),
  bytes: Type.Integer(),
  pinned_at: Timestamp,
});

/** The hot-dataset cache: pinned datasets are served from memory, always at their latest snapshot. */
export async function cacheRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{ Body: { dataset: string } }>(
    '/query/cache/pin',
    {
      schema: {
        tags: ['query'],
        summary: 'Pin a dataset in memory (within the byte budget; least recently used evicted)',
        body: Type.Object({ dataset: Type.String() }, { additionalProperties: false }),
        response: responses({ 200: PinSchema }, 403, 404, 409, 413),
      },
    },
    async (request) => {
      const pin = await services.pins.pin(request.ctx, request.body.dataset);
      return {
        dataset: pin.dataset,
        snapshot_id: pin.snapshotId,
        rows: pin.rows,
        bytes: pin.bytes,
        pinned_at: pin.pinnedAt,
      };
    },
  );

  app.post<{ Body: { dataset?: string } | undefined }>(
    '/query/cache/evict',
    {
      schema: {
        tags: ['query'],
        summary: 'Evict one pinned dataset, or all when no dataset is given',
        body: Type.Optional(
          Type.Object({ dataset: Type.Optional(Type.String()) }, { additionalProperties: false }),
        ),
        response: responses({ 200: Type.Object({ evicted: Type.Array(Type.String()) }) }, 403, 404),
      },
    },
    async (request) => ({ evicted: await services.pins.evict(request.ctx, request.body?.dataset) }),
  );

  app.get(
    '/query/cache/stats',
    {
      schema: {
        tags: ['query'],
        summary: 'Pinned datasets, their memory, and the budget',
        response: responses({
          200: Type.Object({
            budget_bytes: Type.Integer(),
            used_bytes: Type.Integer(),
            pins: Type.Array(PinSchema),
          }),
        }),
      },
    },
    async () => {
      const stats = services.pins.stats();
      return {
        budget_bytes: stats.budgetBytes,
        used_bytes: stats.usedBytes,
        pins: stats.pins.map((p) => ({
          dataset: p.dataset,
          snapshot_id: p.snapshotId,
          rows: p.rows,
          bytes: p.bytes,
          pinned_at: p.pinnedAt,
        })),
      };
    },
  );
}

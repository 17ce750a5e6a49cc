import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AiView, RedactionKind } from '../../catalog/index.js';
import type { Services } from '../../services.js';
import { Timestamp, responses } from '../schemas.js';

const RedactionSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('null'), Type.Literal('hash'), Type.Literal('mask')]),
    keep_prefix: Type.Integer({ minimum: 0, maximum: 64, default: 0 }),
    keep_suffix: Type.Integer({ minimum: 0, maximum: 64, default: 0 }),
  },
  { additionalProperties: false },
);
const ViewBody = Type.Object(
  {
    name: Type.String(),
    dataset: Type.String(),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    columns: Type.Array(Type.String(), { minItems: 1, maxItems: 1000 }),
    row_filter: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 10_000 }), Type.Null()]),
    ),
    redactions: Type.Optional(Type.Record(Type.String(), RedactionSchema)),
  },
  { additionalProperties: false },
);
const ViewSchema = Type.Object({
  name: Type.String(),
  dataset: Type.String(),
  description: Type.String(),
  columns: Type.Array(Type.String()),
  row_filter: Type.Union([Type.String(), Type.Null()]),
  redactions: Type.Record(Type.String(), RedactionSchema),
  created_at: Timestamp,
  created_by: Type.String(),
});

type RedactionBody = { kind: RedactionKind; keep_prefix: number; keep_suffix: number };
type ViewBodyType = {
  name: string;
  dataset: string;
  description?: string;
  columns: string[];
  row_filter?: string | null;
  redactions?: Record<string, RedactionBody>;
};

function viewJson(view: AiView) {
  return {
    name: view.name,
    dataset: view.dataset,
    description: view.description,
    columns: [...view.columns],
    row_filter: view.rowFilter,
    redactions: Object.fromEntries(
      Object.entries(view.redactions).map(([c, r]) => [
        c,
        { kind: r.kind, keep_prefix: r.keepPrefix, keep_suffix: r.keepSuffix },
      ]),
    ),
    created_at: view.createdAt,
    created_by: view.createdBy,
  };
}

/** AI-safe views: named projections with a column whitelist, row filter and redactions. */
export async function viewsRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const tags = ['catalog'];
  app.post<{ Body: ViewBodyType }>(
    '/catalog/views',
    {
      schema: {
        tags,
        summary: 'Create an AI-safe view (needs admin on the base dataset)',
        body: ViewBody,
        response: responses({ 201: ViewSchema }, 400, 403, 404, 409),
      },
    },
    async (request, reply) => {
      const b = request.body;
      const view = await services.views.create(request.ctx, {
        name: b.name,
        dataset: b.dataset,
        description: b.description ?? '',
        columns: b.columns,
        rowFilter: b.row_filter ?? null,
        redactions: Object.fromEntries(
          Object.entries(b.redactions ?? {}).map(([c, r]) => [
            c,
            { kind: r.kind, keepPrefix: r.keep_prefix, keepSuffix: r.keep_suffix },
          ]),
        ),
      });
      return reply.status(201).send(viewJson(view));
    },
  );
  app.get(
    '/catalog/views',
    {
      schema: {
        tags,
        summary: 'The views you may read',
        response: responses({ 200: Type.Object({ views: Type.Array(ViewSchema) }) }),
      },
    },
    async (request) => ({
      views: (await services.views.list(request.ctx)).map(viewJson),
    }),
  );
  app.get<{ Params: { name: string } }>(
    '/catalog/views/:name',
    {
      schema: {
        tags,
        summary: 'One view',
        params: Type.Object({ name: Type.String() }),
        response: responses({ 200: ViewSchema }, 404),
      },
    },
    async (request) => viewJson(await services.views.get(request.ctx, request.params.name)),
  );
  app.delete<{ Params: { name: string } }>(
    '/catalog/views/:name',
    {
      schema: {
        tags,
        summary: 'Delete a view',
        params: Type.Object({ name: Type.String() }),
        response: responses({ 204: Type.Null() }, 403, 404),
      },
    },
    async (request, reply) => {
      await services.views.delete(request.ctx, request.params.name);
      return reply.status(204).send();
    },
  );
}

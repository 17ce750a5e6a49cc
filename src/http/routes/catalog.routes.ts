import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { MetadataPatch } from '../../catalog/index.js';
import type { Services } from '../../services.js';
import { Timestamp, responses } from '../schemas.js';
import { DatasetSchema, datasetJson } from './catalog.schemas.js';

const NameParams = Type.Object({ name: Type.String() });

const PatchBody = Type.Object(
  {
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    owner: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    sensitivity: Type.Optional(Type.String()),
    tags: Type.Optional(Type.Array(Type.String(), { maxItems: 100 })),
    row_key_column: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    subject_key_column: Type.Optional(
      Type.Union([Type.String(), Type.Null()], {
        description:
          'The column naming the person each row is about: reads are audited per subject, erasure removes them',
      }),
    ),
    expected_update_interval: Type.Optional(
      Type.Union([Type.String(), Type.Null()], {
        description: 'e.g. 1d, 12h; null removes the contract',
      }),
    ),
    columns: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String(),
            is_pii: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
            pii_category: Type.Optional(Type.Union([Type.String(), Type.Null()])),
            sensitivity: Type.Optional(Type.Union([Type.String(), Type.Null()])),
            description: Type.Optional(Type.Union([Type.String(), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        { maxItems: 1000 },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
type PatchBodyType = {
  description?: string;
  owner?: string | null;
  sensitivity?: string;
  tags?: string[];
  row_key_column?: string | null;
  subject_key_column?: string | null;
  expected_update_interval?: string | null;
  columns?: {
    name: string;
    is_pii?: boolean | null;
    pii_category?: string | null;
    sensitivity?: string | null;
    description?: string | null;
  }[];
};

const SnapshotSchema = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  operation: Type.String(),
  row_count: Type.Integer(),
  size_bytes: Type.Integer(),
  created_at: Timestamp,
  created_by: Type.String(),
  expired_at: Type.Union([Timestamp, Type.Null()], {
    description: 'Set when garbage collection expired it (no longer readable with as_of)',
  }),
});

export async function catalogRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get(
    '/catalog/datasets',
    {
      schema: {
        tags: ['catalog'],
        summary: 'List datasets with their manifests',
        response: responses({ 200: Type.Object({ datasets: Type.Array(DatasetSchema) }) }),
      },
    },
    async (request) => ({ datasets: (await services.catalog.list(request.ctx)).map(datasetJson) }),
  );

  app.get<{ Params: { name: string } }>(
    '/catalog/datasets/:name',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One dataset manifest: schema with PII flags, lineage, freshness, snapshot',
        params: NameParams,
        response: responses({ 200: DatasetSchema }, 404),
      },
    },
    async (request) => datasetJson(await services.catalog.get(request.ctx, request.params.name)),
  );

  app.patch<{ Params: { name: string }; Body: PatchBodyType }>(
    '/catalog/datasets/:name/metadata',
    {
      schema: {
        tags: ['catalog'],
        summary:
          'Edit metadata (journaled with old and new values); column overrides survive re-ingest',
        params: NameParams,
        body: PatchBody,
        response: responses({ 200: DatasetSchema }, 400, 403, 404),
      },
    },
    async (request) => {
      const body = request.body;
      const patch: MetadataPatch = {
        ...(body.description !== undefined && { description: body.description }),
        ...(body.owner !== undefined && { owner: body.owner }),
        ...(body.sensitivity !== undefined && { sensitivity: body.sensitivity }),
        ...(body.tags !== undefined && { tags: body.tags }),
        ...(body.row_key_column !== undefined && { rowKeyColumn: body.row_key_column }),
        ...(body.subject_key_column !== undefined && {
          subjectKeyColumn: body.subject_key_column,
        }),
        ...(body.expected_update_interval !== undefined && {
          expectedUpdateInterval: body.expected_update_interval,
        }),
        ...(body.columns !== undefined && {
          columns: body.columns.map((c) => ({
            name: c.name,
            ...(c.is_pii !== undefined && { isPii: c.is_pii }),
            ...(c.pii_category !== undefined && { piiCategory: c.pii_category }),
            ...(c.sensitivity !== undefined && { sensitivity: c.sensitivity }),
            ...(c.description !== undefined && { description: c.description }),
          })),
        }),
      };
      return datasetJson(
        await services.catalog.patchMetadata(request.ctx, request.params.name, patch),
      );
    },
  );

  app.get<{ Params: { name: string } }>(
    '/catalog/datasets/:name/snapshots',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Snapshots of a dataset, newest first',
        params: NameParams,
        response: responses({ 200: Type.Object({ snapshots: Type.Array(SnapshotSchema) }) }, 404),
      },
    },
    async (request) => ({
      snapshots: (await services.catalog.snapshots(request.ctx, request.params.name)).map((s) => ({
        id: s.id,
        seq: s.seq,
        operation: s.operation,
        row_count: s.rowCount,
        size_bytes: s.sizeBytes,
        created_at: s.createdAt,
        created_by: s.createdBy,
        expired_at: s.expiredAt,
      })),
    }),
  );

  app.post(
    '/catalog/resync-missing',
    {
      schema: {
        tags: ['catalog'],
        summary:
          'Flag datasets whose files disappeared (they are then refused, not served silently)',
        response: responses(
          {
            200: Type.Object({
              checked: Type.Integer(),
              missing: Type.Array(
                Type.Object({ dataset: Type.String(), files: Type.Array(Type.String()) }),
              ),
              restored: Type.Array(Type.String()),
            }),
          },
          403,
        ),
      },
    },
    async (request) => services.catalog.resyncMissing(request.ctx),
  );

  app.post<{ Body: { datasets?: string[] } | undefined }>(
    '/catalog/resync-metadata',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Re-run column detection (PII) on existing datasets, keeping overrides',
        body: Type.Optional(
          Type.Object(
            { datasets: Type.Optional(Type.Array(Type.String())) },
            { additionalProperties: false },
          ),
        ),
        response: responses({ 200: Type.Object({ updated: Type.Array(Type.String()) }) }, 403, 404),
      },
    },
    async (request) => services.catalog.resyncMetadata(request.ctx, request.body?.datasets),
  );
}

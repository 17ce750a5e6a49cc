import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/index.js';
import { MAX_LIST_PAGE, type Bucket } from '../../storage/index.js';
import type { Services } from '../../services.js';
import { Timestamp, responses } from '../schemas.js';

const BucketSchema = Type.Object({
  name: Type.String(),
  backend: Type.String(),
  protected: Type.Boolean(),
  created_at: Timestamp,
  created_by: Type.String(),
});
const BucketParams = Type.Object({ bucket: Type.String() });
const ObjectParams = Type.Object({ bucket: Type.String(), '*': Type.String() });
const ObjectInfoSchema = Type.Object({
  key: Type.String(),
  size: Type.Integer(),
  modified_at: Timestamp,
});

export async function storageRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get(
    '/storage/buckets',
    {
      schema: {
        tags: ['storage'],
        summary: 'List buckets',
        response: responses({ 200: Type.Object({ buckets: Type.Array(BucketSchema) }) }),
      },
    },
    async (request) => ({ buckets: (await services.buckets.list(request.ctx)).map(bucketJson) }),
  );

  app.post<{ Body: { name: string } }>(
    '/storage/buckets',
    {
      schema: {
        tags: ['storage'],
        summary: 'Create a bucket',
        body: Type.Object({ name: Type.String() }, { additionalProperties: false }),
        response: responses({ 201: BucketSchema }, 400, 403, 409),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(bucketJson(await services.buckets.create(request.ctx, request.body.name))),
  );

  app.delete<{ Params: { name: string } }>(
    '/storage/buckets/:name',
    {
      schema: {
        tags: ['storage'],
        summary: 'Delete an empty bucket (primary and rescue cannot be deleted)',
        params: Type.Object({ name: Type.String() }),
        response: responses({ 204: Type.Null() }, 403, 404, 409),
      },
    },
    async (request, reply) => {
      await services.buckets.delete(request.ctx, request.params.name);
      return reply.status(204).send();
    },
  );

  app.get<{
    Params: { bucket: string };
    Querystring: { prefix: string; limit: number; after?: string };
  }>(
    '/storage/buckets/:bucket/objects',
    {
      schema: {
        tags: ['storage'],
        summary: 'List objects by prefix',
        params: BucketParams,
        querystring: Type.Object({
          prefix: Type.String({ default: '' }),
          limit: Type.Integer({ minimum: 1, maximum: MAX_LIST_PAGE, default: MAX_LIST_PAGE }),
          after: Type.Optional(
            Type.String({ description: 'List keys after this one (from next_after)' }),
          ),
        }),
        response: responses(
          {
            200: Type.Object({
              objects: Type.Array(ObjectInfoSchema),
              next_after: Type.Union([Type.String(), Type.Null()]),
            }),
          },
          400,
          403,
          404,
        ),
      },
    },
    async (request) => {
      const { prefix, limit, after } = request.query;
      const page = await services.objects.list(
        request.ctx,
        request.params.bucket,
        prefix,
        limit,
        after,
      );
      return {
        objects: page.objects.map((o) => ({
          key: o.key,
          size: o.size,
          modified_at: o.modifiedAt.toISOString(),
        })),
        next_after: page.nextAfter,
      };
    },
  );

  app.get<{ Params: { bucket: string; '*': string } }>(
    '/storage/buckets/:bucket/objects/*',
    {
      schema: {
        tags: ['storage'],
        summary: 'Read an object',
        params: ObjectParams,
        response: responses({ 200: Type.Any({ description: 'The object bytes' }) }, 400, 403, 404),
      },
    },
    async (request, reply) => {
      const { info, stream } = await services.objects.open(
        request.ctx,
        request.params.bucket,
        request.params['*'],
      );
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-length', String(info.size))
        .header('last-modified', info.modifiedAt.toUTCString())
        .send(stream);
    },
  );

  app.delete<{ Params: { bucket: string; '*': string } }>(
    '/storage/buckets/:bucket/objects/*',
    {
      schema: {
        tags: ['storage'],
        summary: 'Delete an object',
        params: ObjectParams,
        response: responses({ 204: Type.Null() }, 400, 403, 404),
      },
    },
    async (request, reply) => {
      await services.objects.delete(request.ctx, request.params.bucket, request.params['*']);
      return reply.status(204).send();
    },
  );

  await app.register(async (raw) => objectUploadRoute(raw, services));
}

/** PUT takes the body as a raw stream of any content type, never buffered whole. */
async function objectUploadRoute(app: FastifyInstance, services: Services): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  app.put<{ Params: { bucket: string; '*': string }; Body: Readable }>(
    '/storage/buckets/:bucket/objects/*',
    {
      schema: {
        tags: ['storage'],
        summary: 'Write an object atomically (body = the bytes)',
        params: ObjectParams,
        response: responses(
          {
            200: Type.Object({
              key: Type.String(),
              size: Type.Integer(),
              sha256: Type.String(),
              modified_at: Timestamp,
            }),
          },
          400,
          403,
          404,
          413,
        ),
      },
    },
    async (request) => {
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > services.objects.maxBytes) {
        throw new AppError(
          'payload_too_large',
          `object exceeds the limit of ${services.objects.maxBytes} bytes`,
        );
      }
      const info = await services.objects.put(
        request.ctx,
        request.params.bucket,
        request.params['*'],
        request.body ?? Readable.from([]),
      );
      return {
        key: info.key,
        size: info.size,
        sha256: info.sha256,
        modified_at: info.modifiedAt.toISOString(),
      };
    },
  );
}

function bucketJson(bucket: Bucket) {
  return {
    name: bucket.name,
    backend: bucket.backend,
    protected: bucket.protected,
    created_at: bucket.createdAt,
    created_by: bucket.createdBy,
  };
}

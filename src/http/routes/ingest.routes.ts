import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/index.js';
import { csvOptionsFromQuery } from '../../ingest/formats/index.js';
import { parseMode, type IngestOutcome, type IngestRequest } from '../../ingest/index.js';
import type { Services } from '../../services.js';
import { datasetJson, DatasetSchema } from './catalog.schemas.js';
import { responses } from '../schemas.js';

const IngestModeSchema = Type.Union(
  [Type.Literal('create'), Type.Literal('append'), Type.Literal('replace'), Type.Literal('upsert')],
  {
    description:
      'upsert: rows replace the rows with the same row key (latest wins) or are added; whole rows only',
  },
);

export const FileQuery = Type.Object({
  dataset: Type.String({ description: 'Target dataset (lowercase SQL identifier)' }),
  mode: Type.Optional(IngestModeSchema),
  format: Type.Optional(
    Type.String({
      description: 'csv, tsv, json, ndjson, parquet (else from content type, name, content)',
    }),
  ),
  key: Type.Optional(Type.String({ description: 'Row key column, declared on create or replace' })),
  bucket: Type.Optional(Type.String()),
  filename: Type.Optional(
    Type.String({ description: 'Name of the uploaded file, for format detection and lineage' }),
  ),
  description: Type.Optional(Type.String()),
  async: Type.Optional(
    Type.Boolean({ description: 'Run as a background job (202); default: by size' }),
  ),
  delimiter: Type.Optional(Type.String()),
  quote: Type.Optional(Type.String()),
  escape: Type.Optional(Type.String()),
  header: Type.Optional(Type.String({ description: 'true, false or auto' })),
  encoding: Type.Optional(Type.String()),
});
type FileQueryType = {
  dataset: string;
  mode?: string;
  format?: string;
  key?: string;
  bucket?: string;
  filename?: string;
  description?: string;
  async?: boolean;
  delimiter?: string;
  quote?: string;
  escape?: string;
  header?: string;
  encoding?: string;
};

const IngestAccepted = Type.Object({ job_id: Type.String(), status_url: Type.String() });
const IngestCreated = Type.Object({
  job_id: Type.String(),
  snapshot_id: Type.String(),
  rows_written: Type.Integer(),
  rows_received: Type.Optional(Type.Integer({ description: 'mode=upsert: rows in the file' })),
  rows_inserted: Type.Optional(Type.Integer({ description: 'mode=upsert: keys added' })),
  rows_updated: Type.Optional(Type.Integer({ description: 'mode=upsert: keys replaced' })),
  dataset: DatasetSchema,
});

/** Uploads take the body as a raw stream (or a multipart file part), never buffered whole. */
export async function ingestRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  await app.register(multipart, { limits: { fileSize: services.limits.maxUploadBytes, files: 1 } });

  app.post<{ Querystring: FileQueryType }>(
    '/ingest/file',
    {
      schema: {
        tags: ['ingest'],
        summary: 'Ingest an uploaded file (CSV, TSV, JSON, NDJSON, Parquet) into a dataset',
        description:
          'The body is the file itself (any content type) or a multipart/form-data upload with one file part. ' +
          'Small files are ingested before the response (201); large ones, or async=true, run as a job (202).',
        querystring: FileQuery,
        response: responses(
          { 201: IngestCreated, 202: IngestAccepted },
          400,
          403,
          404,
          409,
          413,
          415,
        ),
      },
    },
    async (request, reply) => {
      const query = request.query;
      const ingestRequest: IngestRequest = {
        dataset: query.dataset,
        mode: parseMode(query.mode),
        sourceSystem: 'upload',
        csv: csvOptionsFromQuery(csvQuery(query)),
        ...(query.format !== undefined && { format: query.format }),
        ...(query.key !== undefined && { rowKey: query.key }),
        ...(query.bucket !== undefined && { bucket: query.bucket }),
        ...(request.headers['x-lakehouse-bucket'] !== undefined && {
          bucket: String(request.headers['x-lakehouse-bucket']),
        }),
        ...(query.description !== undefined && { description: query.description }),
        ...(query.async !== undefined && { async: query.async }),
      };
      await services.ingest.precheck(request.ctx, ingestRequest); // refuse before reading the body
      const body = await uploadBody(request, query.filename);
      const upload = await services.ingest.stage(body.stream, body.name);
      const outcome = await services.ingest.ingestStaged(request.ctx, upload, {
        ...ingestRequest,
        ...(body.contentType !== undefined && { contentType: body.contentType }),
      });
      return sendOutcome(reply, outcome);
    },
  );

  app.post<{ Params: { name: string }; Querystring: Omit<FileQueryType, 'dataset'> }>(
    '/catalog/datasets/:name/schema-diff',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Preview what appending this file would do to the schema (nothing is written)',
        params: Type.Object({ name: Type.String() }),
        querystring: Type.Omit(FileQuery, ['dataset']),
        response: responses(
          { 200: Type.Unknown({ description: 'compatible, changes, result_schema, rules' }) },
          400,
          404,
          413,
          415,
        ),
      },
    },
    async (request) => {
      const body = await uploadBody(request, request.query.filename);
      const upload = await services.ingest.stage(body.stream, body.name);
      try {
        const diff = await services.ingest.schemaDiff(request.ctx, request.params.name, upload, {
          csv: csvOptionsFromQuery(csvQuery(request.query)),
          ...(request.query.format !== undefined && { format: request.query.format }),
          ...(body.contentType !== undefined && { contentType: body.contentType }),
        });
        return {
          compatible: diff.compatible,
          changes: diff.changes,
          result_schema: diff.resultSchema,
          rules: diff.rules,
        };
      } finally {
        await upload.remove();
      }
    },
  );
}

function csvQuery(query: Omit<FileQueryType, 'dataset'>): Record<string, string | undefined> {
  const { delimiter, quote, escape, header, encoding } = query;
  return { delimiter, quote, escape, header, encoding };
}

/** 201 with the dataset when the ingest finished in the request, else 202 with the job. */
function sendOutcome(reply: FastifyReply, outcome: IngestOutcome) {
  if (!outcome.result)
    return reply.status(202).send({ job_id: outcome.jobId, status_url: `/jobs/${outcome.jobId}` });
  return reply.status(201).send({
    job_id: outcome.jobId,
    snapshot_id: outcome.result.snapshotId,
    rows_written: outcome.result.rowsWritten,
    ...(outcome.result.upsert && {
      rows_received: outcome.result.upsert.received,
      rows_inserted: outcome.result.upsert.inserted,
      rows_updated: outcome.result.upsert.updated,
    }),
    dataset: datasetJson(outcome.result.dataset),
  });
}

interface UploadBody {
  readonly stream: Readable;
  readonly name: string;
  readonly contentType: string | undefined;
}

async function uploadBody(
  request: FastifyRequest,
  filename: string | undefined,
): Promise<UploadBody> {
  const contentType = request.headers['content-type'];
  if (contentType?.toLowerCase().startsWith('multipart/form-data')) {
    const part = await request.file();
    if (!part) throw new AppError('bad_request', 'the multipart upload has no file part');
    return {
      stream: part.file,
      name: filename ?? part.filename ?? 'upload',
      contentType: part.mimetype,
    };
  }
  const body = request.body as Readable | undefined;
  return { stream: body ?? Readable.from([]), name: filename ?? 'upload', contentType };
}

const PathBody = Type.Object(
  {
    path: Type.String({
      description: 'File path inside the server inbox folder (relative to it, or absolute)',
    }),
    dataset: Type.String(),
    mode: Type.Optional(IngestModeSchema),
    format: Type.Optional(Type.String()),
    key: Type.Optional(Type.String()),
    bucket: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    async: Type.Optional(Type.Boolean()),
    delimiter: Type.Optional(Type.String()),
    quote: Type.Optional(Type.String()),
    escape: Type.Optional(Type.String()),
    header: Type.Optional(Type.String()),
    encoding: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** Ingest from a file already on the server, confined to the inbox folder. */
export async function ingestPathRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{ Body: FileQueryType & { path: string } }>(
    '/ingest/path',
    {
      schema: {
        tags: ['ingest'],
        summary: 'Ingest a file from the server inbox folder (paths outside it are refused)',
        body: PathBody,
        response: responses({ 201: IngestCreated, 202: IngestAccepted }, 400, 403, 404, 409, 415),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const outcome = await services.ingest.ingestPath(request.ctx, body.path, {
        dataset: body.dataset,
        mode: parseMode(body.mode),
        sourceSystem: 'server_path',
        csv: csvOptionsFromQuery(csvQuery(body)),
        ...(body.format !== undefined && { format: body.format }),
        ...(body.key !== undefined && { rowKey: body.key }),
        ...(body.bucket !== undefined && { bucket: body.bucket }),
        ...(body.description !== undefined && { description: body.description }),
        ...(body.async !== undefined && { async: body.async }),
      });
      return sendOutcome(reply, outcome);
    },
  );
}

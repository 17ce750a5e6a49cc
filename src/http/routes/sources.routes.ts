import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  createSourceConfig,
  type PublicSourceConfig,
  type SourceCatalog,
  type SourceConfig,
  type SourceInput,
} from '../../connectors/index.js';
import { ValidationError } from '../../core/index.js';
import type { ImportJob, ImportRequest, SavedSource } from '../../sources/index.js';
import type { Services } from '../../services.js';
import { responses } from '../schemas.js';

const Tls = Type.Object(
  {
    mode: Type.Optional(
      Type.String({
        description:
          'disable, require, verify-ca or verify-full (default require; disable on loopback)',
      }),
    ),
    ca: Type.Optional(
      Type.Union([Type.String(), Type.Null()], { description: 'PEM of the CAs to trust' }),
    ),
  },
  { additionalProperties: false },
);

/** A source as a DSN (password inside or beside it) or as fields. */
const SourceFields = {
  dsn: Type.Optional(
    Type.String({ description: 'postgres://…, postgresql://…, mysql://… or mariadb://…' }),
  ),
  system: Type.Optional(Type.String({ description: 'postgres or mysql (with fields)' })),
  host: Type.Optional(Type.String()),
  port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
  user: Type.Optional(Type.String()),
  password: Type.Optional(Type.String({ description: 'Write-only: never returned or logged' })),
  database: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  tls: Type.Optional(Tls),
  connect_timeout_ms: Type.Optional(Type.Integer({ minimum: 100, maximum: 300_000 })),
};
type SourceBody = {
  dsn?: string;
  system?: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string | null;
  tls?: { mode?: string; ca?: string | null };
  connect_timeout_ms?: number;
};

const ImportFields = {
  tables: Type.Optional(
    Type.Array(
      Type.Object(
        { schema: Type.String(), table: Type.String(), dataset: Type.Optional(Type.String()) },
        { additionalProperties: false },
      ),
      { maxItems: 1000 },
    ),
  ),
  schema: Type.Optional(Type.String({ description: 'Import every table of this schema' })),
  dataset_prefix: Type.Optional(Type.String()),
  watermark_column: Type.Optional(
    Type.String({
      description: 'Incremental: only rows past the stored watermark, upserted by key_column',
    }),
  ),
  key_column: Type.Optional(Type.String()),
  wait: Type.Optional(
    Type.Boolean({ description: 'Wait for the imports (201) instead of 202 with jobs' }),
  ),
};
type ImportBody = {
  tables?: { schema: string; table: string; dataset?: string }[];
  schema?: string;
  dataset_prefix?: string;
  watermark_column?: string;
  key_column?: string;
  wait?: boolean;
};

const Catalog = Type.Unknown({
  description:
    'system, schemas: [{name, tables: [{name, kind, estimated_rows, columns: [{name, source_type, nullable, type}]}]}]',
});
const Jobs = Type.Object({ jobs: Type.Array(Type.Unknown()) });

function sourceInput(body: SourceBody): SourceInput {
  const common = {
    ...(body.password !== undefined && { password: body.password }),
    ...(body.tls !== undefined && { tls: body.tls }),
    ...(body.connect_timeout_ms !== undefined && { connectTimeoutMs: body.connect_timeout_ms }),
  };
  if (body.dsn !== undefined) return { dsn: body.dsn, ...common };
  return {
    system: body.system ?? '',
    host: body.host ?? '',
    user: body.user ?? '',
    ...(body.port !== undefined && { port: body.port }),
    ...(body.database !== undefined && { database: body.database }),
    ...common,
  };
}

/** A source given inline to /ingest/<system>/…: it must be of that system. */
function inlineConfig(body: SourceBody, system: 'postgres' | 'mysql'): SourceConfig {
  const config = createSourceConfig(sourceInput({ system, ...body }));
  if (config.system !== system)
    throw new ValidationError(`this route imports from ${system}; the DSN names ${config.system}`);
  return config;
}

function importRequest(body: ImportBody): ImportRequest {
  return {
    ...(body.tables !== undefined && { tables: body.tables }),
    ...(body.schema !== undefined && { schema: body.schema }),
    ...(body.dataset_prefix !== undefined && { datasetPrefix: body.dataset_prefix }),
    ...(body.watermark_column !== undefined && { watermarkColumn: body.watermark_column }),
    ...(body.key_column !== undefined && { keyColumn: body.key_column }),
    ...(body.wait !== undefined && { wait: body.wait }),
  };
}

function publicJson(c: PublicSourceConfig) {
  return {
    system: c.system,
    host: c.host,
    port: c.port,
    user: c.user,
    database: c.database,
    tls: { mode: c.tls.mode, custom_ca: c.tls.customCa },
    connect_timeout_ms: c.connectTimeoutMs,
    has_password: c.hasPassword,
    dsn: c.dsn,
  };
}

function savedJson(s: SavedSource) {
  return {
    id: s.id,
    name: s.name,
    ...publicJson(s.config),
    created_at: s.createdAt,
    created_by: s.createdBy,
  };
}

function catalogJson(c: SourceCatalog) {
  return {
    system: c.system,
    schemas: c.schemas.map((s) => ({
      name: s.name,
      tables: s.tables.map((t) => ({
        name: t.name,
        kind: t.kind,
        estimated_rows: t.estimatedRows,
        columns: t.columns.map((col) => ({
          name: col.name,
          source_type: col.sourceType,
          nullable: col.nullable,
          type: col.duckdbType,
        })),
      })),
    })),
  };
}

function sendJobs(reply: FastifyReply, jobs: ImportJob[], waited: boolean | undefined) {
  return reply.status(waited ? 201 : 202).send({
    jobs: jobs.map((j) => ({
      job_id: j.jobId,
      status_url: `/jobs/${j.jobId}`,
      dataset: j.dataset,
      table: `${j.schema}.${j.table}`,
      ...(j.result && {
        mode: j.result.mode,
        rows: j.result.rows,
        snapshot_id: j.result.snapshotId,
        watermark: j.result.watermark,
      }),
    })),
  });
}

/** Database sources: saved connections, discovery, imports (admins and engineers). */
export async function sourcesRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{ Body: SourceBody & { name: string; verify?: boolean } }>(
    '/sources',
    {
      schema: {
        tags: ['sources'],
        summary: 'Save a database source (the password is sealed at rest and never returned)',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            verify: Type.Optional(
              Type.Boolean({ description: 'Connect before saving (default true)' }),
            ),
            ...SourceFields,
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Unknown() }, 400, 403, 404, 409, 502),
      },
    },
    async (request, reply) => {
      const { name, verify, ...body } = request.body;
      const saved = await services.sources.create(request.ctx, {
        name,
        source: sourceInput(body),
        ...(verify !== undefined && { verify }),
      });
      return reply.status(201).send(savedJson(saved));
    },
  );

  app.get(
    '/sources',
    {
      schema: {
        tags: ['sources'],
        summary: 'Saved sources (no passwords)',
        response: responses({ 200: Type.Object({ sources: Type.Array(Type.Unknown()) }) }, 403),
      },
    },
    async (request) => ({ sources: (await services.sources.list(request.ctx)).map(savedJson) }),
  );

  app.get<{ Params: { id: string } }>(
    '/sources/:id',
    {
      schema: {
        tags: ['sources'],
        summary: 'One saved source (no password)',
        params: Type.Object({ id: Type.String() }),
        response: responses({ 200: Type.Unknown() }, 403, 404),
      },
    },
    async (request) => savedJson(await services.sources.get(request.ctx, request.params.id)),
  );

  app.delete<{ Params: { id: string } }>(
    '/sources/:id',
    {
      schema: {
        tags: ['sources'],
        summary: 'Forget a saved source',
        params: Type.Object({ id: Type.String() }),
        response: responses({ 204: Type.Null() }, 403, 404),
      },
    },
    async (request, reply) => {
      await services.sources.delete(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    '/sources/:id/tables',
    {
      schema: {
        tags: ['sources'],
        summary: 'Schemas, tables (estimated rows) and columns (source types) of a saved source',
        params: Type.Object({ id: Type.String() }),
        response: responses({ 200: Catalog }, 400, 403, 404, 502),
      },
    },
    async (request) => {
      const config = await services.sources.configOf(request.ctx, request.params.id);
      return catalogJson(await services.sources.discover(request.ctx, config));
    },
  );

  app.post<{ Params: { id: string }; Body: ImportBody }>(
    '/sources/:id/import',
    {
      schema: {
        tags: ['sources'],
        summary: 'Import tables of a saved source into datasets, one background job per table',
        params: Type.Object({ id: Type.String() }),
        body: Type.Object(ImportFields, { additionalProperties: false }),
        response: responses({ 201: Jobs, 202: Jobs }, 400, 403, 404, 409, 502),
      },
    },
    async (request, reply) => {
      const saved = await services.sources.get(request.ctx, request.params.id);
      const config = await services.sources.configOf(request.ctx, request.params.id);
      const jobs = await services.imports.import(request.ctx, config, {
        ...importRequest(request.body),
        label: `source:${saved.name} (${saved.config.dsn})`,
      });
      return sendJobs(reply, jobs, request.body.wait);
    },
  );

  for (const system of ['postgres', 'mysql'] as const) {
    app.post<{ Body: SourceBody }>(
      `/ingest/${system}/tables`,
      {
        schema: {
          tags: ['sources'],
          summary: `Discover the tables of a ${system === 'postgres' ? 'PostgreSQL' : 'MySQL/MariaDB'} database given inline`,
          body: Type.Object(SourceFields, { additionalProperties: false }),
          response: responses({ 200: Catalog }, 400, 403, 404, 502),
        },
      },
      async (request) => {
        const config = inlineConfig(request.body, system);
        return catalogJson(await services.sources.discover(request.ctx, config));
      },
    );

    app.post<{ Body: SourceBody & ImportBody }>(
      `/ingest/${system}/import`,
      {
        schema: {
          tags: ['sources'],
          summary: `Import tables of a ${system === 'postgres' ? 'PostgreSQL' : 'MySQL/MariaDB'} database given inline`,
          body: Type.Object({ ...SourceFields, ...ImportFields }, { additionalProperties: false }),
          response: responses({ 201: Jobs, 202: Jobs }, 400, 403, 404, 409, 502),
        },
      },
      async (request, reply) => {
        const { tables, schema, dataset_prefix, watermark_column, key_column, wait, ...source } =
          request.body;
        const config = inlineConfig(source, system);
        const jobs = await services.imports.import(
          request.ctx,
          config,
          importRequest({
            ...(tables !== undefined && { tables }),
            ...(schema !== undefined && { schema }),
            ...(dataset_prefix !== undefined && { dataset_prefix }),
            ...(watermark_column !== undefined && { watermark_column }),
            ...(key_column !== undefined && { key_column }),
            ...(wait !== undefined && { wait }),
          }),
        );
        return sendJobs(reply, jobs, wait);
      },
    );
  }
}

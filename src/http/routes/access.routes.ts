import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ApiKeyRecord } from '../../access/index.js';
import type { Services } from '../../services.js';
import { NullableTimestamp, Timestamp, responses } from '../schemas.js';

const KeyRecord = Type.Object({
  id: Type.String(),
  name: Type.String(),
  hint: Type.String({ description: 'First and last characters of the key; never the key' }),
  principal: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    roles: Type.Array(Type.String()),
  }),
  status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
  created_at: Timestamp,
  created_by: Type.String(),
  expires_at: NullableTimestamp,
  revoked_at: NullableTimestamp,
  last_used_at: NullableTimestamp,
});

const CreateKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    principal_id: Type.Optional(
      Type.String({ description: 'Bind the key to an existing principal' }),
    ),
    kind: Type.Optional(
      Type.Union([Type.Literal('user'), Type.Literal('agent'), Type.Literal('service')]),
    ),
    roles: Type.Optional(Type.Array(Type.String(), { minItems: 1, maxItems: 50 })),
    expires_at: Type.Optional(Type.String({ description: 'ISO-8601 time' })),
    expires_in: Type.Optional(Type.String({ description: 'Duration such as 30d, 12h, 90m' })),
  },
  { additionalProperties: false },
);

export async function accessRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.post<{ Body: Static<typeof CreateKeyBody> }>(
    '/access/keys',
    {
      schema: {
        tags: ['access'],
        summary: 'Create an API key (the key is shown once, in this response)',
        body: CreateKeyBody,
        response: responses(
          { 201: Type.Intersect([Type.Object({ key: Type.String() }), KeyRecord]) },
          400,
          403,
          404,
        ),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const created = await services.keys.create(request.ctx, {
        name: body.name,
        ...(body.principal_id !== undefined && { principalId: body.principal_id }),
        ...(body.kind !== undefined && { kind: body.kind }),
        ...(body.roles !== undefined && { roles: body.roles }),
        ...(body.expires_at !== undefined && { expiresAt: body.expires_at }),
        ...(body.expires_in !== undefined && { expiresIn: body.expires_in }),
      });
      return reply.status(201).send({ key: created.key, ...keyJson(created.record) });
    },
  );

  app.get(
    '/access/keys',
    {
      schema: {
        tags: ['access'],
        summary: 'List API keys (hints only)',
        response: responses({ 200: Type.Object({ keys: Type.Array(KeyRecord) }) }, 403),
      },
    },
    async (request) => ({ keys: (await services.keys.list(request.ctx)).map(keyJson) }),
  );

  app.delete<{ Params: { id: string } }>(
    '/access/keys/:id',
    {
      schema: {
        tags: ['access'],
        summary: 'Revoke an API key',
        params: Type.Object({ id: Type.String() }),
        response: responses({ 200: KeyRecord }, 403, 404, 409),
      },
    },
    async (request) => keyJson(await services.keys.revoke(request.ctx, request.params.id)),
  );
}

export function keyJson(record: ApiKeyRecord) {
  return {
    id: record.id,
    name: record.name,
    hint: record.hint,
    principal: { ...record.principal, roles: [...record.principal.roles] },
    status: record.status,
    created_at: record.createdAt,
    created_by: record.createdBy,
    expires_at: record.expiresAt,
    revoked_at: record.revokedAt,
    last_used_at: record.lastUsedAt,
  };
}

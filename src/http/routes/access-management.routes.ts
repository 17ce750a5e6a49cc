import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type {
  ColumnMask,
  Grant,
  GrantObjectType,
  MaskKind,
  PolicyRule,
  Privilege,
} from '../../access/index.js';
import type { PrincipalRecord } from '../../access/index.js';
import type { Services } from '../../services.js';
import { responses } from '../schemas.js';

const RoleSchema = Type.Object({
  name: Type.String(),
  description: Type.String(),
  built_in: Type.Boolean(),
});
const GrantSchema = Type.Object(
  {
    role: Type.String(),
    object_type: Type.Union([Type.Literal('dataset'), Type.Literal('view')]),
    object_name: Type.String({ description: 'A dataset or view name, or * for all' }),
    privilege: Type.Union([Type.Literal('read'), Type.Literal('write'), Type.Literal('admin')]),
  },
  { additionalProperties: false },
);
const MaskSchema = Type.Object(
  {
    role: Type.String(),
    dataset: Type.String(),
    column: Type.String(),
    kind: Type.Union([Type.Literal('null'), Type.Literal('hash'), Type.Literal('mask')]),
    keep_prefix: Type.Integer({ minimum: 0, maximum: 64, default: 0 }),
    keep_suffix: Type.Integer({ minimum: 0, maximum: 64, default: 0 }),
  },
  { additionalProperties: false },
);
const FilterSchema = Type.Object(
  {
    role: Type.String(),
    dataset: Type.String(),
    predicate: Type.String({ minLength: 1, maxLength: 10_000 }),
  },
  { additionalProperties: false },
);

type GrantBody = {
  role: string;
  object_type: GrantObjectType;
  object_name: string;
  privilege: Privilege;
};
type MaskBody = {
  role: string;
  dataset: string;
  column: string;
  kind: MaskKind;
  keep_prefix: number;
  keep_suffix: number;
};

const grantFrom = (b: GrantBody): Grant => ({
  role: b.role,
  objectType: b.object_type,
  objectName: b.object_name,
  privilege: b.privilege,
});
const grantJson = (g: Grant) => ({
  role: g.role,
  object_type: g.objectType,
  object_name: g.objectName,
  privilege: g.privilege,
});
const maskJson = (m: ColumnMask) => ({
  role: m.role,
  dataset: m.dataset,
  column: m.column,
  kind: m.kind,
  keep_prefix: m.keepPrefix,
  keep_suffix: m.keepSuffix,
});

/** Roles, grants, masks and row filters (admins only; every change journaled). */
export async function accessManagementRoutes(
  app: FastifyInstance,
  services: Services,
): Promise<void> {
  const access = services.access;
  const tags = ['access'];

  app.get(
    '/access/roles',
    {
      schema: {
        tags,
        summary: 'List roles',
        response: responses({ 200: Type.Object({ roles: Type.Array(RoleSchema) }) }, 403),
      },
    },
    async (request) => ({
      roles: (await access.roles(request.ctx)).map((r) => ({
        name: r.name,
        description: r.description,
        built_in: r.builtIn,
      })),
    }),
  );

  app.post<{ Body: { name: string; description?: string } }>(
    '/access/roles',
    {
      schema: {
        tags,
        summary: 'Create a custom role',
        body: Type.Object(
          { name: Type.String(), description: Type.Optional(Type.String({ maxLength: 1000 })) },
          { additionalProperties: false },
        ),
        response: responses({ 201: RoleSchema }, 400, 403, 409),
      },
    },
    async (request, reply) => {
      const role = await access.createRole(
        request.ctx,
        request.body.name,
        request.body.description ?? '',
      );
      return reply
        .status(201)
        .send({ name: role.name, description: role.description, built_in: role.builtIn });
    },
  );

  app.delete<{ Params: { name: string } }>(
    '/access/roles/:name',
    {
      schema: {
        tags,
        summary: 'Delete a custom role (with its grants, masks, filters)',
        params: Type.Object({ name: Type.String() }),
        response: responses({ 204: Type.Null() }, 403, 404),
      },
    },
    async (request, reply) => {
      await access.deleteRole(request.ctx, request.params.name);
      return reply.status(204).send();
    },
  );

  app.get(
    '/access/grants',
    {
      schema: {
        tags,
        summary: 'List grants',
        response: responses({ 200: Type.Object({ grants: Type.Array(GrantSchema) }) }, 403),
      },
    },
    async (request) => ({
      grants: (await access.grants(request.ctx)).map(grantJson),
    }),
  );

  app.post<{ Body: GrantBody }>(
    '/access/grants',
    {
      schema: {
        tags,
        summary: 'Grant a privilege on a dataset or view to a role',
        body: GrantSchema,
        response: responses({ 201: GrantSchema }, 400, 403, 404),
      },
    },
    async (request, reply) =>
      reply.status(201).send(grantJson(await access.grant(request.ctx, grantFrom(request.body)))),
  );

  app.delete<{ Body: GrantBody }>(
    '/access/grants',
    {
      schema: {
        tags,
        summary: 'Revoke a grant',
        body: GrantSchema,
        response: responses({ 204: Type.Null() }, 400, 403, 404),
      },
    },
    async (request, reply) => {
      await access.revoke(request.ctx, grantFrom(request.body));
      return reply.status(204).send();
    },
  );

  app.get(
    '/access/masks',
    {
      schema: {
        tags,
        summary: 'List column masks',
        response: responses({ 200: Type.Object({ masks: Type.Array(MaskSchema) }) }, 403),
      },
    },
    async (request) => ({
      masks: (await access.masks(request.ctx)).map(maskJson),
    }),
  );

  app.put<{ Body: MaskBody }>(
    '/access/masks',
    {
      schema: {
        tags,
        summary: 'Set a column mask for a role (null, hash, or mask keeping a prefix/suffix)',
        body: MaskSchema,
        response: responses({ 200: MaskSchema }, 400, 403, 404),
      },
    },
    async (request) => {
      const b = request.body;
      return maskJson(
        await access.setMask(request.ctx, {
          role: b.role,
          dataset: b.dataset,
          column: b.column,
          kind: b.kind,
          keepPrefix: b.keep_prefix,
          keepSuffix: b.keep_suffix,
        }),
      );
    },
  );

  app.delete<{ Querystring: { role: string; dataset: string; column: string } }>(
    '/access/masks',
    {
      schema: {
        tags,
        summary: 'Remove a column mask',
        querystring: Type.Object({
          role: Type.String(),
          dataset: Type.String(),
          column: Type.String(),
        }),
        response: responses({ 204: Type.Null() }, 403, 404),
      },
    },
    async (request, reply) => {
      await access.removeMask(
        request.ctx,
        request.query.role,
        request.query.dataset,
        request.query.column,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/access/row-filters',
    {
      schema: {
        tags,
        summary: 'List row filters',
        response: responses({ 200: Type.Object({ row_filters: Type.Array(FilterSchema) }) }, 403),
      },
    },
    async (request) => ({
      row_filters: await access.rowFilters(request.ctx),
    }),
  );

  app.put<{ Body: { role: string; dataset: string; predicate: string } }>(
    '/access/row-filters',
    {
      schema: {
        tags,
        summary: "Set a role's row filter on a dataset (a predicate over its columns)",
        body: FilterSchema,
        response: responses({ 200: FilterSchema }, 400, 403, 404),
      },
    },
    async (request) => access.setRowFilter(request.ctx, request.body),
  );

  app.delete<{ Querystring: { role: string; dataset: string } }>(
    '/access/row-filters',
    {
      schema: {
        tags,
        summary: 'Remove a row filter',
        querystring: Type.Object({ role: Type.String(), dataset: Type.String() }),
        response: responses({ 204: Type.Null() }, 403, 404),
      },
    },
    async (request, reply) => {
      await access.removeRowFilter(request.ctx, request.query.role, request.query.dataset);
      return reply.status(204).send();
    },
  );
}

const RuleBody = Type.Object(
  {
    name: Type.String(),
    task_class: Type.String({ description: 'e.g. query, tool_call, llm_response, or * for all' }),
    priority: Type.Optional(Type.Integer()),
    condition: Type.Unknown({
      description:
        'equals / empty / greater / contains_any (substring) / one_of (exact) / always, composed with all / any / not',
    }),
    action: Type.Union(['allow', 'warn', 'redact', 'reject', 'block'].map((a) => Type.Literal(a))),
    message: Type.String(),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const RuleSchema = Type.Intersect([Type.Object({ id: Type.String() }), RuleBody]);

function ruleJson(rule: PolicyRule) {
  return {
    id: rule.id,
    name: rule.name,
    task_class: rule.taskClass,
    priority: rule.priority,
    condition: rule.condition,
    action: rule.action,
    message: rule.message,
    enabled: rule.enabled,
  };
}

/** Policy rules ("truth rules"), evaluated on every query (admins manage them; journaled). */
export async function rulesRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const tags = ['access'];
  app.get(
    '/access/rules',
    {
      schema: {
        tags,
        summary: 'List policy rules',
        response: responses({ 200: Type.Object({ rules: Type.Array(RuleSchema) }) }, 403),
      },
    },
    async (request) => ({
      rules: (await services.rules.list(request.ctx)).map(ruleJson),
    }),
  );
  app.post<{ Body: unknown }>(
    '/access/rules',
    {
      schema: {
        tags,
        summary: 'Create a policy rule',
        body: RuleBody,
        response: responses({ 201: RuleSchema }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(ruleJson(await services.rules.create(request.ctx, request.body))),
  );
  app.put<{ Params: { id: string }; Body: unknown }>(
    '/access/rules/:id',
    {
      schema: {
        tags,
        summary: 'Replace a policy rule',
        params: Type.Object({ id: Type.String() }),
        body: RuleBody,
        response: responses({ 200: RuleSchema }, 400, 403, 404),
      },
    },
    async (request) =>
      ruleJson(await services.rules.replace(request.ctx, request.params.id, request.body)),
  );
  app.delete<{ Params: { id: string } }>(
    '/access/rules/:id',
    {
      schema: {
        tags,
        summary: 'Delete a policy rule',
        params: Type.Object({ id: Type.String() }),
        response: responses({ 204: Type.Null() }, 403, 404),
      },
    },
    async (request, reply) => {
      await services.rules.remove(request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
}

const PrincipalSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  roles: Type.Array(Type.String()),
  created_at: Type.String(),
  disabled_at: Type.Union([Type.String(), Type.Null()]),
});

function principalJson(p: PrincipalRecord) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    roles: [...p.roles],
    created_at: p.createdAt,
    disabled_at: p.disabledAt,
  };
}

/** Principals: users, agents and services with roles; keys are issued to them (admins only). */
export async function principalRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const tags = ['access'];
  app.get(
    '/access/principals',
    {
      schema: {
        tags,
        summary: 'List principals',
        response: responses({ 200: Type.Object({ principals: Type.Array(PrincipalSchema) }) }, 403),
      },
    },
    async (request) => ({
      principals: (await services.principals.list(request.ctx)).map(principalJson),
    }),
  );
  app.post<{ Body: { name: string; kind: 'user' | 'agent' | 'service'; roles: string[] } }>(
    '/access/principals',
    {
      schema: {
        tags,
        summary: 'Create a principal (then issue keys with POST /access/keys {principal_id})',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            kind: Type.Union([
              Type.Literal('user'),
              Type.Literal('agent'),
              Type.Literal('service'),
            ]),
            roles: Type.Array(Type.String(), { minItems: 1, maxItems: 50 }),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: PrincipalSchema }, 400, 403, 404),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(principalJson(await services.principals.create(request.ctx, request.body))),
  );
  app.patch<{ Params: { id: string }; Body: { roles?: string[]; disabled?: boolean } }>(
    '/access/principals/:id',
    {
      schema: {
        tags,
        summary: "Change a principal's roles, or disable it (its keys stop working)",
        params: Type.Object({ id: Type.String() }),
        body: Type.Object(
          {
            roles: Type.Optional(Type.Array(Type.String(), { minItems: 1, maxItems: 50 })),
            disabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: responses({ 200: PrincipalSchema }, 400, 403, 404),
      },
    },
    async (request) =>
      principalJson(await services.principals.update(request.ctx, request.params.id, request.body)),
  );
}

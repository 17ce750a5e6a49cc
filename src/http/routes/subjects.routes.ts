import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  manifestJson,
  type SubjectInput,
  type SubjectView,
} from '../../compliance/subjects/index.js';
import type { Services } from '../../services.js';
import { responses } from '../schemas.js';

const Consent = Type.Object(
  {
    status: Type.Union([
      Type.Literal('never_collected'),
      Type.Literal('given'),
      Type.Literal('withdrawn'),
    ]),
    text: Type.Optional(
      Type.String({
        maxLength: 100_000,
        description: 'The consent text shown (stored as its hash)',
      }),
    ),
    text_hash: Type.Optional(
      Type.String({ description: 'Or the text version hash (hex SHA-256)' }),
    ),
    at: Type.Optional(Type.String({ description: 'When; default now' })),
  },
  { additionalProperties: false },
);

const SubjectBody = Type.Object(
  {
    status: Type.Optional(
      Type.Union([
        Type.Literal('active'),
        Type.Literal('withdrawn'),
        Type.Literal('retention_expired'),
      ]),
    ),
    last_interaction_at: Type.Optional(Type.String()),
    consent: Type.Optional(
      Type.Object(
        { general: Type.Optional(Consent), biometric: Type.Optional(Consent) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
type ConsentBody = {
  status: 'never_collected' | 'given' | 'withdrawn';
  text?: string;
  text_hash?: string;
  at?: string;
};
type SubjectBodyType = {
  status?: 'active' | 'withdrawn' | 'retention_expired';
  last_interaction_at?: string;
  consent?: { general?: ConsentBody; biometric?: ConsentBody };
};

const Manifest = Type.Unknown({
  description:
    'subject_id, storage_key, status, consent {general, biometric}: {status, text_hash, at}, retention ' +
    '{last_interaction_at, general_pii_until, biometric_until}, photo, erasure, datasets, audit_tip',
});
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 256 }) });

function consentInput(c: ConsentBody) {
  return {
    status: c.status,
    ...(c.text !== undefined && { text: c.text }),
    ...(c.text_hash !== undefined && { textHash: c.text_hash }),
    ...(c.at !== undefined && { at: c.at }),
  };
}

function subjectInput(body: SubjectBodyType): SubjectInput {
  return {
    ...(body.status !== undefined && { status: body.status }),
    ...(body.last_interaction_at !== undefined && { lastInteractionAt: body.last_interaction_at }),
    ...(body.consent !== undefined && {
      consent: {
        ...(body.consent.general && { general: consentInput(body.consent.general) }),
        ...(body.consent.biometric && { biometric: consentInput(body.consent.biometric) }),
      },
    }),
  };
}

export function subjectViewJson(view: SubjectView) {
  return {
    ...manifestJson(view),
    datasets: view.datasets.map((d) => ({
      dataset: d.dataset,
      key_column: d.keyColumn,
      rows: d.rows,
    })),
    audit_tip: view.auditTip && { seq: view.auditTip.seq, hash: view.auditTip.hash },
  };
}

/** Data subjects: manifests, consent, retention (admin and legal roles). */
export async function subjectRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get<{ Params: { id: string } }>(
    '/subjects/:id',
    {
      schema: {
        tags: ['compliance'],
        summary: "A subject's manifest, the datasets holding their rows, and their audit-chain tip",
        description:
          'Every lookup (found or not) appends a row to the subject audit chain before answering; send ' +
          'X-Lakehouse-Purpose to say why.',
        params: IdParams,
        response: responses({ 200: Manifest }, 400, 403, 404),
      },
    },
    async (request) => subjectViewJson(await services.subjects.get(request.ctx, request.params.id)),
  );

  app.put<{ Params: { id: string }; Body: SubjectBodyType }>(
    '/subjects/:id',
    {
      schema: {
        tags: ['compliance'],
        summary: 'Create or update a subject: status, consent per purpose, last interaction',
        params: IdParams,
        body: SubjectBody,
        response: responses({ 200: Manifest }, 400, 403, 409),
      },
    },
    async (request) =>
      manifestJson(
        await services.subjects.put(request.ctx, request.params.id, subjectInput(request.body)),
      ),
  );

  app.post<{ Body: { dataset: string; key_column?: string } }>(
    '/subjects/backfill',
    {
      schema: {
        tags: ['compliance'],
        summary: "Create a manifest for every value of a dataset's subject key column lacking one",
        body: Type.Object(
          {
            dataset: Type.String(),
            key_column: Type.Optional(
              Type.String({ description: "Default: the dataset's subject_key_column" }),
            ),
          },
          { additionalProperties: false },
        ),
        response: responses(
          {
            200: Type.Object({
              dataset: Type.String(),
              key_column: Type.String(),
              created: Type.Integer(),
              existing: Type.Integer(),
            }),
          },
          400,
          403,
          404,
        ),
      },
    },
    async (request) => {
      const result = await services.subjects.backfill(request.ctx, {
        dataset: request.body.dataset,
        ...(request.body.key_column !== undefined && { keyColumn: request.body.key_column }),
      });
      return {
        dataset: result.dataset,
        key_column: result.keyColumn,
        created: result.created,
        existing: result.existing,
      };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/subjects/:id/erase',
    {
      schema: {
        tags: ['compliance'],
        summary:
          'Erase a person: tombstone and compact every subject-keyed dataset (rows gone from every file), ' +
          'drop caches, delete the photo, mark erased, audit, and return a sealed certificate',
        params: IdParams,
        response: responses(
          { 200: Type.Unknown({ description: 'The erasure certificate' }) },
          403,
          404,
          409,
        ),
      },
    },
    async (request) => services.erasure.erase(request.ctx, request.params.id),
  );

  app.get<{ Params: { id: string } }>(
    '/subjects/:id/erasure',
    {
      schema: {
        tags: ['compliance'],
        summary:
          "Re-check an erasure now: the certificate's seal, every Parquet file on disk, the audit chain",
        params: IdParams,
        response: responses(
          { 200: Type.Unknown({ description: 'verified, checks, certificate' }) },
          403,
          404,
        ),
      },
    },
    async (request) => services.erasure.check(request.ctx, request.params.id),
  );
}

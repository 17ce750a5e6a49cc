import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { LegalAccess } from '../../compliance/legal/index.js';
import {
  MAX_PHOTO_BYTES,
  PHOTO_PURPOSE,
  type PhotoService,
} from '../../compliance/photos/index.js';
import { responses } from '../schemas.js';
import { LegalHeaders, legalTokenRoute } from './legal.routes.js';

/** What the photo route needs from the services. */
export interface PhotoRouteServices {
  readonly photos: PhotoService;
  readonly legalAccess: LegalAccess;
}

const Photo = Type.Object({
  subject_id: Type.String(),
  photo: Type.Object({
    path: Type.String({ description: 'Relative to the private storage root' }),
    content_type: Type.String(),
    bytes: Type.Integer(),
    sha256: Type.String(),
    uploaded_at: Type.String(),
  }),
  replaced: Type.Boolean({ description: 'An earlier photo was replaced (and its file removed)' }),
  warnings: Type.Optional(Type.Array(Type.String())),
});

/**
 * Biometric photo upload (legal token, no API key). Registered in its own scope: its only body
 * parser buffers image/* bodies up to the photo limit (413 beyond), so nothing else is accepted.
 */
export async function photoRoutes(
  app: FastifyInstance,
  services: PhotoRouteServices,
): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    /^image\//,
    { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES },
    (_request, body, done) => done(null, body),
  );
  const legal = legalTokenRoute(services.legalAccess, PHOTO_PURPOSE);

  app.post<{ Params: { id: string } }>(
    '/subjects/:id/photo',
    {
      config: legal.config,
      bodyLimit: MAX_PHOTO_BYTES,
      // The token, the type, the subject and its consent are checked before the body is read.
      onRequest: [
        legal.onRequest,
        async (request) =>
          services.photos.precheck(request.ctx, request.params.id, request.headers['content-type']),
      ],
      schema: {
        tags: ['compliance'],
        summary:
          "Upload a subject's photo (biometric data): body = the image/jpeg or image/png bytes",
        description:
          'Authenticated by X-Lakehouse-Legal-Token instead of an API key (503 when none is configured). ' +
          'Needs biometric consent given and the subject active (403 consent_required, with the current ' +
          'status). At most 10 MiB. Replaces an earlier photo. Audited (purpose: X-Lakehouse-Purpose or ' +
          'biometric enrolment); if the audit row cannot be written the upload is undone (500).',
        security: [],
        headers: LegalHeaders,
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 256 }) }),
        response: responses({ 201: Photo }, 400, 403, 404, 413, 415, 503),
      },
    },
    async (request, reply) => {
      // Fastify parses no body when none is sent; the service answers that as an empty photo.
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const outcome = await services.photos.upload(request.ctx, request.params.id, {
        contentType: request.headers['content-type'],
        bytes,
      });
      for (const warning of outcome.warnings) request.log.warn(warning);
      const { photo } = outcome;
      return reply.status(201).send({
        subject_id: outcome.subject.subjectId,
        photo: {
          path: photo.path,
          content_type: photo.contentType,
          bytes: photo.bytes,
          sha256: photo.sha256,
          uploaded_at: photo.uploadedAt,
        },
        replaced: outcome.replaced !== null,
        ...(outcome.warnings.length > 0 && { warnings: outcome.warnings }),
      });
    },
  );
}

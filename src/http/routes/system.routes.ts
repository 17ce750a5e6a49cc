import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/index.js';
import type { Services } from '../../services.js';
import { responses } from '../schemas.js';

export async function systemRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process is up (public)',
        security: [],
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['system'],
        summary: 'Readiness: metastore reachable and data directory writable',
        response: responses(
          {
            200: Type.Object({
              status: Type.Literal('ready'),
              checks: Type.Record(Type.String(), Type.String()),
            }),
          },
          503,
        ),
      },
    },
    async () => {
      const checks = await services.readiness.check();
      const failed = Object.entries(checks).filter(([, v]) => v !== 'ok');
      if (failed.length > 0) throw new AppError('not_ready', 'not ready', { details: checks });
      return { status: 'ready' as const, checks };
    },
  );
}

import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { uuidv7, type Clock, type Principal } from '../core/index.js';
import type { Services } from '../services.js';
import { installAuthentication } from './auth.js';
import './context.js';
import { installErrorHandler } from './error-handler.js';
import { installOpenApi, markDocsPublic } from './openapi.js';
import { accessRoutes } from './routes/access.routes.js';
import {
  accessManagementRoutes,
  principalRoutes,
  rulesRoutes,
} from './routes/access-management.routes.js';
import { journalRoutes } from './routes/journal.routes.js';
import { storageRoutes } from './routes/storage.routes.js';
import { catalogRoutes } from './routes/catalog.routes.js';
import { ingestPathRoutes, ingestRoutes } from './routes/ingest.routes.js';
import { jobsRoutes } from './routes/jobs.routes.js';
import { viewsRoutes } from './routes/views.routes.js';
import { sourcesRoutes } from './routes/sources.routes.js';
import { subjectRoutes } from './routes/subjects.routes.js';
import { legalRoutes } from './routes/legal.routes.js';
import { photoRoutes } from './routes/photo.routes.js';
import { retentionRoutes } from './routes/retention.routes.js';
import { rowsRoutes } from './routes/rows.routes.js';
import { tombstoneRoutes } from './routes/tombstones.routes.js';
import { cacheRoutes, pagingRoutes, queryRoutes } from './routes/query.routes.js';
import { systemRoutes } from './routes/system.routes.js';

export interface HttpAppOptions {
  readonly services: Services;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly version: string;
  readonly maxJsonBodyBytes: number;
  readonly rateLimit: (principal: Principal) => void;
}

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly public: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The Fastify app: one plugin per domain, one auth hook, one error handler. */
export async function createHttpApp(
  options: HttpAppOptions,
): Promise<{ app: FastifyInstance; routes: RegisteredRoute[] }> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.maxJsonBodyBytes,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : uuidv7();
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    return503OnClosing: true,
  });
  const routes: RegisteredRoute[] = [];
  markDocsPublic(app);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      routes.push({ method, url: route.url, public: route.config?.public === true });
  });
  let closing = false;
  let idleSweeper: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    closing = true;
    // A keep-alive connection whose response finishes after close() began would otherwise
    // hold shutdown open for the whole keep-alive timeout: keep closing idle ones.
    idleSweeper = setInterval(() => app.server.closeIdleConnections(), 50);
    idleSweeper.unref();
  });
  app.addHook('onClose', async () => clearInterval(idleSweeper));
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    // While shutting down, end each connection after its response instead of keeping it alive.
    if (closing) void reply.header('connection', 'close');
  });

  installErrorHandler(app);
  installAuthentication(app, options.services.keys, options.clock, options.rateLimit);
  await installOpenApi(app, options.version);
  await app.register(async (scope) => systemRoutes(scope, options.services));
  await app.register(async (scope) => accessRoutes(scope, options.services));
  await app.register(async (scope) => accessManagementRoutes(scope, options.services));
  await app.register(async (scope) => rulesRoutes(scope, options.services));
  await app.register(async (scope) => principalRoutes(scope, options.services));
  await app.register(async (scope) => journalRoutes(scope, options.services));
  await app.register(async (scope) => storageRoutes(scope, options.services));
  await app.register(async (scope) => catalogRoutes(scope, options.services));
  await app.register(async (scope) => ingestRoutes(scope, options.services));
  await app.register(async (scope) => ingestPathRoutes(scope, options.services));
  await app.register(async (scope) => jobsRoutes(scope, options.services));
  await app.register(async (scope) => viewsRoutes(scope, options.services));
  await app.register(async (scope) => tombstoneRoutes(scope, options.services));
  await app.register(async (scope) => rowsRoutes(scope, options.services));
  await app.register(async (scope) => subjectRoutes(scope, options.services));
  await app.register(async (scope) => legalRoutes(scope, options.services));
  await app.register(async (scope) => photoRoutes(scope, options.services));
  await app.register(async (scope) => retentionRoutes(scope, options.services));
  await app.register(async (scope) => sourcesRoutes(scope, options.services));
  await app.register(async (scope) => queryRoutes(scope, options.services));
  await app.register(async (scope) => pagingRoutes(scope, options.services));
  await app.register(async (scope) => cacheRoutes(scope, options.services));
  await app.ready();
  return { app, routes };
}

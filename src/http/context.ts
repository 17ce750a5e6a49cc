import type { RequestContext } from '../core/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook: who is calling, with request id and clock. */
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /** Routes reachable without an API key: /health and the API docs only. */
    public?: boolean;
  }
}

export {};

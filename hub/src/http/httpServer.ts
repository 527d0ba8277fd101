// The hub's HTTP server (fastify). Each domain registers its own routes as a
// plugin; this file only builds the server, puts the origin check, the
// security headers and the access hook on it before any route, and serves the
// health route.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { attachHttpAccess, type HttpAccessOptions, type RouteEntry } from '../access/httpAccess.ts';
import type { Logger } from '../log.ts';
import type { OriginPolicy } from './originPolicy.ts';
import { attachSecurityHeaders } from './securityHeaders.ts';

export interface HealthSource {
  health(): Record<string, unknown>;
  /**
   * Why this hub cannot serve now (its shared database unreachable), or null. A reason answers 503, so a load
   * balancer's health check takes the hub out of rotation. Absent: always healthy.
   */
  unavailable?(): Promise<string | null>;
}

export function createHttpServer(logger: Logger, health: HealthSource, access: HttpAccessOptions, origins: OriginPolicy): { app: FastifyInstance; routes: RouteEntry[] } {
  const app = Fastify({
    // fastify bundles its own pino typings; ours is the same logger at runtime.
    loggerInstance: logger.child({ room: 'http' }, { level: logger.isLevelEnabled('debug') ? 'debug' : 'warn' }) as unknown as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    // A body is what its schema says or it is refused: {"name": 1} is not a name.
    ajv: { customOptions: { coerceTypes: false } },
  });
  attachSecurityHeaders(app);
  app.addHook('onRequest', async (req, reply) => {
    const refusal = origins.httpRefusal(req.method, req.headers);
    if (refusal) return reply.code(403).send({ error: 'forbidden_origin', message: refusal });
  });
  const { routes } = attachHttpAccess(app, access);
  app.get('/api/v1/health', { config: { access: { action: 'public:read' } } }, async (_req, reply) => {
    const why = (await health.unavailable?.()) ?? null;
    if (why) return reply.code(503).send({ status: 'unavailable', reason: why, ...health.health() });
    return { status: 'ok', ...health.health() };
  });
  return { app, routes };
}

// The hub's HTTP server (fastify). Each domain registers its own routes as a
// plugin; this file only builds the server, puts the access hook on it before
// any route, and serves the health route.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { attachHttpAccess, type HttpAccessOptions, type RouteEntry } from '../access/httpAccess.ts';
import type { Logger } from '../log.ts';

export interface HealthSource {
  health(): Record<string, unknown>;
}

export function createHttpServer(logger: Logger, health: HealthSource, access: HttpAccessOptions): { app: FastifyInstance; routes: RouteEntry[] } {
  // fastify bundles its own pino typings; ours is the same logger at runtime.
  const app = Fastify({ loggerInstance: logger.child({ room: 'http' }, { level: logger.isLevelEnabled('debug') ? 'debug' : 'warn' }) as unknown as FastifyBaseLogger, bodyLimit: 1024 * 1024 });
  const { routes } = attachHttpAccess(app, access);
  app.get('/api/v1/health', { config: { access: { action: 'public:read' } } }, async () => ({ status: 'ok', ...health.health() }));
  return { app, routes };
}

import type { FastifyInstance } from 'fastify';
import type { HubMetrics } from './HubMetrics.ts';

/** GET /metrics in the Prometheus text format. */
export function metricsRoutes(metrics: HubMetrics) {
  return async (app: FastifyInstance): Promise<void> => {
    // Prometheus scrapes without credentials; the metrics carry counts, no identities.
    app.get('/metrics', { config: { access: { action: 'public:read' } } }, async (_req, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.render();
    });
  };
}

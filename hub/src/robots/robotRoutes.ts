// Read-only robot endpoints: the fleet with live presence, one robot's
// description, and its URDF for the console (robot-written text on the hub's
// origin: served as an inert download, never as a page).
import type { FastifyInstance } from 'fastify';
import { v1, type httpApi, type RobotSummary } from '@teleop/proto';
import { SANDBOX_CSP } from '../http/securityHeaders.ts';
import type { RobotFleet, RobotSession } from './RobotFleet.ts';

/** The fleet, each robot's description and model are public: what the console shows before sign-in. */
const PUBLIC = { config: { access: { action: 'public:read' } } } as const;

export interface RobotRoutesOptions {
  fleet: RobotFleet;
  /** Summary including lease information (owned by the operators room). */
  summaryOf: (session: RobotSession) => RobotSummary;
}

const idParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
  required: ['id'],
} as const;

export function robotRoutes({ fleet, summaryOf }: RobotRoutesOptions) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/v1/robots', PUBLIC, async () => ({ robots: fleet.all().map(summaryOf) }) satisfies httpApi.RobotList);

    app.get<{ Params: { id: string } }>('/api/v1/robots/:id', { ...PUBLIC, schema: { params: idParams } }, async (req, reply) => {
      const session = await fleet.find(req.params.id);
      if (!session) return reply.code(404).send({ error: 'unknown_robot', message: `no robot "${req.params.id}" is enrolled` });
      const description = session.description
        ? v1.RobotDescription.toObject(session.description, { longs: String, enums: String, defaults: true })
        : null;
      if (description) delete description.urdf;
      const status = session.status ? v1.RobotStatus.toObject(session.status, { longs: String, enums: String, defaults: true }) : null;
      const clock = session.clock.best();
      return {
        summary: summaryOf(session),
        description,
        status,
        // Robot clock minus hub clock, from the minimum-RTT probe.
        clock: clock ? { offsetMs: Number(clock.offsetNs) / 1e6, rttMs: Number(clock.rttNs) / 1e6 } : null,
      } satisfies httpApi.RobotDetail;
    });

    app.get<{ Params: { id: string } }>('/api/v1/robots/:id/urdf', { ...PUBLIC, schema: { params: idParams } }, async (req, reply) => {
      const session = await fleet.find(req.params.id);
      if (!session) return reply.code(404).send({ error: 'unknown_robot', message: `no robot "${req.params.id}" is enrolled` });
      if (session.urdfRefusal) return reply.code(422).send({ error: 'urdf_refused', message: session.urdfRefusal });
      if (!session.description?.urdf) {
        return reply.code(404).send({ error: 'no_urdf', message: `robot ${req.params.id} has not announced a URDF (is it online?)` });
      }
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${session.record.id}.urdf"`)
        .header('content-security-policy', SANDBOX_CSP)
        .send(session.description.urdf);
    });
  };
}

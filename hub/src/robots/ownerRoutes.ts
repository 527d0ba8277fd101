// What robot owners do from the console: enroll a robot (its secret is shown
// once, with the exact agent command), list their robots with online time,
// revoke or rotate credentials, and end whoever's lease on their robot.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { httpApi, RobotSummary } from '@teleop/proto';
import type { Resource } from '../access/access.ts';
import { walletAddress } from '../access/httpAccess.ts';
import type { ControlLeases } from '../operators/LeaseManager.ts';
import type { EpisodeService } from '../episodes/EpisodeService.ts';
import type { RobotFleet, RobotSession } from './RobotFleet.ts';
import { EnrollmentLimitError, RobotEnrollError, type RobotRegistry } from './RobotRegistry.ts';
import { DATA_TERMS_SCHEMA, DataTermsError, type DataTermsInput } from './dataTerms.ts';

export interface OwnerRoutesOptions {
  registry: RobotRegistry;
  fleet: RobotFleet;
  leases: ControlLeases;
  episodes: EpisodeService;
  /** Token base units credited to an owner for a robot's episodes (decimal string). */
  ownerEarnings: (robotId: string, owner: string) => Promise<string>;
  summaryOf: (session: RobotSession) => RobotSummary;
  /** The exact command a robot owner runs on the robot. */
  agentCommand: (robotId: string, secret: string) => string;
  /** Robots a wallet may have enrolled and not revoked; admins are not limited. */
  maxRobotsPerWallet: number;
}

const idParams = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['id'] } as const;

export function ownerRoutes(o: OwnerRoutesOptions) {
  /** What robot:manage decides on: the robot of the route's :id and its owner. */
  const robotParam = async (req: FastifyRequest): Promise<Resource> => {
    const robotId = (req.params as { id: string }).id;
    const robot = await o.registry.get(robotId);
    return { kind: 'robot', robotId, owner: robot?.owner ?? null, enrolled: !!robot && !robot.revokedAt };
  };
  const MANAGE = { access: { action: 'robot:manage' as const, resource: robotParam } };

  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: { name: string; model: string } }>(
      '/api/v1/robots',
      {
        config: { access: { action: 'robot:enroll' } },
        schema: {
          body: {
            type: 'object',
            required: ['name', 'model'],
            properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, model: { type: 'string', minLength: 1, maxLength: 64 } },
          },
        },
      },
      async (req, reply) => {
        try {
          const admin = req.actor.kind === 'wallet' && req.actor.admin;
          const { robot, secret } = await o.registry.enroll({
            name: req.body.name,
            model: req.body.model,
            owner: walletAddress(req.actor),
            ...(admin ? {} : { ownerLimit: o.maxRobotsPerWallet }),
          });
          o.fleet.adopt(robot);
          return reply.code(201).send({ robotId: robot.id, secret, command: o.agentCommand(robot.id, secret) } satisfies httpApi.RobotCredentials);
        } catch (err) {
          if (err instanceof RobotEnrollError) return reply.code(400).send({ error: 'bad_request', message: err.message });
          if (err instanceof EnrollmentLimitError) return reply.code(403).send({ error: err.code, message: err.message });
          throw err;
        }
      },
    );

    app.get('/api/v1/me/robots', { config: { access: { action: 'self:act' } } }, async (req): Promise<httpApi.OwnedRobotList> => {
      const session = { address: walletAddress(req.actor) };
      const now = Date.now();
      const mine = (await o.registry.list()).filter((r) => r.owner === session.address);
      return {
        robots: await Promise.all(
          mine.map(async (r) => {
            const live = o.fleet.get(r.id);
            return {
              robotId: r.id,
              name: r.name,
              model: r.model,
              createdAt: r.createdAt,
              summary: live ? o.summaryOf(live) : null,
              onlineSecondsLastWeek: await o.registry.onlineSecondsLastWeek(r.id, now),
              signingAddress: r.signingAddress,
              dataPolicy: r.dataPolicy,
              allowedBuyers: r.allowedBuyers,
              dataLicense: r.dataLicense,
              floorPricePerHour: r.floorPricePerHour,
              episodes: await o.episodes.countsOfRobot(r.id),
              // Token base units credited to the owner for this robot's episodes (decimal string).
              earnings: await o.ownerEarnings(r.id, session.address),
            };
          }),
        ),
      };
    });

    app.put<{ Params: { id: string }; Body: DataTermsInput }>(
      '/api/v1/robots/:id/data-policy',
      { config: MANAGE, schema: { params: idParams, body: DATA_TERMS_SCHEMA } },
      async (req, reply) => {
        try {
          const robot = await o.registry.setDataPolicy(req.params.id, req.body);
          return { robotId: robot.id, dataPolicy: robot.dataPolicy, allowedBuyers: robot.allowedBuyers, license: robot.dataLicense, floorPricePerHour: robot.floorPricePerHour } satisfies httpApi.RobotDataPolicy;
        } catch (err) {
          if (err instanceof DataTermsError) return reply.code(400).send({ error: 'bad_request', message: err.message });
          throw err;
        }
      },
    );

    app.post<{ Params: { id: string } }>('/api/v1/robots/:id/revoke', { config: MANAGE, schema: { params: idParams } }, async (req) => {
      await o.registry.revoke(req.params.id);
      o.fleet.remove(req.params.id);
      return { robotId: req.params.id, revoked: true } satisfies httpApi.RobotRevoked;
    });

    app.post<{ Params: { id: string } }>('/api/v1/robots/:id/rotate-secret', { config: MANAGE, schema: { params: idParams } }, async (req) => {
      const requestedAt = Date.now();
      const secret = await o.registry.rotateSecret(req.params.id);
      // As revoking does: whoever is connected with the old secret is disconnected now.
      o.fleet.endSessionsBefore(req.params.id, requestedAt);
      return { robotId: req.params.id, secret, command: o.agentCommand(req.params.id, secret) } satisfies httpApi.RobotCredentials;
    });

    app.post<{ Params: { id: string } }>('/api/v1/robots/:id/lease/revoke', { config: MANAGE, schema: { params: idParams } }, async (req) => {
      const holder = o.leases.holder(req.params.id);
      o.leases.revoke(req.params.id, 'revoked');
      return { robotId: req.params.id, revokedFrom: holder?.operatorId ?? null } satisfies httpApi.LeaseRevoked;
    });
  };
}

// What robot owners do from the console: enroll a robot (its secret is shown
// once, with the exact agent command), list their robots with online time,
// revoke or rotate credentials, and end whoever's lease on their robot.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RobotSummary } from '@teleop/proto';
import type { Resource } from '../access/access.ts';
import { walletAddress } from '../access/httpAccess.ts';
import type { LeaseManager } from '../operators/LeaseManager.ts';
import type { HubDb } from '../store/database.ts';
import type { RobotFleet, RobotSession } from './RobotFleet.ts';
import { RobotEnrollError, type DataPolicy, type RobotRegistry } from './RobotRegistry.ts';

export interface OwnerRoutesOptions {
  registry: RobotRegistry;
  fleet: RobotFleet;
  leases: LeaseManager;
  db: HubDb;
  summaryOf: (session: RobotSession) => RobotSummary;
  /** The exact command a robot owner runs on the robot. */
  agentCommand: (robotId: string, secret: string) => string;
}

const WEEK_MS = 7 * 24 * 3_600_000;

/** Seconds online in the last week, from the presence history. */
async function onlineSecondsLastWeek(db: HubDb, robotId: string, now: number): Promise<number> {
  const since = new Date(now - WEEK_MS).toISOString();
  const before = await db.selectFrom('robot_presence').select(['online']).where('robot_id', '=', robotId).where('at', '<', since).orderBy('at', 'desc').limit(1).executeTakeFirst();
  const rows = await db.selectFrom('robot_presence').select(['online', 'at']).where('robot_id', '=', robotId).where('at', '>=', since).orderBy('at').execute();
  let online = before?.online === 1;
  let from = now - WEEK_MS;
  let total = 0;
  for (const r of rows) {
    const t = Date.parse(r.at);
    if (online) total += t - from;
    online = r.online === 1;
    from = t;
  }
  if (online) total += now - from;
  return Math.round(total / 1000);
}

async function episodeCounts(db: HubDb, robotId: string): Promise<{ total: number; accepted: number }> {
  const rows = await db.selectFrom('episodes').select(['state']).where('robot_id', '=', robotId).execute();
  return { total: rows.length, accepted: rows.filter((r) => r.state === 'accepted').length };
}

async function ownerEarnings(db: HubDb, robotId: string, owner: string): Promise<string> {
  const rows = await db
    .selectFrom('reward_credits')
    .innerJoin('episodes', 'episodes.id', 'reward_credits.episode_id')
    .select('reward_credits.amount')
    .where('episodes.robot_id', '=', robotId)
    .where('reward_credits.role', '=', 'owner')
    .where('reward_credits.account', '=', owner)
    .execute();
  return rows.reduce((a, r) => a + BigInt(r.amount), 0n).toString();
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
          const { robot, secret } = await o.registry.enroll({ name: req.body.name, model: req.body.model, owner: walletAddress(req.actor) });
          o.fleet.adopt(robot);
          return reply.code(201).send({ robotId: robot.id, secret, command: o.agentCommand(robot.id, secret) });
        } catch (err) {
          if (err instanceof RobotEnrollError) return reply.code(400).send({ error: 'bad_request', message: err.message });
          throw err;
        }
      },
    );

    app.get('/api/v1/me/robots', { config: { access: { action: 'self:act' } } }, async (req) => {
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
              onlineSecondsLastWeek: await onlineSecondsLastWeek(o.db, r.id, now),
              signingAddress: r.signingAddress,
              dataPolicy: r.dataPolicy,
              allowedBuyers: r.allowedBuyers,
              episodes: await episodeCounts(o.db, r.id),
              // Token base units credited to the owner for this robot's episodes (decimal string).
              earnings: await ownerEarnings(o.db, r.id, session.address),
            };
          }),
        ),
      };
    });

    app.put<{ Params: { id: string }; Body: { policy: DataPolicy; allowedBuyers?: string[] } }>(
      '/api/v1/robots/:id/data-policy',
      {
        config: MANAGE,
        schema: {
          params: idParams,
          body: {
            type: 'object',
            required: ['policy'],
            properties: { policy: { enum: ['open', 'private', 'restricted'] }, allowedBuyers: { type: 'array', maxItems: 1000, items: { type: 'string', pattern: '^0x[0-9a-fA-F]{40}$' } } },
          },
        },
      },
      async (req, reply) => {
        try {
          const robot = await o.registry.setDataPolicy(req.params.id, req.body.policy, req.body.allowedBuyers ?? []);
          return { robotId: robot.id, dataPolicy: robot.dataPolicy, allowedBuyers: robot.allowedBuyers };
        } catch (err) {
          if (err instanceof RobotEnrollError) return reply.code(400).send({ error: 'bad_request', message: err.message });
          throw err;
        }
      },
    );

    app.post<{ Params: { id: string } }>('/api/v1/robots/:id/revoke', { config: MANAGE, schema: { params: idParams } }, async (req) => {
      await o.registry.revoke(req.params.id);
      o.fleet.remove(req.params.id);
      return { robotId: req.params.id, revoked: true };
    });

    app.post<{ Params: { id: string } }>('/api/v1/robots/:id/rotate-secret', { config: MANAGE, schema: { params: idParams } }, async (req) => {
      const secret = await o.registry.rotateSecret(req.params.id);
      return { robotId: req.params.id, secret, command: o.agentCommand(req.params.id, secret) };
    });

    app.post<{ Params: { id: string } }>('/api/v1/robots/:id/lease/revoke', { config: MANAGE, schema: { params: idParams } }, async (req) => {
      const holder = o.leases.holder(req.params.id);
      o.leases.revoke(req.params.id, 'revoked');
      return { robotId: req.params.id, revokedFrom: holder?.operatorId ?? null };
    });
  };
}

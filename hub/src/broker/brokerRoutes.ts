// Broker discovery for robots (GET /api/v1/broker) and, for external
// brokers, HTTP authentication/authorization endpoints in the shape EMQX's
// HTTP auth uses: POST a JSON body, get {"result": "allow" | "deny"}. Those
// answer only a caller with the configured token; without one they are off
// (else anyone could test robot secrets through them).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HubMetrics } from '../metrics/HubMetrics.ts';
import type { RobotAuthGuard } from '../robots/RobotAuthGuard.ts';
import type { BrokerLink } from './BrokerLink.ts';
import { rabbitmqAuthRoutes } from './rabbitmqAuthRoutes.ts';
import { robotMayPublish, robotMaySubscribe } from './robotAcl.ts';

export interface BrokerRoutesOptions {
  broker: BrokerLink;
  robotAuth: RobotAuthGuard;
  metrics: HubMetrics;
  /** The hub's own broker user, allowed everything. */
  hubUsername: string;
  hubPassword: string | undefined;
  /** Bearer token the auth endpoints require; unset turns them off. */
  authToken: string | undefined;
  /** Chain robots sign manifests for. */
  chainId: number;
  /** Enrolled and not revoked (RabbitMQ asks about robots again after they connected). */
  activeRobot(robotId: string): Promise<boolean>;
}

interface AuthBody {
  clientid?: string;
  username?: string;
  password?: string;
  /** The connecting client's address (EMQX's ${peerhost}); without it, failures are counted but not throttled. */
  peerhost?: string;
}

interface AclBody {
  clientid?: string;
  username?: string;
  topic: string;
  action: 'publish' | 'subscribe';
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Whether a request comes from the external broker: it carries the configured token (none configured: nobody is
 * the broker), as `Bearer TOKEN` (EMQX) or as the password of HTTP Basic (RabbitMQ, which sends a URL's user info).
 */
export function brokerToken(authToken: string | undefined): (req: FastifyRequest) => boolean {
  return (req) => {
    if (authToken === undefined) return false;
    const header = req.headers.authorization ?? '';
    if (header.startsWith('Basic ')) {
      const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
      return sameSecret(decoded.slice(decoded.indexOf(':') + 1), authToken);
    }
    return sameSecret(header, `Bearer ${authToken}`);
  };
}

const BROKER = { access: { action: 'broker:auth' } } as const;

export function brokerRoutes(o: BrokerRoutesOptions) {
  const isHub = (username: string | undefined, password: string | undefined): boolean =>
    o.hubPassword !== undefined && username === o.hubUsername && password !== undefined && sameSecret(password, o.hubPassword);
  /** The hub's user by name: for checks after the broker authenticated the connection (they carry no password). */
  const isHubUser = (username: string | undefined): boolean => o.hubPassword !== undefined && username === o.hubUsername;

  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/v1/broker', { config: { access: { action: 'public:read' } } }, async () => ({
      kind: o.broker.kind,
      mqttUrl: o.broker.robotUrl,
      mqttWsUrl: o.broker.robotWsUrl ?? null,
      protocolVersion: 4,
      chainId: o.chainId,
    }));

    if (o.authToken === undefined) {
      // Off, and saying how to turn them on.
      const off = { config: { access: { action: 'public:read' as const } } };
      const answer = async (_req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> =>
        reply.code(404).send({ error: 'not_found', message: 'the external-broker auth endpoints are off: start the hub with --broker-auth-token and give the broker that token' });
      app.post('/api/v1/broker/authenticate', off, answer);
      app.post('/api/v1/broker/authorize', off, answer);
      app.post('/api/v1/broker/rabbitmq/:path', off, answer);
      return;
    }

    app.post<{ Body: AuthBody }>(
      '/api/v1/broker/authenticate',
      {
        config: BROKER,
        schema: {
          body: {
            type: 'object',
            properties: { clientid: { type: 'string' }, username: { type: 'string' }, password: { type: 'string' }, peerhost: { type: 'string', maxLength: 64 } },
          },
        },
      },
      async (req) => {
        const { clientid, username, password, peerhost } = req.body;
        if (isHub(username, password)) return { result: 'allow', is_superuser: true };
        if (!username || !password || (clientid !== undefined && clientid !== username)) {
          o.metrics.drop('broker', 'auth_failed');
          return { result: 'deny' };
        }
        const res = await o.robotAuth.authenticate(username, password, { transport: 'broker', address: peerhost });
        if (res.ok) return { result: 'allow', is_superuser: false };
        if (res.reason !== 'throttled') o.metrics.drop('broker', res.reason === 'revoked' ? 'revoked_robot' : res.reason === 'unknown_robot' ? 'unknown_robot' : 'auth_failed');
        return { result: 'deny' };
      },
    );

    app.post<{ Body: AclBody }>(
      '/api/v1/broker/authorize',
      {
        config: BROKER,
        schema: {
          body: {
            type: 'object',
            required: ['topic', 'action'],
            properties: {
              clientid: { type: 'string' },
              username: { type: 'string' },
              topic: { type: 'string', minLength: 1, maxLength: 512 },
              action: { type: 'string', enum: ['publish', 'subscribe'] },
            },
          },
        },
      },
      async (req) => {
        const { username, topic, action } = req.body;
        if (isHubUser(username)) return { result: 'allow' };
        if (!username) return { result: 'deny' };
        const verdict = action === 'publish' ? robotMayPublish(username, topic) : robotMaySubscribe(username, topic);
        if (verdict.allowed) return { result: 'allow' };
        o.metrics.drop('robot', verdict.reason);
        return { result: 'deny' };
      },
    );

    await app.register(
      rabbitmqAuthRoutes({
        robotAuth: o.robotAuth,
        metrics: o.metrics,
        isHub: (username, password) => (password === undefined ? isHubUser(username) : isHub(username, password)),
        activeRobot: o.activeRobot,
      }),
    );
  };
}

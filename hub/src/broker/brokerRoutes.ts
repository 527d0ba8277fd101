// Broker discovery for robots (GET /api/v1/broker) and, for external
// brokers, HTTP authentication/authorization endpoints in the shape EMQX's
// HTTP auth uses: POST a JSON body, get {"result": "allow" | "deny"}.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HubMetrics } from '../metrics/HubMetrics.ts';
import type { RobotRegistry } from '../robots/RobotRegistry.ts';
import type { BrokerLink } from './BrokerLink.ts';
import { robotMayPublish, robotMaySubscribe } from './robotAcl.ts';

export interface BrokerRoutesOptions {
  broker: BrokerLink;
  registry: RobotRegistry;
  metrics: HubMetrics;
  /** The hub's own broker user, allowed everything. */
  hubUsername: string;
  hubPassword: string | undefined;
  /** Required bearer token for the auth endpoints, when set. */
  authToken: string | undefined;
  /** Chain robots sign manifests for. */
  chainId: number;
}

interface AuthBody {
  clientid?: string;
  username?: string;
  password?: string;
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

/** Whether a request comes from the external broker (it carries the configured token; without one, any caller is the broker). */
export function brokerToken(authToken: string | undefined): (req: FastifyRequest) => boolean {
  return (req) => authToken === undefined || sameSecret(req.headers.authorization ?? '', `Bearer ${authToken}`);
}

const BROKER = { access: { action: 'broker:auth' } } as const;

export function brokerRoutes(o: BrokerRoutesOptions) {
  const isHub = (username: string | undefined, password: string | undefined): boolean =>
    o.hubPassword !== undefined && username === o.hubUsername && password !== undefined && sameSecret(password, o.hubPassword);

  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/v1/broker', { config: { access: { action: 'public:read' } } }, async () => ({
      kind: o.broker.kind,
      mqttUrl: o.broker.robotUrl,
      mqttWsUrl: o.broker.robotWsUrl ?? null,
      protocolVersion: 4,
      chainId: o.chainId,
    }));

    app.post<{ Body: AuthBody }>(
      '/api/v1/broker/authenticate',
      {
        config: BROKER,
        schema: {
          body: {
            type: 'object',
            properties: { clientid: { type: 'string' }, username: { type: 'string' }, password: { type: 'string' } },
          },
        },
      },
      async (req) => {
        const { clientid, username, password } = req.body;
        if (isHub(username, password)) return { result: 'allow', is_superuser: true };
        if (!username || !password || (clientid !== undefined && clientid !== username)) {
          o.metrics.drop('broker', 'auth_failed');
          return { result: 'deny' };
        }
        const res = await o.registry.authenticate(username, password);
        if (res.ok) return { result: 'allow', is_superuser: false };
        o.metrics.drop('broker', res.reason === 'revoked' ? 'revoked_robot' : res.reason === 'unknown_robot' ? 'unknown_robot' : 'auth_failed');
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
        if (username === o.hubUsername && o.hubPassword !== undefined) return { result: 'allow' };
        if (!username) return { result: 'deny' };
        const verdict = action === 'publish' ? robotMayPublish(username, topic) : robotMaySubscribe(username, topic);
        if (verdict.allowed) return { result: 'allow' };
        o.metrics.drop('robot', verdict.reason);
        return { result: 'deny' };
      },
    );
  };
}

// RabbitMQ's HTTP auth backend (rabbitmq_auth_backend_http, with
// auth_http.http_method = post) asking the hub: the user, vhost, resource and
// topic paths, form-encoded bodies, plain-text "allow" / "deny" answers. The
// backend cannot send headers; it authenticates with the token as the
// password of the URL's user info (http://broker:TOKEN@hub/...), which it
// sends as HTTP Basic. RabbitMQ caches topic answers per connection, so a
// robot's messages cost no request each; connecting costs one secret check.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { HubMetrics } from '../metrics/HubMetrics.ts';
import type { RobotAuthGuard } from '../robots/RobotAuthGuard.ts';
import { robotMayPublish, robotMaySubscribe } from './robotAcl.ts';

export interface RabbitMqAuthRoutesOptions {
  robotAuth: RobotAuthGuard;
  metrics: HubMetrics;
  /** Whether a name is the hub's own broker user (with its password, when given). */
  isHub(username: string | undefined, password?: string): boolean;
  /** Enrolled and not revoked: asked again on every later check, so a revoked robot is refused even on a cached connection's new queue or topic. */
  activeRobot(robotId: string): Promise<boolean>;
}

/** The MQTT plugin maps MQTT's "/" onto AMQP's "." and "+" onto "*": undo it to read the MQTT topic (filter). */
export function mqttTopicOfRoutingKey(routingKey: string): string {
  return routingKey
    .split('')
    .map((c) => (c === '.' ? '/' : c === '/' ? '.' : c))
    .join('')
    .split('/')
    .map((level) => (level === '*' ? '+' : level))
    .join('/');
}

/** Queues the MQTT plugin declares for a client's subscriptions (clean session: auto-deleted). */
function isOwnSubscriptionQueue(robotId: string, name: string): boolean {
  return name === `mqtt-subscription-${robotId}qos0` || name === `mqtt-subscription-${robotId}qos1`;
}

const str = { type: 'string', maxLength: 512 } as const;
const schema = (required: string[], extra: Record<string, unknown> = {}) => ({
  body: {
    type: 'object',
    required,
    properties: { username: str, vhost: str, client_id: str, ip: str, tags: str, resource: str, name: str, permission: str, routing_key: str, ...extra },
  },
});

export function rabbitmqAuthRoutes(o: RabbitMqAuthRoutesOptions) {
  const BROKER = { access: { action: 'broker:auth' } } as const;
  const answer = (reply: FastifyReply, allow: boolean, tags = ''): FastifyReply =>
    reply.type('text/plain').send(allow ? (tags ? `allow ${tags}` : 'allow') : 'deny');

  return async (app: FastifyInstance): Promise<void> => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    app.post<{ Body: { username: string; password?: string; client_id?: string } }>(
      '/api/v1/broker/rabbitmq/user',
      { config: BROKER, schema: schema(['username'], { password: str }) },
      async (req, reply) => {
        const { username, password, client_id } = req.body;
        if (password !== undefined && o.isHub(username, password)) return answer(reply, true, 'administrator');
        // A robot connects under its own id as client id, so that the hub can end its connection by taking that id over.
        if (!password || (client_id !== undefined && client_id !== username)) {
          o.metrics.drop('broker', 'auth_failed');
          return answer(reply, false);
        }
        // RabbitMQ does not tell the user path the client's address: failures are counted, not throttled by address.
        const res = await o.robotAuth.authenticate(username, password, { transport: 'broker', address: undefined });
        if (res.ok) return answer(reply, true);
        if (res.reason !== 'throttled') o.metrics.drop('broker', res.reason === 'revoked' ? 'revoked_robot' : res.reason === 'unknown_robot' ? 'unknown_robot' : 'auth_failed');
        return answer(reply, false);
      },
    );

    app.post<{ Body: { username: string } }>('/api/v1/broker/rabbitmq/vhost', { config: BROKER, schema: schema(['username']) }, async (req, reply) => {
      const { username } = req.body;
      return answer(reply, o.isHub(username) || (await o.activeRobot(username)));
    });

    app.post<{ Body: { username: string; resource: string; name: string; permission: string } }>(
      '/api/v1/broker/rabbitmq/resource',
      { config: BROKER, schema: schema(['username', 'resource', 'name', 'permission']) },
      async (req, reply) => {
        const { username, resource, name, permission } = req.body;
        if (o.isHub(username)) return answer(reply, true);
        // Publishing goes to the MQTT exchange (write); a subscription binds the robot's own queue to it (read).
        const allowed =
          (resource === 'exchange' && name === 'amq.topic' && (permission === 'write' || permission === 'read')) ||
          (resource === 'queue' && isOwnSubscriptionQueue(username, name));
        if (!allowed) {
          o.metrics.drop('robot', 'foreign_topic');
          return answer(reply, false);
        }
        return answer(reply, await o.activeRobot(username));
      },
    );

    app.post<{ Body: { username: string; resource: string; name: string; permission: string; routing_key: string } }>(
      '/api/v1/broker/rabbitmq/topic',
      { config: BROKER, schema: schema(['username', 'permission', 'routing_key']) },
      async (req, reply) => {
        const { username, name, permission, routing_key } = req.body;
        if (o.isHub(username)) return answer(reply, true);
        if (name !== undefined && name !== 'amq.topic') return answer(reply, false);
        const topic = mqttTopicOfRoutingKey(routing_key);
        const verdict = permission === 'write' ? robotMayPublish(username, topic) : permission === 'read' ? robotMaySubscribe(username, topic) : undefined;
        if (!verdict?.allowed) {
          o.metrics.drop('robot', verdict?.reason ?? 'foreign_topic');
          return answer(reply, false);
        }
        return answer(reply, await o.activeRobot(username));
      },
    );
  };
}

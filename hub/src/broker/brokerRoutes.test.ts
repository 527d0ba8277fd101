// The EMQX-shaped HTTP auth endpoints against a real in-process hub (SQLite, embedded broker).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hub } from '../Hub.ts';
import { testHubConfig } from '../testing.ts';

describe('broker HTTP auth endpoints', () => {
  const { config, cleanup } = testHubConfig(['--mqtt-password', 'hub-pass', '--broker-auth-token', 'tok']);
  let hub: Hub;
  let robot: { id: string; secret: string };

  const post = async (path: string, body: unknown, token = 'tok'): Promise<{ status: number; body: { result: string; is_superuser?: boolean } }> => {
    const res = await fetch(`${hub.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { result: string } };
  };

  beforeAll(async () => {
    hub = await Hub.start(config);
    const e = await hub.registry.enroll({ name: 'a', model: 'so101_sim' });
    robot = { id: e.robot.id, secret: e.secret };
  });
  afterAll(async () => {
    await hub.close();
    cleanup();
  });

  it('announces the embedded broker for discovery', async () => {
    const res = (await (await fetch(`${hub.url}/api/v1/broker`)).json()) as Record<string, unknown>;
    expect(res.kind).toBe('embedded');
    expect(res.mqttUrl).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+$/);
    expect(res.mqttWsUrl).toBe(`${hub.url.replace('http', 'ws')}/mqtt`);
  });

  it('authenticates robots by id and secret, and the hub user as superuser', async () => {
    expect((await post('/api/v1/broker/authenticate', { clientid: robot.id, username: robot.id, password: robot.secret })).body).toEqual({ result: 'allow', is_superuser: false });
    expect((await post('/api/v1/broker/authenticate', { clientid: robot.id, username: robot.id, password: 'wrong' })).body).toEqual({ result: 'deny' });
    expect((await post('/api/v1/broker/authenticate', { clientid: 'other', username: robot.id, password: robot.secret })).body).toEqual({ result: 'deny' });
    expect((await post('/api/v1/broker/authenticate', { username: 'hub', password: 'hub-pass' })).body).toEqual({ result: 'allow', is_superuser: true });
    expect((await post('/api/v1/broker/authenticate', { username: 'hub', password: 'nope' })).body.result).toBe('deny');
    await hub.registry.revoke(robot.id);
    expect((await post('/api/v1/broker/authenticate', { clientid: robot.id, username: robot.id, password: robot.secret })).body).toEqual({ result: 'deny' });
  });

  it('authorizes a robot only under its own subtree, in the contract direction', async () => {
    const acl = async (topic: string, action: string): Promise<string> => (await post('/api/v1/broker/authorize', { username: robot.id, topic, action })).body.result;
    expect(await acl(`robots/${robot.id}/state`, 'publish')).toBe('allow');
    expect(await acl(`robots/${robot.id}/cmd/control`, 'subscribe')).toBe('allow');
    expect(await acl(`robots/${robot.id}/cmd/control`, 'publish')).toBe('deny');
    expect(await acl('robots/r-other/state', 'publish')).toBe('deny');
    expect(await acl('robots/+/state', 'subscribe')).toBe('deny');
    expect(await acl('#', 'subscribe')).toBe('deny');
    expect((await post('/api/v1/broker/authorize', { username: 'hub', topic: 'robots/x/cmd/control', action: 'publish' })).body.result).toBe('allow');
  });

  it('requires the configured bearer token and validates bodies', async () => {
    expect((await post('/api/v1/broker/authenticate', { username: 'hub', password: 'hub-pass' }, 'bad')).status).toBe(401);
    const res = await fetch(`${hub.url}/api/v1/broker/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer tok' },
      body: JSON.stringify({ username: 'x', topic: 'a', action: 'delete' }),
    });
    expect(res.status).toBe(400);
  });

  describe('RabbitMQ HTTP auth backend paths', () => {
    const rmq = async (path: string, form: Record<string, string>, token = 'tok'): Promise<{ status: number; text: string }> => {
      const res = await fetch(`${hub.url}/api/v1/broker/rabbitmq/${path}`, {
        method: 'POST',
        // What rabbitmq_auth_backend_http sends for http://broker:TOKEN@hub/...: Basic auth and a form body.
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`broker:${token}`).toString('base64')}` },
        body: new URLSearchParams(form).toString(),
      });
      return { status: res.status, text: await res.text() };
    };
    let r: { id: string; secret: string };
    beforeAll(async () => {
      const e = await hub.registry.enroll({ name: 'rabbit arm', model: 'so101_sim' });
      r = { id: e.robot.id, secret: e.secret };
    });

    it('authenticates a robot under its own client id, and the hub user as administrator', async () => {
      expect(await rmq('user', { username: r.id, password: r.secret, vhost: '/', client_id: r.id })).toEqual({ status: 200, text: 'allow' });
      expect((await rmq('user', { username: r.id, password: 'wrong', vhost: '/', client_id: r.id })).text).toBe('deny');
      expect((await rmq('user', { username: r.id, password: r.secret, vhost: '/', client_id: 'elsewhere' })).text).toBe('deny');
      expect((await rmq('user', { username: 'hub', password: 'hub-pass' })).text).toBe('allow administrator');
      expect((await rmq('user', { username: 'hub', password: 'nope' })).text).toBe('deny');
      expect((await rmq('vhost', { username: r.id, vhost: '/', ip: '127.0.0.1' })).text).toBe('allow');
      expect((await rmq('vhost', { username: 'r-never-enrolled', vhost: '/', ip: '127.0.0.1' })).text).toBe('deny');
    });

    it('lets a robot use only its own subscription queues and its own topics, in the contract direction', async () => {
      const resource = async (resource: string, name: string, permission: string): Promise<string> => (await rmq('resource', { username: r.id, vhost: '/', resource, name, permission })).text;
      expect(await resource('queue', `mqtt-subscription-${r.id}qos1`, 'configure')).toBe('allow');
      expect(await resource('exchange', 'amq.topic', 'write')).toBe('allow');
      expect(await resource('queue', 'mqtt-subscription-r-otherqos1', 'read')).toBe('deny');
      expect(await resource('exchange', 'amq.direct', 'write')).toBe('deny');
      const topic = async (routingKey: string, permission: string): Promise<string> =>
        (await rmq('topic', { username: r.id, vhost: '/', resource: 'topic', name: 'amq.topic', permission, routing_key: routingKey })).text;
      expect(await topic(`robots.${r.id}.state`, 'write')).toBe('allow');
      expect(await topic(`robots.${r.id}.cmd.#`, 'read')).toBe('allow');
      expect(await topic(`robots.${r.id}.cmd.control`, 'write')).toBe('deny');
      expect(await topic('robots.r-other.state', 'write')).toBe('deny');
      expect(await topic('robots.*.state', 'read')).toBe('deny');
      expect((await rmq('topic', { username: 'hub', vhost: '/', resource: 'topic', name: 'amq.topic', permission: 'read', routing_key: '#' })).text).toBe('allow');
    });

    it('refuses a revoked robot on every path, and any caller without the token', async () => {
      expect((await rmq('user', { username: 'hub', password: 'hub-pass' }, 'bad')).status).toBe(401);
      await hub.registry.revoke(r.id);
      expect((await rmq('user', { username: r.id, password: r.secret, client_id: r.id })).text).toBe('deny');
      expect((await rmq('vhost', { username: r.id, vhost: '/' })).text).toBe('deny');
      expect((await rmq('topic', { username: r.id, permission: 'write', routing_key: `robots.${r.id}.state` })).text).toBe('deny');
    });
  });
});

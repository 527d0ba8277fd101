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
});

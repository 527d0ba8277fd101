// Groundwork of several hubs behind one address (issue 20): the clustering
// broker and the load balancer, real and started by the test (Debian
// packages rabbitmq-server, haproxy, redis-server).
// 1. RabbitMQ with its MQTT plugin asks the hub about every robot
//    (rabbitmq_auth_backend_http): a robot agent connects through it and its
//    state reaches an operator; RabbitMQ itself keeps a robot out of another
//    robot's topics; revoke and rotate take effect at the broker at once.
// 2. Two hubs behind HAProxy: health checks on /api/v1/health, an operator's
//    sign-in and socket.io connection pinned to one hub by HAProxy's cookie,
//    and a killed hub taken out so that new connections reach the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { io, type Socket } from 'socket.io-client';
import { nowNs, operatorSocketParser, robotTopic, toLong, v1 } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { startHaproxy, STICKY_COOKIE, type RunningHaproxy } from '../harness/haproxy.ts';
import { freePort } from '../harness/mosquitto.ts';
import { enrollRobot, eventually, metric, PATIENCE_MS, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess } from '../harness/processes.ts';
import { startRabbitMq, type RunningRabbitMq } from '../harness/rabbitmq.ts';
import { startRedis, type RunningRedis } from '../harness/redis.ts';
import { keyFor, signIn } from '../harness/signIn.ts';

const HUB_PASSWORD = 'hub-cluster-password';
const BROKER_TOKEN = 'broker-token-for-the-test';

/** Resolves once `client` is closed (by the broker); rejects if it is still open after PATIENCE_MS. */
function closedByBroker(client: MqttClient): Promise<void> {
  if (!client.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the broker kept the connection open')), PATIENCE_MS);
    client.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Connects a raw MQTT client as a robot would (its id as client id and user), without reconnecting. */
function connectRobot(url: string, robotId: string, secret: string): Promise<MqttClient> {
  return mqtt.connectAsync(url, { clientId: robotId, username: robotId, password: secret, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: PATIENCE_MS });
}

describe('clustering broker (RabbitMQ, auth and ACL asked of the hub)', () => {
  const data = tempDir('rabbit');
  let rabbit: RunningRabbitMq;
  let hub: RunningHub;
  let creds: RobotCredentials;
  let agent: TestProcess;
  let op: OperatorClient;
  const clients: MqttClient[] = [];

  beforeAll(async () => {
    creds = await enrollRobot(data.path, 'arm on rabbitmq');
    // The broker asks the hub at a port chosen before either starts; the hub's own user is RabbitMQ's (internal).
    const hubPort = await freePort();
    rabbit = await startRabbitMq(data.path, {
      hubUsername: 'hub',
      hubPassword: HUB_PASSWORD,
      authHttpBase: `http://broker:${BROKER_TOKEN}@127.0.0.1:${hubPort}/api/v1/broker/rabbitmq`,
    });
    hub = await startHub(data.path, ['--port', String(hubPort), '--mqtt-url', rabbit.url, '--mqtt-username', 'hub', '--broker-auth-token', BROKER_TOKEN], {
      TELEOP_MQTT_PASSWORD: HUB_PASSWORD,
    });
    agent = await startAgent(hub.url, creds);
    op = await OperatorClient.connect(hub.url, 'rabbit-op');
  });

  afterAll(async () => {
    for (const c of clients) c.end(true);
    op?.close();
    await agent?.stop();
    await hub?.process.stop();
    await rabbit?.stop();
    data.remove();
  });

  it('a robot agent connects through RabbitMQ, authenticated by the hub, and its state reaches an operator', async () => {
    const line = await agent.waitForLog((l) => l.msg === 'connected to the hub broker');
    expect(line.url).toBe(rabbit.url);
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online via rabbitmq');
    await op.subscribe(creds.robotId);
    expect((await op.requestLease(creds.robotId)).status).toBe('granted');
    const target = [0.4, -0.3, 0.2, 0, 0.1, 0.3];
    const stop = op.stream(creds.robotId, target, 50);
    try {
      await op.waitForState((s) => s.state.positions.every((p, i) => Math.abs(p - target[i]!) < 0.005));
    } finally {
      stop();
    }
  });

  it('refuses a wrong secret, and a robot under another client id than its own', async () => {
    await expect(connectRobot(rabbit.url, creds.robotId, 'not-the-secret')).rejects.toThrow(/not authorized|bad user/i);
    await expect(
      mqtt.connectAsync(rabbit.url, { clientId: 'someone-else', username: creds.robotId, password: creds.secret, protocolVersion: 4, reconnectPeriod: 0 }),
    ).rejects.toThrow(/not authorized|bad user/i);
  });

  it("RabbitMQ keeps a robot out of another robot's topics", async () => {
    const other = await ownerEnrolls(hub.url, op.token, 'other arm on rabbitmq');
    const before = await metric(hub.url, 'teleop_messages_dropped_total', { source: 'robot', reason: 'foreign_topic' });

    // Subscribing to the first robot's commands: refused (a failure in the SUBACK, or the connection closed).
    const spy = await connectRobot(rabbit.url, other.robotId, other.secret);
    clients.push(spy);
    const outcome = await Promise.race([
      spy.subscribeAsync(robotTopic(creds.robotId, 'control'), { qos: 1 }).then(
        (granted) => (granted.every((g) => g.qos === 128) ? 'refused' : 'granted'),
        () => 'refused',
      ),
      closedByBroker(spy).then(() => 'closed'),
    ]);
    expect(['refused', 'closed']).toContain(outcome);
    // Its own subtree is fine.
    const own = await connectRobot(rabbit.url, other.robotId, other.secret);
    clients.push(own);
    expect((await own.subscribeAsync(`robots/${other.robotId}/cmd/#`, { qos: 1 })).map((g) => g.qos)).toEqual([1]);
    own.end(true);

    // Publishing a forged command for the first robot: RabbitMQ closes the publisher's connection.
    const forger = await connectRobot(rabbit.url, other.robotId, other.secret);
    clients.push(forger);
    const closed = closedByBroker(forger);
    const forged = v1.ControlCommand.encode({ sequence: toLong(99n), sendTimeNs: toLong(nowNs()), leaseId: op.leaseId ?? '', mode: 1, values: [1.5, 1.5, 1.5, 0, 0, 0] }).finish();
    forger.publish(robotTopic(creds.robotId, 'control'), Buffer.from(forged), { qos: 0 });
    await closed;
    // The hub answered the broker's questions with those denials.
    await eventually(async () => (await metric(hub.url, 'teleop_messages_dropped_total', { source: 'robot', reason: 'foreign_topic' })) >= before + 2, undefined, 'denials counted');
    // Had RabbitMQ delivered it, the agent would have applied it (valid lease, fresh, newer sequence).
    expect(op.states.some((s) => s.state.appliedPositions[0] === 1.5)).toBe(false);
  });

  it('revoking a robot ends its connection at the broker at once and refuses it from then on', async () => {
    const enrolled = await ownerEnrolls(hub.url, op.token, 'revoked arm');
    const robot = await connectRobot(rabbit.url, enrolled.robotId, enrolled.secret);
    clients.push(robot);
    const closed = closedByBroker(robot);
    const res = await fetch(`${hub.url}/api/v1/robots/${enrolled.robotId}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${op.token}` } });
    expect(res.status).toBe(200);
    await closed;
    await expect(connectRobot(rabbit.url, enrolled.robotId, enrolled.secret)).rejects.toThrow(/not authorized|bad user/i);
  });

  it('rotating a secret ends the connection made with the old one; only the new one connects', async () => {
    const enrolled = await ownerEnrolls(hub.url, op.token, 'rotated arm');
    const robot = await connectRobot(rabbit.url, enrolled.robotId, enrolled.secret);
    clients.push(robot);
    const closed = closedByBroker(robot);
    const res = await fetch(`${hub.url}/api/v1/robots/${enrolled.robotId}/rotate-secret`, { method: 'POST', headers: { authorization: `Bearer ${op.token}` } });
    expect(res.status).toBe(200);
    const { secret } = (await res.json()) as { secret: string };
    await closed;
    await expect(connectRobot(rabbit.url, enrolled.robotId, enrolled.secret)).rejects.toThrow(/not authorized|bad user/i);
    const again = await connectRobot(rabbit.url, enrolled.robotId, secret);
    clients.push(again);
    expect(again.connected).toBe(true);
  });
});

async function ownerEnrolls(hubUrl: string, token: string, name: string): Promise<RobotCredentials> {
  const res = await fetch(`${hubUrl}/api/v1/robots`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, model: 'so101_sim' }),
  });
  if (res.status !== 201) throw new Error(`enroll failed (${res.status}): ${await res.text()}`);
  return (await res.json()) as RobotCredentials;
}

/** The hub a response pinned the client to (HAProxy's inserted cookie), or undefined. */
function stickyHub(res: Response): string | undefined {
  const m = new RegExp(`${STICKY_COOKIE}=([^;]+)`).exec(res.headers.get('set-cookie') ?? '');
  return m?.[1];
}

/** A socket.io operator connection through HAProxy, sending the sticky cookie as a browser would; polling first, then the WebSocket upgrade. */
function operatorSocket(url: string, token: string, cookie: string): Promise<Socket> {
  const socket = io(url, { transports: ['polling', 'websocket'], parser: operatorSocketParser, auth: { token }, extraHeaders: { cookie }, reconnection: false });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no socket.io connection')), PATIENCE_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    });
  });
}

describe('two hubs behind HAProxy', () => {
  const data = tempDir('haproxy');
  let haproxy: RunningHaproxy;
  let redis: RunningRedis;
  const hubs: Record<string, RunningHub> = {};
  const hubDirs: { remove: () => void }[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    const ports = { 'hub-a': await freePort(), 'hub-b': await freePort() };
    haproxy = await startHaproxy(
      data.path,
      Object.entries(ports).map(([name, port]) => ({ name, address: `127.0.0.1:${port}` })),
      { checkIntervalMs: 300, fall: 2, rise: 1 },
    );
    redis = await startRedis(data.path);
    // Each hub is told the one public address: sign-in messages name it, as a browser behind HAProxy sees it.
    for (const [name, port] of Object.entries(ports)) {
      const dir = tempDir(`haproxy-${name}`);
      hubDirs.push(dir);
      hubs[name] = await startHub(dir.path, ['--port', String(port), '--public-url', haproxy.url]);
    }
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const h of Object.values(hubs)) await h.process.stop();
    for (const d of hubDirs) d.remove();
    await haproxy?.stop();
    await redis?.stop();
    data.remove();
  });

  it('starts Redis beside them (the shared state of later steps)', async () => {
    expect(await redis.command('PING')).toBe('+PONG\r\n');
  });

  it('health-checks both hubs on /api/v1/health and spreads new clients over them', async () => {
    await eventually(async () => {
      const s = await haproxy.serverStatus();
      return s['hub-a'] === 'UP' && s['hub-b'] === 'UP';
    }, undefined, 'both hubs UP in HAProxy');
    const pinned = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${haproxy.url}/api/v1/health`);
      expect(res.status).toBe(200);
      pinned.add(stickyHub(res)!);
    }
    expect([...pinned].sort()).toEqual(['hub-a', 'hub-b']);
  });

  it("pins an operator's sign-in and socket.io connection to one hub by the cookie", async () => {
    const first = await fetch(`${haproxy.url}/api/v1/health`);
    const home = stickyHub(first)!;
    const away = home === 'hub-a' ? 'hub-b' : 'hub-a';
    const cookie = `${STICKY_COOKIE}=${home}`;
    // The nonce and the session live in the hub that issued them: sign-in works only if both requests reach it.
    const { token } = await signIn(haproxy.url, keyFor('sticky-op'), { cookie });
    const socket = await operatorSocket(haproxy.url, token, cookie);
    sockets.push(socket);
    // Past the polling handshake, the upgrade to a WebSocket goes through HAProxy to the same hub.
    await eventually(async () => (socket.io.engine.transport.name === 'websocket' ? true : undefined), undefined, 'upgraded to websocket');
    const robots = await new Promise<unknown>((resolve) => socket.emit('robots:list', resolve));
    expect(robots).toMatchObject({ ok: true });
    // The same session pinned to the other hub is unknown there: the cookie is what keeps the operator home.
    await expect(operatorSocket(haproxy.url, token, `${STICKY_COOKIE}=${away}`)).rejects.toThrow();
  });

  it('takes a killed hub out by its health checks; new connections reach the other', async () => {
    const first = await fetch(`${haproxy.url}/api/v1/health`);
    const victim = stickyHub(first)!;
    const survivor = victim === 'hub-a' ? 'hub-b' : 'hub-a';
    const cookie = `${STICKY_COOKIE}=${victim}`;
    const { token } = await signIn(haproxy.url, keyFor('failover-op'), { cookie });
    const socket = await operatorSocket(haproxy.url, token, cookie);
    sockets.push(socket);
    const lost = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));

    await hubs[victim]!.process.stop('SIGKILL');
    await lost;
    await eventually(async () => ((await haproxy.serverStatus())[victim]?.startsWith('DOWN') ? true : undefined), undefined, `${victim} DOWN in HAProxy`);

    // A browser still carrying the dead hub's cookie is sent to the survivor, and re-pinned there.
    const res = await fetch(`${haproxy.url}/api/v1/health`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(stickyHub(res)).toBe(survivor);
    const again = await signIn(haproxy.url, keyFor('failover-op'), { cookie: `${STICKY_COOKIE}=${survivor}` });
    const resumed = await operatorSocket(haproxy.url, again.token, `${STICKY_COOKIE}=${survivor}`);
    sockets.push(resumed);
    expect(resumed.connected).toBe(true);
    for (let i = 0; i < 4; i++) expect(stickyHub(await fetch(`${haproxy.url}/api/v1/health`))).toBe(survivor);
  });
});

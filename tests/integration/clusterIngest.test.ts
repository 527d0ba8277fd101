// Robots shared among hubs (issue 20, point 1): three hubs on one Redis and one
// Mosquitto, a real agent and a few simulated robots publishing at 20 Hz. Each
// robot is ingested by exactly one hub (the rendezvous owner over the hubs
// alive); an operator on a hub that does not ingest the agent's robot watches
// it and drives it (lease through Redis, each command published once); killing
// the ingesting hub moves the robot to another within the liveness time to live
// plus a margin, and the watching operator's state goes on; a hub joining
// takes exactly its share; a robot going offline is offline on every hub and
// its lease ends wherever the holder is connected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { fromLong, nowNs, robotTopic, toLong, v1 } from '@teleop/proto';
import { rendezvousOwner } from '@teleop/hub';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { startHaproxy, STICKY_COOKIE, type RunningHaproxy } from '../harness/haproxy.ts';
import { freePort, startMosquitto, type RunningMosquitto } from '../harness/mosquitto.ts';
import { enrollRobot, eventually, metric, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess } from '../harness/processes.ts';
import { startRedis, type RunningRedis } from '../harness/redis.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { ingestOf, near } from '../harness/cluster.ts';

const HUB_PASSWORD = 'hub-ingest-password';
/** Liveness time to live of a hub in Redis (and of its leases). */
const TTL_MS = 2000;
/** How long after a hub dies its robots may take to move: its liveness time to live, plus the others' look (500 ms), plus slack for a busy machine. */
const MOVE_BOUND_MS = TTL_MS + 2500;
const SIMULATED = 5;
const POSE = [0.3, -0.2, 0.1, 0, 0.1, 0.2];
const POSE_B = [-0.3, 0.2, -0.1, 0, 0.2, 0.4];

interface HubView {
  hub: RunningHub;
  hubId: string;
  /** Its server name behind HAProxy (the sticky cookie's value). */
  name: string;
}

/** Simulated robots: real MQTT connections that announce themselves (retained) and publish JointState at 20 Hz. */
async function simulate(url: string, robots: RobotCredentials[]): Promise<{ stop: () => Promise<void> }> {
  const joints = ['a', 'b', 'c'].map((name) => ({ name, unit: 'rad', minPosition: -1.5, maxPosition: 1.5, maxVelocity: 3 }));
  const clients: MqttClient[] = [];
  const timers: NodeJS.Timeout[] = [];
  for (const { robotId, secret } of robots) {
    const client = await mqtt.connectAsync(url, {
      clientId: robotId,
      username: robotId,
      password: secret,
      protocolVersion: 4,
      reconnectPeriod: 0,
      will: { topic: robotTopic(robotId, 'presence'), payload: Buffer.from('offline'), qos: 1, retain: true },
    });
    clients.push(client);
    const describe = v1.RobotDescription.encode({ robotId, model: 'sim', joints, controlModes: [1], stateRateHz: 20 }).finish();
    await client.publishAsync(robotTopic(robotId, 'describe'), Buffer.from(describe), { qos: 1, retain: true });
    await client.publishAsync(robotTopic(robotId, 'presence'), 'online', { qos: 1, retain: true });
    let sequence = 0n;
    timers.push(
      setInterval(() => {
        const payload = v1.JointState.encode({ captureTimeNs: toLong(nowNs()), positions: [0, 0, 0], velocities: [0, 0, 0], efforts: [0, 0, 0], stateSequence: toLong(++sequence) }).finish();
        client.publish(robotTopic(robotId, 'state'), Buffer.from(payload), { qos: 0 });
      }, 50),
    );
  }
  return {
    stop: async () => {
      for (const t of timers) clearInterval(t);
      await Promise.all(clients.map((c) => c.endAsync(true)));
    },
  };
}

describe('robots shared among three hubs (rendezvous hashing over the hubs alive in Redis)', () => {
  const data = tempDir('cluster-ingest');
  let broker: RunningMosquitto;
  let redis: RunningRedis;
  /** The one address in front of the three hubs: the operator reaches the hub it is pinned to through it. */
  let haproxy: RunningHaproxy;
  let hubs: HubView[] = [];
  let agentCreds: RobotCredentials;
  let simulatedCreds: RobotCredentials[] = [];
  let agent: TestProcess;
  let sim: { stop: () => Promise<void> };
  let operator: OperatorClient;
  /** The hub that ingests the agent's robot, and the one the operator is on (another). */
  let owner: HubView;
  let watching: HubView;
  /** Every control message published to the agent's robot, as the broker delivered it (a client with the hubs' rights). */
  let controlSeen: bigint[] = [];
  let monitor: MqttClient;
  let hubArgs: string[] = [];

  const allIds = (): string[] => [agentCreds.robotId, ...simulatedCreds.map((c) => c.robotId)];

  /** Waits until the hubs alive agree on `alive` and each ingests exactly the robots rendezvous hashing gives it. */
  async function settled(alive: HubView[]): Promise<Map<string, number>> {
    const ids = alive.map((h) => h.hubId);
    const expected = new Map<string, number>(ids.map((id) => [id, 0]));
    for (const robotId of allIds()) {
      const o = rendezvousOwner(robotId, [...ids].sort());
      expected.set(o, expected.get(o)! + 1);
    }
    return eventually(
      async () => {
        for (const h of alive) {
          const ingest = await ingestOf(h.hub);
          if (!ingest || ingest.hubsAlive !== alive.length || ingest.robotsIngested !== expected.get(h.hubId)) return undefined;
        }
        return expected;
      },
      60_000,
      `each of ${alive.length} hubs ingesting its share (${JSON.stringify([...expected])})`,
    );
  }

  beforeAll(async () => {
    agentCreds = await enrollRobot(data.path, 'arm shared by three hubs');
    for (let i = 0; i < SIMULATED; i++) simulatedCreds.push(await enrollRobot(data.path, `simulated ${i}`, 'sim'));
    broker = await startMosquitto(data.path, { hub: HUB_PASSWORD, [agentCreds.robotId]: agentCreds.secret, ...Object.fromEntries(simulatedCreds.map((c) => [c.robotId, c.secret])) });
    redis = await startRedis(data.path);
    const args = (hubArgs = ['--mqtt-url', broker.url, '--mqtt-username', 'hub', '--redis-url', redis.url, '--lease-ttl-ms', String(TTL_MS), '--robot-silence-ms', '3000', '--log-level', 'info']);
    const ports = [await freePort(), await freePort(), await freePort()];
    haproxy = await startHaproxy(data.path, ports.map((port, i) => ({ name: `hub-${i}`, address: `127.0.0.1:${port}` })), { checkIntervalMs: 300, fall: 2, rise: 1 });
    for (const [i, port] of ports.entries()) {
      // One after the other: the first sets the database up.
      const hub = await startHub(data.path, [...args, '--port', String(port)], { TELEOP_MQTT_PASSWORD: HUB_PASSWORD });
      hubs.push({ hub, hubId: '', name: `hub-${i}` });
    }
    for (const h of hubs) {
      const ingest = await ingestOf(h.hub);
      h.hubId = ingest?.hubId ?? '';
    }
    monitor = await mqtt.connectAsync(broker.url, { username: 'hub', password: HUB_PASSWORD, reconnectPeriod: 0 });
    monitor.on('message', (_topic, payload) => controlSeen.push(fromLong(v1.ControlCommand.decode(payload).sequence)));
    await monitor.subscribeAsync(robotTopic(agentCreds.robotId, 'control'), { qos: 0 });
    agent = await startAgent(hubs[0]!.hub.url, agentCreds);
    sim = await simulate(broker.url, simulatedCreds);
  });

  afterAll(async () => {
    operator?.close();
    await monitor?.endAsync();
    await sim?.stop();
    await agent?.stop();
    for (const h of hubs) await h.hub.process.stop();
    await broker?.stop();
    await redis?.stop();
    await haproxy?.stop();
    data.remove();
  });

  it('ingests each robot on exactly one hub, and every hub lists every robot online', async () => {
    expect(hubs.every((h) => h.hubId !== '')).toBe(true);
    const shares = await settled(hubs);
    expect([...shares.values()].reduce((a, b) => a + b, 0)).toBe(allIds().length);
    // Every hub lists every robot online, whichever hub ingests it.
    for (const h of hubs) {
      const op = await OperatorClient.connect(h.hub.url, `lister-${h.hubId}`);
      try {
        await eventually(async () => {
          const online = new Set((await op.listRobots()).filter((r) => r.online).map((r) => r.robotId));
          return allIds().every((id) => online.has(id)) ? true : undefined;
        }, 60_000, `every robot online at hub ${h.hubId}`);
      } finally {
        op.close();
      }
    }
    // States reach only the hub that ingests their robot: over a second, the hubs together take in about one copy
    // of each robot's states (20 Hz each), not one per hub.
    const before = await Promise.all(hubs.map((h) => metric(h.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'state' })));
    const startedAt = Date.now();
    await new Promise((r) => setTimeout(r, 2000));
    const after = await Promise.all(hubs.map((h) => metric(h.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'state' })));
    const seconds = (Date.now() - startedAt) / 1000;
    const perSecond = after.reduce((a, b, i) => a + b - before[i]!, 0) / seconds;
    // The agent publishes at its own rate (about 50 Hz) and the simulated robots at 20 Hz: one copy is well under 2x.
    expect(perSecond).toBeLessThan(1.6 * (SIMULATED * 20 + 60));
  });

  it('an operator on a hub that does not ingest the robot watches it and drives it: the lease through Redis, each command published once', async () => {
    const ids = hubs.map((h) => h.hubId).sort();
    owner = hubs.find((h) => h.hubId === rendezvousOwner(agentCreds.robotId, ids))!;
    watching = hubs.find((h) => h !== owner)!;
    // Through the one address, pinned (HAProxy's sticky cookie) to a hub that does not ingest the robot.
    const cookie = { cookie: `${STICKY_COOKIE}=${watching.name}` };
    const session = await signIn(haproxy.url, keyFor('ingest-operator'), cookie);
    operator = await new OperatorClient(haproxy.url, session.token, session.address, cookie).connected();
    await eventually(async () => ((await operator.listRobots()).find((r) => r.robotId === agentCreds.robotId)?.online ? true : undefined), 60_000, 'robot online on the watching hub');
    const sub = await operator.subscribe(agentCreds.robotId);
    expect(sub.describe.joints.length).toBe(6);
    await operator.waitForState(() => true, 30_000);
    const lease = await operator.requestLease(agentCreds.robotId);
    expect(lease.status).toBe('granted');
    await operator.waitLeaseApplied(agentCreds.robotId, 30_000);
    controlSeen = [];
    const sent: bigint[] = [];
    for (let i = 0; i < 40; i++) {
      sent.push(operator.send(agentCreds.robotId, POSE));
      await new Promise((r) => setTimeout(r, 20));
    }
    await operator.waitForState((s) => near(s.state.positions, POSE), 30_000);
    await operator.waitApplied(sent.at(-1)!, 30_000);
    // Every command reached the broker once: one hub forwarded it (the watching one), nobody twice.
    await eventually(() => (controlSeen.length >= sent.length ? true : undefined), 10_000, 'every command at the broker');
    expect(controlSeen.length).toBe(sent.length);
    expect(new Set(controlSeen).size).toBe(sent.length);
    // The watching hub forwarded them; the ingesting hub none.
    expect(await metric(owner.hub.url, 'teleop_mqtt_messages_out_total', { channel: 'control' })).toBe(0);
    // The watching hub only forwards: it never probed the robot's clock (its ingesting hub does), so no answer came to it.
    expect(await metric(watching.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'pong' })).toBe(0);
    expect(await metric(owner.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'pong' })).toBeGreaterThan(0);
  });

  it('killing the ingesting hub moves the robot to another within the time to live plus a margin; state goes on to the watching operator, and driving too', async () => {
    const survivors = hubs.filter((h) => h !== owner);
    owner.hub.process.child.kill('SIGKILL');
    const killedAt = Date.now();
    await settled(survivors);
    const movedMs = Date.now() - killedAt;
    expect(movedMs).toBeLessThan(MOVE_BOUND_MS);
    console.log(`robots moved ${movedMs} ms after their ingesting hub was killed (bound ${MOVE_BOUND_MS} ms)`);
    // The new ingesting hub probes the robot and judges its silence: past the silence time (3 s) it is still online
    // on both, and the operator's state still flows.
    const newOwner = survivors.find((h) => h.hubId === rendezvousOwner(agentCreds.robotId, survivors.map((s) => s.hubId).sort()))!;
    await eventually(async () => ((await metric(newOwner.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'pong' })) > 0 ? true : undefined), 10_000, 'the new ingesting hub hears the robot answer its clock probes');
    await new Promise((r) => setTimeout(r, 3500));
    for (const h of survivors) {
      const op = await OperatorClient.connect(h.hub.url, `after-${h.hubId}`);
      try {
        const list = await op.listRobots();
        expect(allIds().every((id) => list.find((r) => r.robotId === id)?.online)).toBe(true);
      } finally {
        op.close();
      }
    }
    const seen = operator.states.length;
    await operator.waitForState((s) => operator.states.indexOf(s) > seen + 10, 10_000);
    // Driving goes on through the watching hub: the lease is asked of Redis again (it may have idled out meanwhile)
    // and the robot, now ingested by another hub, takes the commands.
    const again = await operator.requestLease(agentCreds.robotId);
    expect(again.status).toBe('granted');
    await operator.waitLeaseApplied(agentCreds.robotId, 30_000);
    let last = 0n;
    for (let i = 0; i < 10; i++) {
      last = operator.send(agentCreds.robotId, POSE_B);
      await new Promise((r) => setTimeout(r, 20));
    }
    try {
      await operator.waitApplied(last, 30_000);
      await operator.releaseLease(agentCreds.robotId);
    } catch (err) {
      console.log('DEBUG errors', JSON.stringify(operator.errors.slice(-5)), 'leases', JSON.stringify(operator.leaseUpdates.slice(-3)), 'last state', JSON.stringify(operator.states.at(-1)?.state), 'last', last, 'owner', owner.hubId, 'watching', watching.hubId);
      console.log('AGENT', agent.logs.slice(-15).map((l) => JSON.stringify(l)).join('\n'));
      throw err;
    }
  });

  it('a hub joining takes its share at once: the robots it gains stay online everywhere and the watching operator\'s state goes on', async () => {
    const survivors = hubs.filter((h) => h !== owner);
    const joined = await startHub(data.path, hubArgs, { TELEOP_MQTT_PASSWORD: HUB_PASSWORD });
    const view: HubView = { hub: joined, hubId: (await ingestOf(joined))?.hubId ?? '', name: 'joined' };
    hubs.push(view);
    // Its share is what rendezvous hashing gives it among three (with six robots, possibly none): exactly that.
    await settled([...survivors, view]);
    const seen = operator.states.length;
    await operator.waitForState((s) => operator.states.indexOf(s) > seen + 10, 10_000);
    const op = await OperatorClient.connect(joined.url, 'joined-lister');
    try {
      await eventually(async () => {
        const online = new Set((await op.listRobots()).filter((r) => r.online).map((r) => r.robotId));
        return allIds().every((id) => online.has(id)) ? true : undefined;
      }, 30_000, 'every robot online at the joined hub');
    } finally {
      op.close();
    }
  });

  it("a robot going offline is offline on every hub, and its lease ends on the operator's hub, whichever hub ingests it", async () => {
    const lease = await operator.requestLease(agentCreds.robotId);
    expect(lease.status).toBe('granted');
    const alive = hubs.filter((h) => h !== owner);
    await agent.stop();
    await operator.waitForLease((u) => u.status === 'revoked' && u.leaseId === lease.leaseId && u.reason === 'robot_offline', 30_000);
    for (const h of alive) {
      const op = await OperatorClient.connect(h.hub.url, `offline-${h.hubId}`);
      try {
        await eventually(async () => ((await op.listRobots()).find((r) => r.robotId === agentCreds.robotId)?.online === false ? true : undefined), 30_000, `robot offline at hub ${h.hubId}`);
        await expect(op.requestLease(agentCreds.robotId)).rejects.toMatchObject({ error: { code: 'robot_offline' } });
      } finally {
        op.close();
      }
    }
  });
});

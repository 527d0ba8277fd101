// Robots shared among hubs (issue 20) on the clustering broker: RabbitMQ 3.10
// with its MQTT plugin, robots authenticated and authorised by the hubs
// (rabbitmq_auth_backend_http, asked through HAProxy in front of both hubs so
// that it outlives either), Redis, two hubs and a real agent. The robot is
// ingested by exactly one hub and listed online by both; an operator on the
// other hub watches it and drives it; killing the ingesting hub moves the robot
// to the survivor within the liveness time to live plus a margin, where it
// stays online (its presence, description and status come again from
// RabbitMQ's retained messages) and the operator's state goes on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendezvousOwner } from '@teleop/hub';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { startHaproxy, type RunningHaproxy } from '../harness/haproxy.ts';
import { freePort } from '../harness/mosquitto.ts';
import { enrollRobot, eventually, metric, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess } from '../harness/processes.ts';
import { startRabbitMq, type RunningRabbitMq } from '../harness/rabbitmq.ts';
import { startRedis, type RunningRedis } from '../harness/redis.ts';
import { ingestOf, near } from '../harness/cluster.ts';

const HUB_PASSWORD = 'hub-ingest-rabbit-password';
const BROKER_TOKEN = 'broker-token-for-the-ingest-test';
/** Liveness time to live of a hub in Redis (and of its leases). */
const TTL_MS = 2000;
/** How long after a hub dies its robots may take to move: its liveness time to live, plus the others' look (500 ms), plus slack for a busy machine. */
const MOVE_BOUND_MS = TTL_MS + 2500;
/** The hubs' silence time: past it, a robot nobody hears is offline. */
const SILENCE_MS = 3000;
const POSE = [0.3, -0.2, 0.1, 0, 0.1, 0.2];
const POSE_B = [-0.3, 0.2, -0.1, 0, 0.2, 0.4];

interface HubView {
  hub: RunningHub;
  hubId: string;
}

async function onlineAt(hub: RunningHub, robotId: string, name: string): Promise<boolean> {
  const op = await OperatorClient.connect(hub.url, name);
  try {
    return (await op.listRobots()).find((r) => r.robotId === robotId)?.online === true;
  } finally {
    op.close();
  }
}

describe('robots shared among two hubs on RabbitMQ (auth asked of the hubs through HAProxy)', () => {
  const data = tempDir('cluster-ingest-rabbit');
  let rabbit: RunningRabbitMq;
  let redis: RunningRedis;
  let haproxy: RunningHaproxy;
  const hubs: HubView[] = [];
  let creds: RobotCredentials;
  let agent: TestProcess;
  let operator: OperatorClient;
  let owner: HubView;
  let watching: HubView;

  /** Waits until the hubs alive agree on `alive`, the robot's owner ingests it (one robot) and the others nothing. */
  async function settled(alive: HubView[]): Promise<HubView> {
    const expectedOwner = rendezvousOwner(creds.robotId, alive.map((h) => h.hubId).sort());
    await eventually(
      async () => {
        for (const h of alive) {
          const ingest = await ingestOf(h.hub);
          if (!ingest || ingest.hubsAlive !== alive.length || ingest.robotsIngested !== (h.hubId === expectedOwner ? 1 : 0)) return undefined;
        }
        return true;
      },
      60_000,
      `the robot ingested by ${expectedOwner} alone among ${alive.length} hubs`,
    );
    return alive.find((h) => h.hubId === expectedOwner)!;
  }

  beforeAll(async () => {
    creds = await enrollRobot(data.path, 'arm shared by two hubs on rabbitmq');
    redis = await startRedis(data.path);
    // Ports chosen first: HAProxy fronts both hubs, and RabbitMQ asks the hubs through it, so the auth backend
    // outlives the hub the test kills.
    const ports = [await freePort(), await freePort()];
    haproxy = await startHaproxy(data.path, ports.map((port, i) => ({ name: `hub-${i}`, address: `127.0.0.1:${port}` })), { checkIntervalMs: 300, fall: 2, rise: 1 });
    const authBase = haproxy.url.replace('http://', `http://broker:${BROKER_TOKEN}@`);
    rabbit = await startRabbitMq(data.path, { hubUsername: 'hub', hubPassword: HUB_PASSWORD, authHttpBase: `${authBase}/api/v1/broker/rabbitmq` });
    const args = [
      '--mqtt-url', rabbit.url, '--mqtt-username', 'hub', '--broker-auth-token', BROKER_TOKEN,
      '--redis-url', redis.url, '--lease-ttl-ms', String(TTL_MS), '--robot-silence-ms', String(SILENCE_MS), '--log-level', 'info',
    ];
    for (const port of ports) {
      // One after the other: the first sets the database up.
      const hub = await startHub(data.path, [...args, '--port', String(port)], { TELEOP_MQTT_PASSWORD: HUB_PASSWORD });
      hubs.push({ hub, hubId: (await ingestOf(hub))?.hubId ?? '' });
    }
    // The agent asks the one address for its broker; it then speaks to RabbitMQ only.
    agent = await startAgent(haproxy.url, creds);
  });

  afterAll(async () => {
    operator?.close();
    await agent?.stop();
    for (const h of hubs) await h.hub.process.stop();
    await rabbit?.stop();
    await redis?.stop();
    await haproxy?.stop();
    data.remove();
  });

  it('ingests the robot on exactly one hub, and both hubs list it online', async () => {
    expect(hubs.every((h) => h.hubId !== '')).toBe(true);
    owner = await settled(hubs);
    watching = hubs.find((h) => h !== owner)!;
    for (const h of hubs) await eventually(async () => ((await onlineAt(h.hub, creds.robotId, `lister-${h.hubId}`)) ? true : undefined), 60_000, `robot online at hub ${h.hubId}`);
    // Its states reach the ingesting hub only (nobody watches yet).
    await eventually(async () => ((await metric(owner.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'state' })) > 0 ? true : undefined), 30_000, 'states at the ingesting hub');
    expect(await metric(watching.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'state' })).toBe(0);
  });

  it('a hub that does not ingest the robot subscribes to its states while an operator watches it, and unsubscribes after', async () => {
    const peek = await OperatorClient.connect(watching.hub.url, 'ingest-rabbit-peek');
    try {
      await peek.subscribe(creds.robotId);
      await peek.waitForState(() => true, 30_000);
    } finally {
      peek.close();
    }
    expect(await metric(watching.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'state' })).toBeGreaterThan(0);
    // Its last watcher gone, the hub unsubscribes at RabbitMQ: no more states reach it (the agent sends about 50 a second).
    await eventually(
      async () => {
        const before = await metric(watching.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'state' });
        await new Promise((r) => setTimeout(r, 500));
        return (await metric(watching.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'state' })) === before ? true : undefined;
      },
      30_000,
      'no more states at the watching hub once unwatched',
    );
  });

  it('an operator on the hub that does not ingest the robot watches it and drives it', async () => {
    operator = await OperatorClient.connect(watching.hub.url, 'ingest-rabbit-operator');
    const sub = await operator.subscribe(creds.robotId);
    expect(sub.describe.joints.length).toBe(6);
    await operator.waitForState(() => true, 30_000);
    const lease = await operator.requestLease(creds.robotId);
    expect(lease.status).toBe('granted');
    await operator.waitLeaseApplied(creds.robotId, 30_000);
    let last = 0n;
    for (let i = 0; i < 20; i++) {
      last = operator.send(creds.robotId, POSE);
      await new Promise((r) => setTimeout(r, 20));
    }
    await operator.waitForState((s) => near(s.state.positions, POSE), 30_000);
    await operator.waitApplied(last, 30_000);
    // The watching hub forwarded the commands; the ingesting hub none.
    expect(await metric(watching.hub.url, 'teleop_mqtt_messages_out_total', { channel: 'control' })).toBeGreaterThan(0);
    expect(await metric(owner.hub.url, 'teleop_mqtt_messages_out_total', { channel: 'control' })).toBe(0);
  });

  it('killing the ingesting hub moves the robot to the survivor within the time to live plus a margin; it stays online and the state goes on', async () => {
    // The watching hub never subscribed to the robot's presence and description (it forwards state, status and events).
    expect(await metric(watching.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'presence' })).toBe(0);
    expect(await metric(watching.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'describe' })).toBe(0);
    owner.hub.process.child.kill('SIGKILL');
    const killedAt = Date.now();
    const survivor = await settled([watching]);
    const movedMs = Date.now() - killedAt;
    expect(survivor).toBe(watching);
    expect(movedMs).toBeLessThan(MOVE_BOUND_MS);
    console.log(`robot moved ${movedMs} ms after its ingesting hub was killed (bound ${MOVE_BOUND_MS} ms)`);
    // The agent sent its presence and description once, retained, when it connected: the survivor has them from
    // RabbitMQ's retained store, delivered with its per-robot subscriptions.
    await eventually(async () => ((await metric(survivor.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'presence' })) > 0 ? true : undefined), 10_000, 'the retained presence at the survivor');
    await eventually(async () => ((await metric(survivor.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'describe' })) > 0 ? true : undefined), 10_000, 'the retained description at the survivor');
    // The new owner probes the robot's clock: the robot answers it (its pong topic, subscribed per robot, reaches it).
    await eventually(async () => ((await metric(survivor.hub.url, 'teleop_mqtt_messages_in_total', { channel: 'pong' })) > 0 ? true : undefined), 10_000, 'the survivor hears the robot answer its clock probes');
    // It learnt the robot's presence from RabbitMQ's retained message: past the silence time it is still online
    // (it judges silence from the takeover, and hears the states).
    const states = operator.states.length;
    await operator.waitForState(() => operator.states.length > states + 10, 10_000);
    const since = Date.now();
    await eventually(async () => (Date.now() - since > SILENCE_MS + 500 ? true : undefined), SILENCE_MS + 5000, 'past the silence time');
    expect(await onlineAt(survivor.hub, creds.robotId, 'after-kill-lister')).toBe(true);
    const seen = operator.states.length;
    await operator.waitForState(() => operator.states.length > seen + 10, 10_000);
    // Driving goes on from the same socket: the lease (which may have idled out) is asked of Redis again.
    const again = await operator.requestLease(creds.robotId);
    expect(again.status).toBe('granted');
    await operator.waitLeaseApplied(creds.robotId, 30_000);
    let last = 0n;
    for (let i = 0; i < 10; i++) {
      last = operator.send(creds.robotId, POSE_B);
      await new Promise((r) => setTimeout(r, 20));
    }
    await operator.waitApplied(last, 30_000);
    await operator.waitForState((s) => near(s.state.positions, POSE_B), 30_000);
  });
});

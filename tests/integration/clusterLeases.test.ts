// Cluster-wide leases with fencing (issue 20, point 2): two hubs sharing one
// Redis (real redis-server) and one Mosquitto, on one data directory, drive one
// simulated robot. Two operators on different hubs never both hold its lease;
// a hub that stops renewing loses the lease within its time to live and the
// queued operator on the other hub gets it with a higher fencing token; the
// agent refuses a command carrying the old token; an e-stop from either hub
// latches on both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { nowNs, robotTopic, toLong, v1 } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { startHaproxy, STICKY_COOKIE, type RunningHaproxy } from '../harness/haproxy.ts';
import { freePort, startMosquitto, type RunningMosquitto } from '../harness/mosquitto.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess } from '../harness/processes.ts';
import { startRedis, type RunningRedis } from '../harness/redis.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { eventsOf, lastGrant, near } from '../harness/cluster.ts';

const HUB_PASSWORD = 'hub-cluster-password';
/** Time to live of a lease in Redis: a hub that stops renewing loses its leases this long after its last renewal. */
const LEASE_TTL_MS = 2000;
/** How long after the holder's hub stops the lease may take to move: its time to live, plus the other hub's look (250 ms), plus slack for a busy machine. */
const HANDOVER_BOUND_MS = LEASE_TTL_MS + 2000;
const POSE_A = [0.3, -0.2, 0.1, 0, 0.1, 0.2];
const POSE_B = [-0.3, 0.2, -0.1, 0, 0.2, 0.4];

describe('cluster-wide leases with fencing (two hubs, one Redis)', () => {
  const data = tempDir('cluster-leases');
  /** The agent's state dir, kept across its restart (the highest fencing token it has seen is kept there). */
  const agentState = join(data.path, 'agent-state');
  let broker: RunningMosquitto;
  let redis: RunningRedis;
  /** In front of both hubs, as in production: the operator of a killed hub comes back through it. */
  let haproxy: RunningHaproxy;
  let creds: RobotCredentials;
  let hubA: RunningHub;
  let hubB: RunningHub;
  let agent: TestProcess;
  let opA: OperatorClient;
  let opB: OperatorClient;
  let eventsB: v1.RobotEvent[];
  /** A client of the broker with the hubs' own rights: what a stale hub's late publish looks like to the robot. */
  let hubLike: mqtt.MqttClient;

  beforeAll(async () => {
    creds = await enrollRobot(data.path, 'arm shared by two hubs');
    broker = await startMosquitto(data.path, { hub: HUB_PASSWORD, [creds.robotId]: creds.secret });
    redis = await startRedis(data.path);
    const args = ['--mqtt-url', broker.url, '--mqtt-username', 'hub', '--redis-url', redis.url, '--lease-ttl-ms', String(LEASE_TTL_MS)];
    const ports = { a: await freePort(), b: await freePort() };
    haproxy = await startHaproxy(data.path, [
      { name: 'hub-a', address: `127.0.0.1:${ports.a}` },
      { name: 'hub-b', address: `127.0.0.1:${ports.b}` },
    ], { checkIntervalMs: 300, fall: 2, rise: 1 });
    // One after the other: the second opens the database the first has set up.
    hubA = await startHub(data.path, [...args, '--port', String(ports.a)], { TELEOP_MQTT_PASSWORD: HUB_PASSWORD });
    hubB = await startHub(data.path, [...args, '--port', String(ports.b)], { TELEOP_MQTT_PASSWORD: HUB_PASSWORD });
    agent = await startAgent(hubA.url, creds, ['--state-dir', agentState]);
    opA = await OperatorClient.connect(hubA.url, 'cluster-op-a');
    opB = await OperatorClient.connect(hubB.url, 'cluster-op-b');
    eventsB = eventsOf(opB);
    for (const [op, name] of [
      [opA, 'A'],
      [opB, 'B'],
    ] as const) {
      await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, `robot online at hub ${name}`);
      await op.subscribe(creds.robotId);
    }
    hubLike = await mqtt.connectAsync(broker.url, { username: 'hub', password: HUB_PASSWORD, reconnectPeriod: 0 });
  });

  afterAll(async () => {
    await hubLike?.endAsync();
    opA?.close();
    opB?.close();
    await agent?.stop();
    hubA?.process.child.kill('SIGCONT');
    await hubA?.process.stop();
    await hubB?.process.stop();
    await broker?.stop();
    await redis?.stop();
    await haproxy?.stop();
    data.remove();
  });

  it('grants the lease to one operator; the other, on the other hub, queues behind it', async () => {
    for (const hub of [hubA, hubB]) expect(await (await fetch(`${hub.url}/api/v1/health`)).json()).toMatchObject({ sharedLeases: { redisConnected: true } });
    const a = await opA.requestLease(creds.robotId);
    expect(a.status).toBe('granted');
    expect(a.fencingToken).toBeGreaterThan(0);
    const b = await opB.requestLease(creds.robotId);
    expect(b).toMatchObject({ status: 'queued', position: 1 });
    // Each hub tells its operators who holds the robot, whichever hub that is.
    await eventually(async () => ((await opB.listRobots()).find((r) => r.robotId === creds.robotId)?.leaseHolder === opA.address ? true : undefined), undefined, 'hub B shows the holder on hub A');
    await eventually(async () => ((await opA.listRobots()).find((r) => r.robotId === creds.robotId)?.queueLength === 1 ? true : undefined), undefined, 'hub A shows the queue on hub B');
    // One place per wallet holds across hubs: operator A's wallet, on hub B too, cannot queue behind itself.
    const twin = await OperatorClient.connect(hubB.url, 'cluster-op-a');
    try {
      await expect(twin.requestLease(creds.robotId)).rejects.toMatchObject({ error: { code: 'one_place_per_wallet' } });
    } finally {
      twin.close();
    }
  });

  it("drives through the holder's hub; commands through the other hub are refused", async () => {
    await opA.waitLeaseApplied(creds.robotId);
    const stop = opA.stream(creds.robotId, POSE_A, 50);
    try {
      await opA.waitForState((s) => near(s.state.positions, POSE_A));
    } finally {
      stop();
    }
    // Operator B has no lease: its own empty lease id, and A's lease id, are both refused by hub B.
    opB.send(creds.robotId, POSE_B);
    await opB.waitForError('not_lease_holder');
    opB.send(creds.robotId, POSE_B, { leaseId: lastGrant(opA)!.leaseId! });
    await eventually(() => (opB.errors.filter((e) => e.code === 'not_lease_holder').length >= 2 ? true : undefined), undefined, 'second refusal');
    expect(opB.states.some((s) => near(s.state.positions, POSE_B))).toBe(false);
  });

  it('an e-stop pressed on either hub latches on both, and either refuses commands until it is reset', async () => {
    const latch = await opB.estop(creds.robotId, 'pressed on hub B');
    await eventually(async () => ((await opA.listRobots()).find((r) => r.robotId === creds.robotId)?.estopLatch?.estopId === latch.estopId ? true : undefined), undefined, 'hub A holds the latch of hub B');
    await eventually(async () => ((await opA.listRobots()).find((r) => r.robotId === creds.robotId)?.estopLatch?.state === 'confirmed' ? true : undefined), undefined, 'hub A sees it confirmed');
    opA.send(creds.robotId, POSE_B);
    await opA.waitForError('estopped');
    // The holder resets it through hub A; both hubs let go of the latch once the robot confirms.
    await opA.resetEstop(creds.robotId);
    for (const op of [opA, opB]) {
      await eventually(async () => ((await op.listRobots()).find((r) => r.robotId === creds.robotId)?.estopLatch === null ? true : undefined), undefined, 'latch cleared');
    }
    // Pressed on hub A, it latches on hub B too.
    const again = await opA.estop(creds.robotId, 'pressed on hub A');
    await eventually(async () => ((await opB.listRobots()).find((r) => r.robotId === creds.robotId)?.estopLatch?.estopId === again.estopId ? true : undefined), undefined, 'hub B holds the latch of hub A');
    await opA.resetEstop(creds.robotId);
    for (const op of [opA, opB]) {
      await eventually(async () => ((await op.listRobots()).find((r) => r.robotId === creds.robotId)?.estopLatch === null ? true : undefined), undefined, 'latch cleared');
    }
  });

  it("a hub that stops renewing (paused) loses the lease within its time to live; the other hub's queued operator gets it with a higher token, and the paused hub, back, forwards nothing", async () => {
    const tokenA = lastGrant(opA)!.fencingToken!;
    const leaseA = lastGrant(opA)!.leaseId!;
    const stopA = opA.stream(creds.robotId, POSE_A, 50);
    try {
      hubA.process.child.kill('SIGSTOP');
      const pausedAt = Date.now();
      const granted = await opB.waitForLease((u) => u.status === 'granted');
      const tookMs = Date.now() - pausedAt;
      expect(tookMs).toBeLessThan(HANDOVER_BOUND_MS);
      expect(granted.fencingToken).toBeGreaterThan(tokenA);
      await opB.waitLeaseApplied(creds.robotId);
      const stopB = opB.stream(creds.robotId, POSE_B, 50);
      try {
        await opB.waitForState((s) => near(s.state.positions, POSE_B));
        // Hub A comes back, its operator still streaming under the old lease: hub A finds the lease gone and forwards nothing.
        hubA.process.child.kill('SIGCONT');
        await opA.waitForLease((u) => u.status === 'revoked' && u.leaseId === leaseA);
        await opA.waitForError('not_lease_holder');
        const after = opB.states.length;
        await opB.waitForState((s) => opB.states.indexOf(s) > after + 25);
        expect(opB.states.slice(after).every((s) => s.state.leaseId === granted.leaseId)).toBe(true);
      } finally {
        stopB();
      }
    } finally {
      stopA();
      hubA.process.child.kill('SIGCONT');
    }
    // Nothing of hub A's reached the robot to be refused there: the hub itself stopped it.
    expect(agent.hasLog((l) => l.reason === 'fenced')).toBe(false);
  });

  it('a command carrying the old token that reaches the robot anyway is refused by the agent and counted', async () => {
    const old = opA.leaseUpdates.filter((u) => u.status === 'granted').at(-1)!;
    const current = lastGrant(opB)!;
    const stale = v1.ControlCommand.encode({
      sequence: toLong(1_000_000n),
      sendTimeNs: toLong(nowNs()),
      leaseId: old.leaseId!,
      mode: v1.ControlMode.CONTROL_MODE_JOINT_POSITION,
      values: POSE_A,
      hubTimeNs: toLong(nowNs()),
      fencingToken: toLong(BigInt(old.fencingToken!)),
    }).finish();
    await hubLike.publishAsync(robotTopic(creds.robotId, 'control'), Buffer.from(stale), { qos: 0 });
    // The same old token under the current lease id: refused too.
    const forged = v1.ControlCommand.encode({ ...v1.ControlCommand.decode(stale), leaseId: current.leaseId!, sequence: toLong(1_000_001n) }).finish();
    await hubLike.publishAsync(robotTopic(creds.robotId, 'control'), Buffer.from(forged), { qos: 0 });
    await eventually(() => (eventsB.filter((e) => e.kind === v1.RobotEvent.Kind.KIND_COMMAND_REJECTED && e.reason === 'fenced').length >= 2 ? true : undefined), undefined, 'two fenced rejections');
    await agent.waitForLog((l) => l.reason === 'fenced');
    // A late grant from the stale hub does not take the robot back either.
    const lateGrant = v1.SessionEvent.encode({ timeNs: toLong(nowNs()), leaseGranted: { leaseId: old.leaseId!, operatorId: opA.address, fencingToken: toLong(BigInt(old.fencingToken!)) } }).finish();
    await hubLike.publishAsync(robotTopic(creds.robotId, 'session'), Buffer.from(lateGrant), { qos: 1 });
    await eventually(() => (eventsB.filter((e) => e.reason === 'fenced').length >= 3 ? true : undefined), undefined, 'late grant refused');
    expect(opB.statuses.get(creds.robotId)?.leaseId).toBe(current.leaseId);
    expect(opB.states.slice(-10).every((s) => !near(s.state.positions, POSE_A))).toBe(true);
  });

  it("a killed holder's hub loses the lease within its time to live; the queued operator on the other hub gets it with a higher token", async () => {
    // Back to A holding and B queued: B lets go, A (waiting on hub A) gets it across hubs at once.
    await opA.requestLease(creds.robotId);
    await opB.releaseLease(creds.robotId);
    const grantA = await opA.waitForLease((u) => u.status === 'granted' && u.fencingToken! > lastGrant(opB)!.fencingToken!);
    expect((await opB.requestLease(creds.robotId)).status).toBe('queued');
    await opA.waitLeaseApplied(creds.robotId);
    const grantsB = opB.leaseUpdates.filter((u) => u.status === 'granted').length;
    const stopA = opA.stream(creds.robotId, POSE_A, 50);
    try {
      await opA.waitForState((s) => near(s.state.positions, POSE_A));
    } finally {
      // The stream stops with the hub: the operator's socket is gone.
      await hubA.process.stop('SIGKILL');
      stopA();
    }
    const killedAt = Date.now();
    // The robot holds once commands stop (its watchdog), as with one hub.
    await eventually(() => (opB.statuses.get(creds.robotId)?.mode === v1.RobotMode.ROBOT_MODE_HOLDING ? true : undefined), undefined, 'robot holding');
    const granted = await opB.waitForLease((u) => u.status === 'granted' && opB.leaseUpdates.filter((x) => x.status === 'granted').indexOf(u) >= grantsB);
    expect(Date.now() - killedAt).toBeLessThan(HANDOVER_BOUND_MS);
    expect(granted.fencingToken).toBeGreaterThan(grantA.fencingToken!);
    await opB.waitLeaseApplied(creds.robotId);
    const stopB = opB.stream(creds.robotId, POSE_B, 50);
    try {
      await opB.waitForState((s) => near(s.state.positions, POSE_B));
    } finally {
      stopB();
    }
    // Operator A comes back through the load balancer, still pinned to the dead hub: sent to hub B, it finds the
    // lease rules as they are (queued behind B's holder).
    const cookie = { cookie: `${STICKY_COOKIE}=hub-a` };
    const session = await signIn(haproxy.url, keyFor('cluster-op-a'), cookie);
    const back = await new OperatorClient(haproxy.url, session.token, session.address, cookie).connected();
    try {
      expect((await back.listRobots()).find((r) => r.robotId === creds.robotId)?.leaseHolder).toBe(opB.address);
      expect(await back.requestLease(creds.robotId)).toMatchObject({ status: 'queued', position: 1 });
      await opB.releaseLease(creds.robotId);
      const regained = await back.waitForLease((u) => u.status === 'granted');
      expect(regained.fencingToken).toBeGreaterThan(granted.fencingToken!);
    } finally {
      back.close();
    }
  });

  it('an e-stop reaches the robot while Redis does not answer (it never waits on Redis), and is held once Redis is back', async () => {
    redis.signal('SIGSTOP');
    let latch;
    try {
      latch = await opB.estop(creds.robotId, 'pressed while Redis is stopped');
      await eventually(() => (opB.statuses.get(creds.robotId)?.estop ? true : undefined), undefined, 'robot e-stopped');
    } finally {
      redis.signal('SIGCONT');
    }
    await eventually(async () => ((await redis.command('EXISTS', `teleop:estop:${creds.robotId}`)).trim() === ':1' ? true : undefined), undefined, 'latch recorded in Redis');
    expect((await opB.listRobots()).find((r) => r.robotId === creds.robotId)?.estopLatch?.estopId).toBe(latch.estopId);
    await eventually(async () => ((await opB.requestLease(creds.robotId)).status === 'granted' ? true : undefined), undefined, 'lease for the reset');
    await opB.resetEstop(creds.robotId);
    await eventually(async () => ((await opB.listRobots()).find((r) => r.robotId === creds.robotId)?.estopLatch === null ? true : undefined), undefined, 'latch cleared');
    expect((await redis.command('EXISTS', `teleop:estop:${creds.robotId}`)).trim()).toBe(':0');
  });

  it('still refuses a stale hub\'s grant after the agent restarts with the same state dir', async () => {
    // The oldest grant of the run: a hub that held the lease long ago delivering it late.
    const old = opA.leaseUpdates.find((u) => u.status === 'granted')!;
    expect(old.fencingToken).toBeLessThan(lastGrant(opB)!.fencingToken!);
    // No lease active, so the restarted agent is granted nothing the hubs know of: only its state dir remembers.
    await opB.releaseLease(creds.robotId);
    await agent.stop();
    agent = await startAgent(hubB.url, creds, ['--state-dir', agentState]);
    await eventually(async () => ((await opB.listRobots()).find((r) => r.robotId === creds.robotId)?.online ? true : undefined), undefined, 'restarted robot online');
    const fencedBefore = eventsB.filter((e) => e.reason === 'fenced').length;
    const lateGrant = v1.SessionEvent.encode({ timeNs: toLong(nowNs()), leaseGranted: { leaseId: old.leaseId!, operatorId: opA.address, fencingToken: toLong(BigInt(old.fencingToken!)) } }).finish();
    await hubLike.publishAsync(robotTopic(creds.robotId, 'session'), Buffer.from(lateGrant), { qos: 1 });
    await eventually(() => (eventsB.filter((e) => e.reason === 'fenced').length > fencedBefore ? true : undefined), undefined, 'late grant refused after the restart');
    await agent.waitForLog((l) => typeof l.msg === 'string' && l.msg.startsWith(`refused the grant of lease "${old.leaseId}"`));
    expect(eventsB.some((e) => e.kind === v1.RobotEvent.Kind.KIND_LEASE_APPLIED && e.leaseId === old.leaseId && eventsB.indexOf(e) >= fencedBefore)).toBe(false);
  });
});

describe('one hub (no --redis-url): no fencing, as before', () => {
  const data = tempDir('single-hub-fencing');
  let hub: RunningHub;
  let agent: TestProcess;
  let op: OperatorClient;
  let creds: RobotCredentials;

  beforeAll(async () => {
    creds = await enrollRobot(data.path, 'arm of one hub');
    hub = await startHub(data.path);
    agent = await startAgent(hub.url, creds);
    op = await OperatorClient.connect(hub.url, 'single-op');
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online');
    await op.subscribe(creds.robotId);
  });

  afterAll(async () => {
    op?.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('grants without a token, and a token an operator puts in its command is not forwarded (the robot would refuse it)', async () => {
    const granted = await op.requestLease(creds.robotId);
    expect(granted.status).toBe('granted');
    expect(granted.fencingToken).toBeUndefined();
    await op.waitLeaseApplied(creds.robotId);
    const sequence = op.send(creds.robotId, POSE_A, { fencingToken: toLong(99n) });
    const outcome = await Promise.race([
      op.waitApplied(sequence).then(() => 'applied'),
      agent.waitForLog((l) => String(l.msg).startsWith('rejected command')).then((l) => `rejected: ${String(l.msg)}`),
    ]);
    expect(outcome).toBe('applied');
  });
});

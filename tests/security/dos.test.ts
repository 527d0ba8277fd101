// Issue 15, points 4 and 7: nobody can stall the hub. Real hub (embedded
// broker), real robot agents, attacks run in processes of their own
// (tests/harness/attacker.ts). These tests assert the limits' behaviour: who is
// refused, with which typed code, what is counted in /metrics, and that the
// honest users keep being served. How fast the hub answers health and e-stop
// requests under these attacks is measured by tests/bench/underAttack.ts.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, LeaseUpdate } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { enrollRobot, eventually, metric, startAgent, startHub, tempDir, type RobotCredentials, type RunningHub, type TestProcess } from '../harness/processes.ts';
import { openOperatorSocket, requestLeaseOn } from '../harness/operatorSockets.ts';
import { signIn } from '../harness/signIn.ts';
import { attackOver, describeAnswers, startAttack, timeAnswers } from '../harness/underAttack.ts';

const codeOf = (a: Ack<LeaseUpdate>): string => (a.ok ? a.value.status : a.error.code);

describe('4: one wallet, many connections queueing for a robot', () => {
  const data = tempDir('sec4');
  let hub: RunningHub;
  let creds: RobotCredentials;
  let agent: TestProcess;
  let holder: OperatorClient;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    creds = await enrollRobot(data.path, 'queued arm');
    hub = await startHub(data.path, ['--max-connections-per-wallet', '5', '--max-queue-length', '40']);
    agent = await startAgent(hub.url, creds);
    holder = await OperatorClient.connect(hub.url, 'sec4-holder');
    await eventually(async () => (await holder.listRobots()).find((r) => r.robotId === creds.robotId && r.online), undefined, 'robot online');
    expect((await holder.requestLease(creds.robotId)).status).toBe('granted');
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    holder?.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('caps the connections of one wallet and gives it one place in a queue, with typed refusals counted in /metrics', async () => {
    const attacker = await signIn(hub.url);
    const opened = await Promise.all(Array.from({ length: 12 }, () => openOperatorSocket(hub.url, attacker.token)));
    sockets.push(...opened.map((o) => o.socket));
    expect(opened.filter((o) => !o.refused)).toHaveLength(5);
    expect(opened.filter((o) => o.refused).map((o) => o.refused)).toEqual(Array(7).fill('too_many_connections'));
    const live = opened.filter((o) => !o.refused).map((o) => o.socket);
    const answers = await Promise.all(live.map((s) => requestLeaseOn(s, creds.robotId)));
    expect(answers.map(codeOf).sort()).toEqual(['one_place_per_wallet', 'one_place_per_wallet', 'one_place_per_wallet', 'one_place_per_wallet', 'queued']);
    const refusal = answers.find((a) => !a.ok);
    expect(refusal?.ok === false && refusal.error.message).toMatch(/already waits for the lease .* on another connection/);
    expect(await metric(hub.url, 'teleop_operator_limits_total', { limit: 'connections_per_wallet' })).toBe(7);
    expect(await metric(hub.url, 'teleop_operator_limits_total', { limit: 'queue_per_wallet' })).toBe(4);
    // A connection that closes gives its place back: the wallet can open another one.
    for (const s of live) s.close();
    await eventually(async () => (await openOperatorSocket(hub.url, attacker.token).then((o) => (sockets.push(o.socket), o))).refused === undefined, undefined, 'a freed connection slot');
  });

  it('bounds the queue, and a waiting operator is not told about every arrival and departure behind it', async () => {
    const first = await OperatorClient.connect(hub.url, 'sec4-first-in-line');
    try {
      expect(await first.requestLease(creds.robotId)).toMatchObject({ status: 'queued', position: 1 });
      const updates: LeaseUpdate[] = [];
      first.socket.on('lease:update', (u) => updates.push(u));
      // 60 wallets line up behind it (the queue takes 40 in all), then all leave at once.
      const crowd = await Promise.all(Array.from({ length: 60 }, () => signIn(hub.url).then((w) => openOperatorSocket(hub.url, w.token))));
      sockets.push(...crowd.map((c) => c.socket));
      const answers = await Promise.all(crowd.map((c) => requestLeaseOn(c.socket, creds.robotId)));
      const codes = answers.map(codeOf);
      expect(codes.filter((c) => c === 'queued')).toHaveLength(39);
      expect(codes.filter((c) => c === 'queue_full')).toHaveLength(21);
      expect(answers.find((a) => !a.ok && a.error.code === 'queue_full')).toMatchObject({ error: { message: expect.stringMatching(/40 connections already wait for the lease/) } });
      expect(await metric(hub.url, 'teleop_operator_limits_total', { limit: 'queue_length' })).toBe(21);
      for (const c of crowd) c.socket.close();
      await eventually(async () => (await holder.listRobots()).find((r) => r.robotId === creds.robotId && r.queueLength === 1), undefined, 'the crowd gone from the queue');
      // Its place never changed: it was told nothing (before, every join and leave was sent to every waiting connection).
      expect(updates).toEqual([]);
      // It still hears what concerns it: the holder leaves, it is granted.
      await holder.releaseLease(creds.robotId);
      expect((await first.waitForLease((u) => u.status === 'granted')).robotId).toBe(creds.robotId);
    } finally {
      first.close();
    }
  });

  it('answers health requests and e-stops all through 500 connections queueing and leaving at once', async () => {
    const prober = await OperatorClient.connect(hub.url, 'sec4-prober');
    try {
      const attack = await startAttack('operators', { hubUrl: hub.url, robotId: creds.robotId, connections: 500, wallets: 40, perWallet: 10, rounds: 1 });
      const over = attackOver(attack);
      // Every probe is answered (a failed health request or e-stop throws); how fast is bench:attack's to measure.
      const answers = await timeAnswers(hub.url, prober, creds.robotId, over);
      const rounds = Object.fromEntries(attack.logs.filter((l) => l.msg.endsWith('round')).map((l) => [l.msg, l]));
      console.log(`point 4 under attack: ${describeAnswers(answers)}`);
      expect(answers.estopMs.length).toBeGreaterThan(0);
      const one = rounds['one wallet round'] as unknown as { connections: Record<string, number>; requests: Record<string, number> };
      const many = rounds['many wallets round'] as unknown as typeof one;
      expect(one.connections).toEqual({ connected: 5, too_many_connections: 495 });
      expect(one.requests.one_place_per_wallet).toBe(4);
      expect(many.connections).toEqual({ connected: 200, too_many_connections: 200 });
      expect(many.requests.one_place_per_wallet).toBe(160);
      // The robot's e-stop latched by the probes holds.
      expect((await prober.listRobots()).find((r) => r.robotId === creds.robotId)?.estop).toBe(true);
    } finally {
      prober.close();
    }
  });
});

describe('7: a robot flooding the hub with states', () => {
  const data = tempDir('sec7');
  let hub: RunningHub;
  let honest: RobotCredentials;
  let flooder: RobotCredentials;
  let agent: TestProcess;
  let watcher: OperatorClient;
  let attack: TestProcess | undefined;

  beforeAll(async () => {
    honest = await enrollRobot(data.path, 'honest arm');
    flooder = await enrollRobot(data.path, 'flooding arm');
    hub = await startHub(data.path, ['--robot-over-budget-ms', '1000']);
    agent = await startAgent(hub.url, honest);
    watcher = await OperatorClient.connect(hub.url, 'sec7-watcher');
    await eventually(async () => (await watcher.listRobots()).find((r) => r.robotId === honest.robotId && r.online), undefined, 'robot online');
    await watcher.subscribe(honest.robotId);
  });
  afterAll(async () => {
    await attack?.stop();
    watcher?.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('drops what a robot sends over its budget, disconnects it when it keeps on, and keeps serving the other robots', async () => {
    attack = await startAttack('state-flood', { mqttUrl: hub.mqttUrl, robotId: flooder.robotId, secret: flooder.secret, durationMs: 600_000, joints: 6 });
    await eventually(async () => (await metric(hub.url, 'teleop_robot_budget_disconnects_total')) >= 2, undefined, 'the flooder disconnected (twice: it reconnects)');
    expect(await metric(hub.url, 'teleop_messages_dropped_total', { source: 'robot', reason: 'over_budget' })).toBeGreaterThan(1000);
    await eventually(() => attack!.logs.filter((l) => l.msg === 'flood connection closed').length >= 2, undefined, 'the flooder told its connection was closed');
    // While the flood goes on, the honest robot's operator keeps getting its states.
    const before = watcher.states.filter((s) => s.robotId === honest.robotId).length;
    await eventually(() => watcher.states.filter((s) => s.robotId === honest.robotId).length >= before + 50, undefined, 'the honest robot heard during the flood');
    expect(attack.child.exitCode).toBeNull(); // the flood was still going
    // Only the flooder was throttled.
    const throttled = new Set(hub.process.logs.filter((l) => typeof l.msg === 'string' && l.msg.includes('than its budget')).map((l) => l.robotId));
    expect([...throttled]).toEqual([flooder.robotId]);
    expect((await watcher.listRobots()).find((r) => r.robotId === honest.robotId)?.online).toBe(true);
    await attack.stop();
    attack = undefined;
  });
});

// The control spine end to end with real processes on 127.0.0.1: the hub
// (embedded aedes broker, SQLite), one simulated robot agent, and Node
// operators speaking the console's socket.io protocol.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromLong } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { enrollRobot, eventually, metric, startAgent, startHub, tempDir, type RunningHub, type TestProcess } from '../harness/processes.ts';

describe('control spine', () => {
  const data = tempDir('spine');
  let hub: RunningHub;
  let agent: TestProcess;
  let robotId: string;
  const clients: OperatorClient[] = [];
  const operator = async (id: string): Promise<OperatorClient> => {
    const c = await OperatorClient.connect(hub.url, id);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    const creds = await enrollRobot(data.path);
    robotId = creds.robotId;
    hub = await startHub(data.path);
    agent = await startAgent(hub.url, creds);
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('lists the robot with live presence and its description', async () => {
    const alice = await operator('alice');
    const robots = await eventually(async () => {
      const list = await alice.listRobots();
      return list.find((r) => r.robotId === robotId && r.online) ? list : undefined;
    }, undefined, 'robot online');
    const me = robots.find((r) => r.robotId === robotId)!;
    expect(me).toMatchObject({ model: 'so101_sim', leaseHolder: null, queueLength: 0, mode: 'ROBOT_MODE_IDLE' });

    const sub = await alice.subscribe(robotId);
    expect(sub.describe.joints.map((j) => j.name)).toEqual(['shoulder_pan', 'shoulder_lift', 'elbow_flex', 'wrist_flex', 'wrist_roll', 'gripper']);
    expect(sub.describe.urdf).toContain('<robot name="teleop_sim_arm">');
    await alice.waitForState((s) => s.robotId === robotId);

    const http = (await (await fetch(`${hub.url}/api/v1/robots`)).json()) as { robots: { robotId: string; online: boolean }[] };
    expect(http.robots.find((r) => r.robotId === robotId)?.online).toBe(true);
  });

  it('the lease holder drives the arm and sees the joint state follow', async () => {
    const alice = clients[0]!;
    const lease = await alice.requestLease(robotId);
    expect(lease.status).toBe('granted');
    expect(lease.leaseId).toMatch(/^l-/);

    const target = [0.5, -0.4, 0.6, 0.2, -0.3, 0.8];
    const stop = alice.stream(robotId, target, 50);
    try {
      const reached = await alice.waitForState(
        (s) => s.state.leaseId === alice.leaseId && s.state.positions.every((p, i) => Math.abs(p - target[i]!) < 0.005),
        5000,
      );
      expect(fromLong(reached.state.appliedSequence)).toBeGreaterThan(0n);
      expect(reached.state.appliedPositions).toEqual(target);
    } finally {
      stop();
    }
    // The arm moved along the way: states between start and reach show intermediate positions.
    const pans = alice.states.filter((s) => s.state.leaseId === alice.leaseId).map((s) => s.state.positions[0]!);
    expect(pans.some((p) => p > 0.05 && p < 0.45)).toBe(true);
    expect(alice.errors).toEqual([]);
  });

  it('a second operator queues and gets the lease when the first releases', async () => {
    const alice = clients[0]!;
    const bob = await operator('bob');
    await bob.subscribe(robotId);
    const queued = await bob.requestLease(robotId);
    expect(queued).toEqual({ robotId, status: 'queued', position: 1 });
    const summary = (await bob.listRobots()).find((r) => r.robotId === robotId)!;
    expect(summary).toMatchObject({ leaseHolder: alice.address, queueLength: 1 });

    // Bob's commands are refused while Alice holds the lease.
    bob.send(robotId, [0, 0, 0, 0, 0, 0], { leaseId: alice.leaseId ?? '' });
    await bob.waitForError('not_lease_holder');

    await alice.releaseLease(robotId);
    const granted = await bob.waitForLease((u) => u.status === 'granted');
    expect(granted.leaseId).not.toBe(lease(alice));
    await alice.waitForLease((u) => u.status === 'revoked' && u.reason === 'released');

    const seq = bob.send(robotId, [0.1, 0, 0, 0, 0, 0]);
    const applied = await bob.waitApplied(seq);
    expect(applied.state.leaseId).toBe(bob.leaseId);
  });

  it('the queue moves on when the holder disconnects', async () => {
    const bob = clients[1]!;
    const carol = await operator('carol');
    await carol.subscribe(robotId);
    expect((await carol.requestLease(robotId)).status).toBe('queued');
    bob.close();
    const granted = await carol.waitForLease((u) => u.status === 'granted');
    expect(granted.robotId).toBe(robotId);
    const summary = await eventually(async () => (await carol.listRobots()).find((r) => r.robotId === robotId && r.leaseHolder === carol.address));
    expect(summary.queueLength).toBe(0);
    expect(await metric(hub.url, 'teleop_lease_changes_total', { change: 'disconnected' })).toBeGreaterThanOrEqual(1);
  });

  it('estimates operator and robot clock offsets and reports corrected latencies', async () => {
    const carol = clients[2]!;
    await eventually(() => carol.clockOffsetNs !== null, undefined, 'clock offset');
    // Same machine: the offset is tiny.
    expect(Number(carol.clockOffsetNs) / 1e6).toBeLessThan(5);
    const seq = carol.send(robotId, [0.2, 0, 0, 0, 0, 0]);
    await carol.waitApplied(seq);
    await eventually(async () => (await metric(hub.url, 'teleop_command_latency_seconds_count', { leg: 'round_trip' })) > 0, undefined, 'round trip samples');
    expect(await metric(hub.url, 'teleop_command_latency_seconds_count', { leg: 'hub_to_robot' })).toBeGreaterThan(0);
    expect(await metric(hub.url, 'teleop_command_latency_seconds_count', { leg: 'operator_to_hub' })).toBeGreaterThan(0);
    expect(await metric(hub.url, 'teleop_state_latency_seconds_count')).toBeGreaterThan(0);
  });
});

function lease(c: OperatorClient): string | null {
  return c.leaseUpdates.find((u) => u.status === 'granted')?.leaseId ?? null;
}

// Safety through the whole stack: the watchdog holds the arm within 200 ms of
// the last command, the e-stop stops it and latches until the lease holder
// resets it, and a lost lease stops motion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromLong } from '@teleop/proto';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { enrollRobot, eventually, startAgent, startHub, tempDir, type RunningHub, type TestProcess } from '../harness/processes.ts';

/** Stopped: every joint slower than 0.01 rad/s (the simulated servos settle the last fraction of a milliradian exponentially). */
const still = (velocities: number[]): boolean => velocities.every((v) => Math.abs(v) < 0.01);

describe('safety end to end', () => {
  const data = tempDir('safety');
  let hub: RunningHub;
  let agent: TestProcess;
  let robotId: string;
  let op: OperatorClient;

  beforeAll(async () => {
    const creds = await enrollRobot(data.path);
    robotId = creds.robotId;
    hub = await startHub(data.path);
    agent = await startAgent(hub.url, creds);
    op = await OperatorClient.connect(hub.url, 'driver');
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === robotId && r.online));
    await op.subscribe(robotId, 1000);
    expect((await op.requestLease(robotId)).status).toBe('granted');
  });

  afterAll(async () => {
    op?.close();
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('holds the pose within 200 ms when commands stop under an active lease', async () => {
    // Drive toward a far target so the arm is still moving when the commands stop.
    const stop = op.stream(robotId, [1.8, 1.5, 0, 0, 0, 0], 50);
    await op.waitForState((s) => s.state.leaseId === op.leaseId && Math.abs(s.state.velocities[0]!) > 1);
    stop();
    const lastSentNs = BigInt(Date.now()) * 1_000_000n;
    const stopped = await op.waitForState((s) => s.receivedNs > lastSentNs && still(s.state.velocities));
    const holdMs = Number(fromLong(stopped.state.captureTimeNs) - lastSentNs) / 1e6;
    expect(holdMs).toBeLessThanOrEqual(200);
    expect(holdMs).toBeGreaterThan(100); // the watchdog (150 ms) did it, not the end of the move
    expect(stopped.state.positions[0]).toBeLessThan(1.8); // it stopped short of the target rather than finishing the move
    await agent.waitForLog((l) => l.msg === 'robot mode changed' && l.mode === 'ROBOT_MODE_HOLDING');
  });

  it('e-stop stops the arm, refuses commands, and latches until the holder resets it', async () => {
    const stop = op.stream(robotId, [-1.5, -1.0, 0, 0, 0, 0], 50);
    await op.waitForState((s) => s.state.leaseId === op.leaseId && Math.abs(s.state.velocities[0]!) > 1);
    await op.estop(robotId, 'test stop');
    // Once the robot reports the e-stop, its arm is still and stays still. (How soon after the press that
    // is depends on the machine's load, so it is not timed here.)
    const reportedNs = await eventually(async () => {
      const status = op.statuses.get(robotId);
      return status?.estop ? fromLong(status.timeNs) : undefined;
    }, undefined, 'the robot reports the e-stop');
    await op.waitForState((s) => fromLong(s.state.captureTimeNs) > reportedNs);
    const after = op.states.filter((s) => s.robotId === robotId && fromLong(s.state.captureTimeNs) >= reportedNs);
    expect(after.length).toBeGreaterThan(0);
    for (const s of after) expect(still(s.state.velocities)).toBe(true);
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === robotId && r.estop));
    op.errors.length = 0;
    await op.waitForError('estopped');
    stop();
    // Still stopped: nothing moves while latched.
    const latched = op.states.at(-1)!.state;
    await new Promise((r) => setTimeout(r, 300));
    const later = op.states.at(-1)!.state;
    expect(later.appliedPositions).toEqual(latched.appliedPositions);
    later.positions.forEach((p, i) => expect(p).toBeCloseTo(latched.positions[i]!, 3));
    await agent.waitForLog((l) => l.msg === 'E-STOP engaged');

    await op.resetEstop(robotId);
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === robotId && !r.estop));
    const seq = op.send(robotId, [0, 0, 0, 0, 0, 0]);
    const applied = await op.waitApplied(seq);
    expect(fromLong(applied.state.appliedSequence)).toBe(seq);
  });

  it('only the lease holder may reset the e-stop', async () => {
    const other = await OperatorClient.connect(hub.url, 'bystander');
    try {
      await other.estop(robotId, 'bystander saw a problem');
      await expect(other.resetEstop(robotId)).rejects.toMatchObject({ error: { code: 'not_lease_holder' } });
      await op.resetEstop(robotId);
      await eventually(async () => (await op.listRobots()).find((r) => r.robotId === robotId && !r.estop));
    } finally {
      other.close();
    }
  });

  it('a released lease stops motion at once', async () => {
    const stop = op.stream(robotId, [1.5, 0, 0, 0, 0, 0], 50);
    await op.waitForState((s) => s.state.leaseId === op.leaseId && Math.abs(s.state.velocities[0]!) > 1);
    const releasedNs = BigInt(Date.now()) * 1_000_000n;
    await op.releaseLease(robotId);
    stop();
    const stopped = await op.waitForState((s) => s.receivedNs > releasedNs && still(s.state.velocities));
    expect(Number(fromLong(stopped.state.captureTimeNs) - releasedNs) / 1e6).toBeLessThan(100);
    await agent.waitForLog((l) => l.msg === 'lease revoked' && l.reason === 'released');
  });
});

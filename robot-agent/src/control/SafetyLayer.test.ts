import { beforeEach, describe, expect, it } from 'vitest';
import { toLong, v1 } from '@teleop/proto';
import { SafetyLayer, type SafetyConfig } from './SafetyLayer.ts';

const MS = 1_000_000n;
const joints = [
  { name: 'a', minPosition: -1, maxPosition: 1, maxVelocity: 2 },
  { name: 'b', minPosition: -2, maxPosition: 2, maxVelocity: 1 },
  { name: 'gripper', minPosition: 0, maxPosition: 1.5, maxVelocity: 4 },
];
const config: SafetyConfig = { joints, gripperIndex: 2, holdTimeoutMs: 150, maxCommandAgeMs: 250 };

/** A clock the test moves by hand. */
class ManualClock {
  ns = 1_800_000_000_000_000_000n;
  readonly read = (): bigint => this.ns;
  advanceMs(ms: number): void {
    this.ns += BigInt(Math.round(ms * 1e6));
  }
}

describe('SafetyLayer', () => {
  let clock: ManualClock;
  let safety: SafetyLayer;
  let seq: bigint;
  const measured = [0, 0, 0];

  const cmd = (values: number[], over: Partial<v1.ControlCommand.$Properties> = {}): v1.ControlCommand =>
    v1.ControlCommand.create({
      sequence: toLong(++seq),
      sendTimeNs: toLong(clock.ns),
      hubTimeNs: toLong(clock.ns),
      leaseId: 'L1',
      mode: v1.ControlMode.CONTROL_MODE_JOINT_POSITION,
      values,
      ...over,
    });

  beforeEach(() => {
    clock = new ManualClock();
    safety = new SafetyLayer(config, clock.read);
    seq = 0n;
    safety.tick(measured);
  });

  it('rejects commands when no lease is active, and for another lease', () => {
    expect(safety.submit(cmd([0.1, 0, 0]))).toMatchObject({ accepted: false, reason: 'no_lease' });
    safety.grantLease('L1');
    expect(safety.submit(cmd([0.1, 0, 0], { leaseId: 'L0' }))).toMatchObject({ accepted: false, reason: 'wrong_lease' });
    expect(safety.submit(cmd([0.1, 0, 0]))).toMatchObject({ accepted: true });
  });

  describe('fencing tokens (hubs sharing leases)', () => {
    it("refuses a stale hub's command: a token lower than the highest seen", () => {
      expect(safety.grantLease('L1', 5n)).toBe(true);
      expect(safety.submit(cmd([0.1, 0, 0], { fencingToken: toLong(5n) })).accepted).toBe(true);
      // Another hub took the lease over (the first one's Redis key expired): a higher token.
      expect(safety.grantLease('L2', 6n)).toBe(true);
      // The first hub, not knowing yet, forwards its operator's command under the old lease and token.
      expect(safety.submit(cmd([0.2, 0, 0], { fencingToken: toLong(5n) }))).toMatchObject({ accepted: false, reason: 'fenced' });
      // Even one claiming the new lease id with the old token.
      expect(safety.submit(cmd([0.2, 0, 0], { leaseId: 'L2', fencingToken: toLong(5n) }))).toMatchObject({ accepted: false, reason: 'fenced' });
      expect(safety.submit(cmd([0.3, 0, 0], { leaseId: 'L2', fencingToken: toLong(6n) })).accepted).toBe(true);
      expect(safety.highestFencingToken).toBe(6n);
    });

    it('refuses a grant with a lower token (a late grant from a stale hub), and keeps the current lease', () => {
      expect(safety.grantLease('L2', 6n)).toBe(true);
      expect(safety.grantLease('L1', 5n)).toBe(false);
      expect(safety.currentLeaseId).toBe('L2');
      expect(safety.submit(cmd([0.1, 0, 0], { leaseId: 'L1', fencingToken: toLong(5n) }))).toMatchObject({ accepted: false, reason: 'fenced' });
      // The same grant again (QoS 1 redelivery) is not a new lease: the sequence space stays.
      expect(safety.submit(cmd([0.1, 0, 0], { leaseId: 'L2', fencingToken: toLong(6n), sequence: toLong(50n) })).accepted).toBe(true);
      expect(safety.grantLease('L2', 6n)).toBe(true);
      expect(safety.submit(cmd([0.1, 0, 0], { leaseId: 'L2', fencingToken: toLong(6n), sequence: toLong(50n) }))).toMatchObject({ reason: 'out_of_order' });
      // Another lease under the same token is no lease of the hubs' counter: refused.
      expect(safety.grantLease('L3', 6n)).toBe(false);
    });

    it("a command must carry its lease's own token (not a higher one it claims)", () => {
      safety.grantLease('L1', 5n);
      expect(safety.submit(cmd([0.1, 0, 0], { fencingToken: toLong(9n) }))).toMatchObject({ accepted: false, reason: 'wrong_lease' });
      expect(safety.highestFencingToken).toBe(5n);
      // No token at all once tokens are in force: a hub outside the shared leases.
      expect(safety.submit(cmd([0.1, 0, 0]))).toMatchObject({ accepted: false, reason: 'fenced' });
    });

    it('without tokens (one hub) nothing changes', () => {
      expect(safety.grantLease('L1')).toBe(true);
      expect(safety.submit(cmd([0.1, 0, 0])).accepted).toBe(true);
      expect(safety.grantLease('L2')).toBe(true);
      expect(safety.submit(cmd([0.1, 0, 0], { leaseId: 'L2' })).accepted).toBe(true);
      expect(safety.highestFencingToken).toBe(0n);
    });
  });

  it('drops duplicate and out-of-order sequence numbers', () => {
    safety.grantLease('L1');
    expect(safety.submit(cmd([0.1, 0, 0], { sequence: toLong(10n) }))).toMatchObject({ accepted: true });
    expect(safety.submit(cmd([0.2, 0, 0], { sequence: toLong(10n) }))).toMatchObject({ accepted: false, reason: 'out_of_order' });
    expect(safety.submit(cmd([0.2, 0, 0], { sequence: toLong(9n) }))).toMatchObject({ accepted: false, reason: 'out_of_order' });
    expect(safety.submit(cmd([0.2, 0, 0], { sequence: toLong(11n) }))).toMatchObject({ accepted: true });
  });

  it('a new lease starts a new sequence space', () => {
    safety.grantLease('L1');
    expect(safety.submit(cmd([0.1, 0, 0], { sequence: toLong(100n) })).accepted).toBe(true);
    safety.grantLease('L2');
    expect(safety.submit(cmd([0.1, 0, 0], { sequence: toLong(1n), leaseId: 'L2' })).accepted).toBe(true);
  });

  it('drops stale commands and those stamped in the future, corrected by the clock offset', () => {
    safety.grantLease('L1');
    const old = clock.ns - 300n * MS;
    expect(safety.submit(cmd([0.1, 0, 0], { hubTimeNs: toLong(old) }))).toMatchObject({ accepted: false, reason: 'stale' });
    const future = clock.ns + 400n * MS;
    expect(safety.submit(cmd([0.1, 0, 0], { hubTimeNs: toLong(future) }))).toMatchObject({ accepted: false, reason: 'clock_skew' });
    // The robot's clock runs 10 s ahead of the hub's: a fresh hub-stamped command is fine once the offset is known.
    const hubNow = clock.ns - 10_000n * MS;
    expect(safety.submit(cmd([0.1, 0, 0], { hubTimeNs: toLong(hubNow) }))).toMatchObject({ accepted: false, reason: 'stale' });
    safety.setClockOffset(10_000n * MS);
    expect(safety.submit(cmd([0.1, 0, 0], { hubTimeNs: toLong(hubNow) }))).toMatchObject({ accepted: true });
  });

  it('rejects NaN and infinite values and wrong lengths without moving', () => {
    safety.grantLease('L1');
    safety.tick(measured);
    expect(safety.submit(cmd([Number.NaN, 0, 0]))).toMatchObject({ accepted: false, reason: 'non_finite' });
    expect(safety.submit(cmd([0, Number.POSITIVE_INFINITY, 0]))).toMatchObject({ accepted: false, reason: 'non_finite' });
    expect(safety.submit(cmd([0, 0]))).toMatchObject({ accepted: false, reason: 'bad_length' });
    clock.advanceMs(10);
    expect(safety.tick(measured).setpoint).toEqual([0, 0, 0]);
  });

  it('clamps targets to joint limits and moves the setpoint no faster than each joint allows', () => {
    safety.grantLease('L1');
    safety.tick(measured);
    const verdict = safety.submit(cmd([5, -5, 1]));
    expect(verdict).toEqual({ accepted: true, clamped: true });
    const seen: number[][] = [];
    let last = [0, 0, 0];
    for (let i = 0; i < 200; i++) {
      clock.advanceMs(10);
      if (i % 10 === 0) safety.submit(cmd([5, -5, 1])); // keep the watchdog fed
      const { setpoint } = safety.tick(last);
      for (let j = 0; j < 3; j++) {
        expect(Math.abs(setpoint[j]! - last[j]!)).toBeLessThanOrEqual(joints[j]!.maxVelocity * 0.01 + 1e-12);
        expect(setpoint[j]!).toBeGreaterThanOrEqual(joints[j]!.minPosition);
        expect(setpoint[j]!).toBeLessThanOrEqual(joints[j]!.maxPosition);
      }
      seen.push(setpoint);
      last = setpoint;
    }
    expect(last).toEqual([1, -2, 1]);
  });

  it('holds the measured pose when commands stop for the hold timeout, and says so once', () => {
    safety.grantLease('L1');
    safety.tick(measured);
    safety.submit(cmd([1, 0, 0]));
    clock.advanceMs(100);
    const moving = safety.tick([0.1, 0, 0]);
    expect(moving.mode).toBe(v1.RobotMode.ROBOT_MODE_TELEOP);
    expect(moving.setpoint[0]).toBeCloseTo(0.2);
    clock.advanceMs(60); // 160 ms since the last command
    const held = safety.tick([0.15, 0, 0]);
    expect(held.mode).toBe(v1.RobotMode.ROBOT_MODE_HOLDING);
    expect(held.holdStarted).toBe(true);
    expect(held.setpoint).toEqual([0.15, 0, 0]);
    clock.advanceMs(100);
    const still = safety.tick([0.16, 0, 0]);
    expect(still.holdStarted).toBe(false);
    expect(still.setpoint).toEqual([0.15, 0, 0]);
    // A fresh command resumes driving.
    expect(safety.submit(cmd([1, 0, 0])).accepted).toBe(true);
    clock.advanceMs(10);
    expect(safety.tick([0.15, 0, 0]).mode).toBe(v1.RobotMode.ROBOT_MODE_TELEOP);
  });

  it('latches the e-stop over everything until an explicit reset', () => {
    safety.grantLease('L1');
    safety.tick(measured);
    safety.submit(cmd([1, 0, 0]));
    clock.advanceMs(50);
    safety.tick([0.05, 0, 0]);
    safety.engageEStop('by op: test');
    clock.advanceMs(10);
    const out = safety.tick([0.07, 0, 0]);
    expect(out.mode).toBe(v1.RobotMode.ROBOT_MODE_ESTOPPED);
    expect(out.setpoint).toEqual([0.07, 0, 0]);
    expect(safety.submit(cmd([1, 0, 0]))).toMatchObject({ accepted: false, reason: 'estopped' });
    // The watchdog does not move the frozen setpoint later on.
    clock.advanceMs(300);
    expect(safety.tick([0.071, 0, 0]).setpoint).toEqual([0.07, 0, 0]);
    // A new lease does not clear it.
    safety.grantLease('L2');
    expect(safety.submit(cmd([1, 0, 0], { leaseId: 'L2' }))).toMatchObject({ accepted: false, reason: 'estopped' });
    clock.advanceMs(10);
    expect(safety.tick([0.07, 0, 0]).setpoint).toEqual([0.07, 0, 0]);
    expect(safety.resetEStop()).toBe(true);
    expect(safety.mode).toBe(v1.RobotMode.ROBOT_MODE_HOLDING);
    expect(safety.submit(cmd([1, 0, 0], { leaseId: 'L2' })).accepted).toBe(true);
  });

  it('stops motion when the lease is revoked and ignores revocations of other leases', () => {
    safety.grantLease('L1');
    safety.tick(measured);
    safety.submit(cmd([1, 0, 0]));
    expect(safety.revokeLease('L0')).toBe(false);
    expect(safety.revokeLease('L1')).toBe(true);
    clock.advanceMs(10);
    const out = safety.tick([0.02, 0, 0]);
    expect(out.mode).toBe(v1.RobotMode.ROBOT_MODE_IDLE);
    expect(out.setpoint).toEqual([0.02, 0, 0]);
  });

  it('drives only the gripper in gripper mode', () => {
    safety.grantLease('L1');
    safety.tick([0.3, -0.4, 0]);
    expect(safety.submit(cmd([9], { mode: v1.ControlMode.CONTROL_MODE_GRIPPER })).accepted).toBe(true);
    let out = safety.tick([0.3, -0.4, 0]);
    for (let i = 0; i < 50; i++) {
      clock.advanceMs(10);
      if (i % 10 === 0) safety.submit(cmd([9], { mode: v1.ControlMode.CONTROL_MODE_GRIPPER }));
      out = safety.tick([0.3, -0.4, out.setpoint[2]!]);
    }
    expect(out.setpoint).toEqual([0.3, -0.4, 1.5]);
  });

  it('integrates clamped velocities in velocity mode', () => {
    safety.grantLease('L1');
    safety.tick(measured);
    safety.submit(cmd([10, -0.5, 0], { mode: v1.ControlMode.CONTROL_MODE_JOINT_VELOCITY }));
    clock.advanceMs(100);
    const out = safety.tick(measured);
    expect(out.setpoint[0]).toBeCloseTo(0.2); // clamped to 2 rad/s
    expect(out.setpoint[1]).toBeCloseTo(-0.05);
  });

  it('refuses everything while the driver reports a fault, saying which, and resumes from where the robot is', () => {
    safety.grantLease('L1');
    safety.tick(measured);
    safety.setFault(true, 'elbow_flex (servo 3) has no torque');
    expect(safety.submit(cmd([0.1, 0, 0]))).toMatchObject({ accepted: false, reason: 'fault', message: 'the robot has an active fault (elbow_flex (servo 3) has no torque); motion is stopped until the fault is reset' });
    expect(safety.mode).toBe(v1.RobotMode.ROBOT_MODE_FAULT);
    safety.tick(measured);
    // A limp joint sagged during the fault: after it, the setpoint is the pose now, not the one before.
    const sagged = [measured[0]! - 0.3, measured[1]!, measured[2]!];
    safety.setFault(false);
    expect(safety.tick(sagged).setpoint[0]).toBeCloseTo(sagged[0]!, 9);
    expect(safety.submit(cmd([0.1, 0, 0])).accepted).toBe(true);
  });
});

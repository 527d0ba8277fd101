import { describe, expect, it } from 'vitest';
import { fromLong, nowNs, parseRobotTopic, robotTopic, toLong, v1, isValidRobotId } from './index.ts';

describe('teleop.v1 messages', () => {
  it('round-trips a JointState with nanosecond times beyond 2^53', () => {
    const t = 1_795_000_000_123_456_789n;
    const bytes = v1.JointState.encode({
      captureTimeNs: toLong(t),
      positions: [0.1, -0.2, 0.3, 0, 0, 0.5],
      appliedSequence: toLong(42n),
      leaseId: 'l-1',
    }).finish();
    const back = v1.JointState.decode(bytes);
    expect(fromLong(back.captureTimeNs)).toBe(t);
    expect(fromLong(back.appliedSequence)).toBe(42n);
    expect(back.positions).toEqual([0.1, -0.2, 0.3, 0, 0, 0.5]);
    expect(back.leaseId).toBe('l-1');
  });

  it('rejects a truncated message with an error instead of returning garbage', () => {
    const bytes = v1.ControlCommand.encode({ sequence: toLong(7n), values: [1, 2, 3] }).finish();
    expect(() => v1.ControlCommand.decode(bytes.subarray(0, bytes.length - 3))).toThrow();
  });

  it('carries the oneof of a SessionEvent', () => {
    const bytes = v1.SessionEvent.encode({ timeNs: toLong(nowNs()), estop: { source: 'op', reason: 'test' } }).finish();
    const ev = v1.SessionEvent.decode(bytes);
    expect(ev.event).toBe('estop');
    expect(ev.estop?.source).toBe('op');
  });

  it('nowNs tracks Date.now within a few ms', () => {
    const diffMs = Number(nowNs() / 1_000_000n) - Date.now();
    expect(Math.abs(diffMs)).toBeLessThan(50);
  });
});

describe('topics', () => {
  it('builds and parses robot topics', () => {
    expect(robotTopic('arm-1', 'control')).toBe('robots/arm-1/cmd/control');
    expect(parseRobotTopic('robots/arm-1/cmd/control')).toEqual({ robotId: 'arm-1', suffix: 'cmd/control', channel: 'control' });
    expect(parseRobotTopic('robots/arm-1/nope')?.channel).toBeUndefined();
    expect(parseRobotTopic('other/arm-1/state')).toBeNull();
    expect(parseRobotTopic('robots/')).toBeNull();
  });

  it('refuses robot ids that could smuggle wildcards or levels', () => {
    for (const bad of ['+', '#', 'a/b', 'A-1', '', 'x']) expect(isValidRobotId(bad)).toBe(false);
    expect(isValidRobotId('r-7f3k2m9q')).toBe(true);
  });
});

describe('media clock', () => {
  it('maps capture times to 90 kHz RTP timestamps and back across the 32-bit wrap', async () => {
    const { rtpTimestampOf, captureNsOfRtp } = await import('./mediaClock.ts');
    const capture = 1_795_308_000_123_456_789n;
    const ts = rtpTimestampOf(capture);
    const back = captureNsOfRtp(ts, capture + 25_000_000n); // read 25 ms later
    expect(Number(capture - back)).toBeGreaterThanOrEqual(0);
    expect(Number(capture - back)).toBeLessThan(11_112); // one 90 kHz tick
    // A timestamp just before a wrap, read just after it.
    const wrapNs = ((2n ** 32n) * 1_000_000n * 1000n) / 90n;
    const justBefore = wrapNs - 1_000_000n;
    expect(rtpTimestampOf(justBefore)).toBeGreaterThan(2 ** 32 - 100);
    expect(Number(captureNsOfRtp(rtpTimestampOf(justBefore), wrapNs + 5_000_000n) - justBefore)).toBeLessThan(11_112);
  });
});

import { describe, expect, it } from 'vitest';
import { RobotBudget } from './RobotBudget.ts';

function budget() {
  let now = 1_000_000;
  const b = new RobotBudget({ stateRate: 100, bytesRate: 10_000, disconnectAfterMs: 2000, coolDownMs: 5000, nowMs: () => now });
  return { b, advance: (ms: number) => (now += ms) };
}

describe('RobotBudget', () => {
  it('lets a robot within its rate through, every message', () => {
    const { b, advance } = budget();
    for (let i = 0; i < 1000; i++) {
      expect(b.admit('r1', 'state', 50)).toBe('ok');
      advance(10); // 100 Hz
    }
  });

  it('drops what is over the rate, per robot and per channel, and lets the rest through', () => {
    const { b, advance } = budget();
    const verdicts = Array.from({ length: 300 }, () => b.admit('r1', 'state', 10));
    expect(verdicts.filter((v) => v === 'ok')).toHaveLength(100); // a second's burst
    expect(verdicts.filter((v) => v === 'throttled')).toHaveLength(200);
    expect(b.admit('r2', 'state', 10)).toBe('ok'); // another robot is not charged
    expect(b.admit('r1', 'status', 10)).toBe('ok'); // nor another channel of the same robot
    advance(100);
    expect(Array.from({ length: 20 }, () => b.admit('r1', 'state', 10)).filter((v) => v === 'ok')).toHaveLength(10);
  });

  it('counts bytes over every channel', () => {
    const { b } = budget();
    expect(b.admit('r1', 'describe', 9000)).toBe('ok');
    expect(b.admit('r1', 'state', 2000)).toBe('throttled');
    expect(b.admit('r1', 'state', 500)).toBe('ok'); // the refused one cost nothing
  });

  it('disconnects a robot that stays over budget, keeps disconnecting it while it cools down, then starts afresh', () => {
    const { b, advance } = budget();
    const verdicts: string[] = [];
    for (let t = 0; t < 2500; t += 5) {
      verdicts.push(b.admit('r1', 'state', 10), b.admit('r1', 'state', 10), b.admit('r1', 'state', 10));
      advance(5);
    }
    const first = verdicts.indexOf('disconnect');
    expect(first).toBeGreaterThan(0);
    expect(verdicts.slice(0, first)).toContain('throttled');
    expect(verdicts.slice(first).every((v) => v === 'disconnect')).toBe(true); // cooling down
    advance(5000);
    expect(b.admit('r1', 'state', 10)).toBe('ok');
  });

  it('does not disconnect a robot whose bursts are over budget now and then', () => {
    const { b, advance } = budget();
    for (let second = 0; second < 10; second++) {
      for (let i = 0; i < 150; i++) expect(b.admit('r1', 'state', 10)).not.toBe('disconnect');
      advance(1500);
    }
  });
});

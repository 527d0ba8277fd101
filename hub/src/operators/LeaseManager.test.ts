import { describe, expect, it } from 'vitest';
import { LeaseManager } from './LeaseManager.ts';

function setup() {
  let now = 1_000_000;
  const leases = new LeaseManager({ idleMs: 1000, maxMs: 5000, nowMs: () => now });
  const events: string[] = [];
  leases.on('granted', (r, h) => events.push(`granted ${r} ${h.operatorId}`));
  leases.on('ended', (r, h, reason) => events.push(`ended ${r} ${h.operatorId} ${reason}`));
  return { leases, events, advance: (ms: number) => (now += ms) };
}

describe('LeaseManager', () => {
  it('grants a free robot, queues the rest in order, and hands over on release', () => {
    const { leases, events } = setup();
    const a = leases.request('r1', 'alice', 'c1');
    expect(a.status).toBe('granted');
    expect(leases.request('r1', 'bob', 'c2')).toEqual({ robotId: 'r1', status: 'queued', position: 1 });
    expect(leases.request('r1', 'carol', 'c3')).toEqual({ robotId: 'r1', status: 'queued', position: 2 });
    // Asking again changes nothing.
    expect(leases.request('r1', 'bob', 'c2')).toEqual({ robotId: 'r1', status: 'queued', position: 1 });
    expect(leases.request('r1', 'alice', 'c1')).toMatchObject({ status: 'granted', leaseId: a.leaseId });
    expect(leases.release('r1', 'c1')).toBe(true);
    expect(leases.holder('r1')?.operatorId).toBe('bob');
    expect(leases.updateFor('r1', 'c3')).toEqual({ robotId: 'r1', status: 'queued', position: 1 });
    expect(events).toEqual(['granted r1 alice', 'ended r1 alice released', 'granted r1 bob']);
    expect(leases.holder('r1')?.leaseId).not.toBe(a.leaseId);
  });

  it('checks holder and lease id of commands', () => {
    const { leases } = setup();
    const a = leases.request('r1', 'alice', 'c1');
    expect(leases.check('r1', 'c1', a.leaseId!)).toBeNull();
    expect(leases.check('r1', 'c2', a.leaseId!)?.code).toBe('not_lease_holder');
    expect(leases.check('r1', 'c1', 'l-old')?.code).toBe('stale_lease');
    expect(leases.check('r2', 'c1', a.leaseId!)?.code).toBe('not_lease_holder');
  });

  it('revokes idle leases and keeps active ones', () => {
    const { leases, events, advance } = setup();
    leases.request('r1', 'alice', 'c1');
    leases.request('r1', 'bob', 'c2');
    advance(900);
    leases.touch('r1');
    advance(900);
    leases.checkTimeouts();
    expect(leases.holder('r1')?.operatorId).toBe('alice');
    advance(200);
    leases.checkTimeouts();
    expect(leases.holder('r1')?.operatorId).toBe('bob');
    expect(events).toContain('ended r1 alice inactive');
  });

  it('ends an expired lease only when someone waits; otherwise extends it', () => {
    const { leases, events, advance } = setup();
    leases.request('r1', 'alice', 'c1');
    for (let t = 0; t < 6000; t += 500) {
      advance(500);
      leases.touch('r1');
      leases.checkTimeouts();
    }
    expect(leases.holder('r1')?.operatorId).toBe('alice');
    leases.request('r1', 'bob', 'c2');
    for (let t = 0; t < 5000; t += 500) {
      advance(500);
      leases.touch('r1');
      leases.checkTimeouts();
    }
    expect(events).toContain('ended r1 alice expired');
    expect(leases.holder('r1')?.operatorId).toBe('bob');
  });

  it('releases everything of a disconnected connection and drops a removed robot with its queue', () => {
    const { leases, events } = setup();
    leases.request('r1', 'alice', 'c1');
    leases.request('r2', 'alice', 'c1');
    leases.request('r2', 'bob', 'c2');
    leases.request('r1', 'bob', 'c2');
    leases.releaseConnection('c1');
    expect(leases.holder('r1')?.operatorId).toBe('bob');
    expect(leases.holder('r2')?.operatorId).toBe('bob');
    leases.request('r1', 'carol', 'c3');
    leases.revoke('r1', 'robot_removed');
    expect(leases.holder('r1')).toBeUndefined();
    expect(leases.queueLength('r1')).toBe(0);
    expect(events.filter((e) => e.startsWith('ended'))).toEqual(['ended r1 alice disconnected', 'ended r2 alice disconnected', 'ended r1 bob robot_removed']);
  });
});

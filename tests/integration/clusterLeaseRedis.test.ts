// ClusterLeases (hub/src/operators) of two hubs in one process, against a
// real redis-server: what the two-hub test cannot make happen on purpose
// (many requests at once, Redis going away, a connection gone mid-request).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../hub/src/log.ts';
import { ClusterLeases } from '../../hub/src/operators/ClusterLeases.ts';
import { connectRedis } from '../../hub/src/operators/redisConnection.ts';
import { eventually, tempDir } from '../harness/processes.ts';
import { startRedis, type RunningRedis } from '../harness/redis.ts';

const TTL_MS = 600;
const logger = createLogger('silent');

async function startHubLeases(redisUrl: string): Promise<{ leases: ClusterLeases; ended: [string, string, string][]; tick: NodeJS.Timeout; crash: () => Promise<void>; close: () => Promise<void> }> {
  const redis = await connectRedis(redisUrl, TTL_MS, logger);
  const subscriber = await connectRedis(redisUrl, TTL_MS, logger);
  const leases = await ClusterLeases.start({ redis, subscriber, idleMs: 60_000, maxMs: 600_000, ttlMs: TTL_MS, logger });
  const ended: [string, string, string][] = [];
  leases.on('ended', (robotId, holder, reason) => ended.push([robotId, holder.connectionId, reason]));
  // The hub calls this every 250 ms.
  const tick = setInterval(() => leases.checkTimeouts(), 250);
  let crashed = false;
  return {
    leases,
    ended,
    tick,
    /** As a killed hub: nothing given back, nothing renewed from now on. */
    crash: async () => {
      crashed = true;
      clearInterval(tick);
      subscriber.disconnect();
      redis.disconnect();
    },
    close: async () => {
      if (crashed) return void (await leases.close().catch(() => undefined));
      clearInterval(tick);
      await leases.close().catch(() => undefined);
      subscriber.disconnect();
      redis.disconnect();
    },
  };
}

describe('ClusterLeases against a real Redis', () => {
  const data = tempDir('cluster-lease-redis');
  let redis: RunningRedis;
  const open: { close: () => Promise<void> }[] = [];

  beforeAll(async () => {
    redis = await startRedis(data.path);
  });

  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
  });

  afterAll(async () => {
    await redis?.stop();
    data.remove();
  });

  it('grants one lease among many requests from two hubs at once; the rest queue in one order; tokens only grow', async () => {
    const a = await startHubLeases(redis.url);
    const b = await startHubLeases(redis.url);
    open.push(a, b);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).leases.request('r-race', `op-${i}`, `conn-${i}`)),
    );
    const granted = answers.filter((u) => u.status === 'granted');
    expect(granted).toHaveLength(1);
    expect(answers.filter((u) => u.status === 'queued').map((u) => u.position).sort((x, y) => x! - y!)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    // Hand-overs down the queue, across the hubs: every grant's token is higher than the last.
    let token = granted[0]!.fencingToken!;
    let holderIndex = answers.indexOf(granted[0]!);
    for (let n = 0; n < 3; n++) {
      const holderHub = holderIndex % 2 === 0 ? a : b;
      const next = answers.findIndex((u) => u.status === 'queued' && u.position === n + 1);
      const nextHub = next % 2 === 0 ? a : b;
      expect(holderHub.leases.release('r-race', `conn-${holderIndex}`)).toBe(true);
      const update = await eventually(() => {
        const u = nextHub.leases.updateFor('r-race', `conn-${next}`);
        return u.status === 'granted' ? u : undefined;
      }, 10_000, `conn-${next} granted`);
      expect(update.fencingToken).toBeGreaterThan(token);
      // Never two holders: the other hub does not think it holds it.
      const other = nextHub === a ? b : a;
      expect(other.leases.check('r-race', `conn-${next}`, update.leaseId!)?.code).toBe('not_lease_holder');
      token = update.fencingToken!;
      holderIndex = next;
    }
  });

  it('a grant to a connection that went while Redis answered is given back, and the next in line gets it', async () => {
    const a = await startHubLeases(redis.url);
    const b = await startHubLeases(redis.url);
    open.push(a, b);
    a.leases.setConnectionCheck((id) => id !== 'gone');
    expect((await b.leases.request('r-gone', 'op-b', 'b-1')).status).toBe('granted');
    expect((await a.leases.request('r-gone', 'op-a', 'gone')).status).toBe('queued');
    expect((await b.leases.request('r-gone', 'op-c', 'b-2')).status).toBe('queued');
    b.leases.release('r-gone', 'b-1');
    await eventually(() => (b.leases.updateFor('r-gone', 'b-2').status === 'granted' ? true : undefined), 10_000, 'b-2 granted past the gone connection');
    expect(a.leases.holder('r-gone')?.connectionId).not.toBe('gone');
  });

  it("an owner's revoke on another hub ends the lease at its holder's hub, with its reason; the queue moves on", async () => {
    const a = await startHubLeases(redis.url);
    const b = await startHubLeases(redis.url);
    open.push(a, b);
    const first = await a.leases.request('r-revoke', 'op-a', 'a-1');
    expect(first.status).toBe('granted');
    expect((await b.leases.request('r-revoke', 'op-b', 'b-1')).status).toBe('queued');
    await eventually(() => (b.leases.holder('r-revoke')?.leaseId === first.leaseId ? true : undefined), 10_000, 'hub B sees the holder');
    b.leases.revoke('r-revoke', 'revoked');
    await eventually(() => (a.ended.some(([r, c, reason]) => r === 'r-revoke' && c === 'a-1' && reason === 'revoked') ? true : undefined), 10_000, 'ended at hub A as revoked');
    const next = await eventually(() => {
      const u = b.leases.updateFor('r-revoke', 'b-1');
      return u.status === 'granted' ? u : undefined;
    }, 10_000, 'b-1 granted');
    expect(next.fencingToken).toBeGreaterThan(first.fencingToken!);
    // A robot going offline is each hub's own to act on: hub A does not end hub B's lease.
    a.leases.revoke('r-revoke', 'robot_offline');
    expect(b.leases.check('r-revoke', 'b-1', next.leaseId!)).toBeNull();
  });

  it("a dead hub's queued connection at the head of the queue does not block the next one, on a live hub", async () => {
    const a = await startHubLeases(redis.url);
    const b = await startHubLeases(redis.url);
    const c = await startHubLeases(redis.url);
    open.push(a, b, c);
    expect((await a.leases.request('r-dead-head', 'op-a', 'a-1')).status).toBe('granted');
    expect(await b.leases.request('r-dead-head', 'op-b', 'b-1')).toMatchObject({ status: 'queued', position: 1 });
    expect(await c.leases.request('r-dead-head', 'op-c', 'c-1')).toMatchObject({ status: 'queued', position: 2 });
    // Hub B dies: no close, no more renewals; its connection stays at the head of the queue in Redis.
    await b.crash();
    a.leases.release('r-dead-head', 'a-1');
    const granted = await eventually(() => {
      const u = c.leases.updateFor('r-dead-head', 'c-1');
      return u.status === 'granted' ? u : undefined;
    }, 10_000, 'c-1 granted past the dead head');
    expect(granted.fencingToken).toBeGreaterThan(0);
    expect(c.leases.queued('r-dead-head')).toEqual([]);
  });

  it('a queued connection whose entry was dropped (its hub could not renew its liveness in time) is queued again', async () => {
    const a = await startHubLeases(redis.url);
    const b = await startHubLeases(redis.url);
    open.push(a, b);
    expect((await a.leases.request('r-requeue', 'op-a', 'a-1')).status).toBe('granted');
    expect(await b.leases.request('r-requeue', 'op-b', 'b-1')).toMatchObject({ status: 'queued', position: 1 });
    // As if hub B's liveness had lapsed: another hub's next request drops B's entry.
    await redis.command('DEL', `teleop:hub:${b.leases.hubId}`);
    expect(await a.leases.request('r-requeue', 'op-x', 'a-2')).toMatchObject({ status: 'queued', position: 1 });
    await eventually(() => (b.leases.updateFor('r-requeue', 'b-1').status === 'queued' && b.leases.updateFor('r-requeue', 'b-1').position === 2 ? true : undefined), 10_000, 'b-1 queued again, at the back');
  });

  it('while Redis is away, the holder stops forwarding within the time to live, the lease ends as lost, and nothing is granted', async () => {
    const own = await startRedis(tempDir('cluster-lease-redis-away').path);
    const a = await startHubLeases(own.url);
    open.push(a);
    const granted = await a.leases.request('r-away', 'op-a', 'a-1');
    expect(a.leases.check('r-away', 'a-1', granted.leaseId!)).toBeNull();
    await own.stop();
    // No renewal is confirmed from here: a time to live later, whatever the timers did, no command passes.
    await new Promise((r) => setTimeout(r, TTL_MS));
    expect(a.leases.check('r-away', 'a-1', granted.leaseId!)).toMatchObject({ code: 'not_lease_holder' });
    await eventually(() => (a.ended.some(([r, , reason]) => r === 'r-away' && reason === 'lost') ? true : undefined), 10_000, 'lease lost');
    await expect(a.leases.request('r-away', 'op-a', 'a-1')).rejects.toMatchObject({ code: 'lease_unavailable' });
  });
});

// Control leases shared by several hubs through Redis (--redis-url). Redis
// decides every grant (one Lua script, atomic), gives each grant a fencing
// token (INCR per robot) and keeps the lease only while its hub renews it: a
// hub that dies or is cut off loses its leases when their time to live runs
// out. This hub is the authority over its own connections only: it forwards a
// command only while its last confirmed renewal is recent enough that no
// other hub can have been granted the lease since; beyond that the robot
// itself refuses commands whose token is below the highest it has seen.
// Everything else (holders and queues of other hubs' connections) is a view
// read from Redis, refreshed on every change announced by a hub and on a timer.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { LeaseEndReason, LeaseUpdate, OperatorErrorCode } from '@teleop/proto';
import type { Logger } from '../log.ts';
import type { LeaseHolder, QueueEntry } from '../store/LeaseStore.ts';
import type { ControlLeases, LeaseEvents } from './LeaseManager.ts';
import { CLAIM_LUA, END_LUA, keys, LEAVE_LUA, RENEW_LUA, REQUEST_LUA, type SharedHolder, type SharedQueueEntry } from './clusterLeaseScripts.ts';
import { OperatorRequestError } from './operatorRequests.ts';

export interface ClusterLeasesOptions {
  /** Commands (and pub/sub publishes) go through this connection. */
  redis: Redis;
  /** A second connection, for the subscription to other hubs' announcements. */
  subscriber: Redis;
  /** Revoke after this long without commands. */
  idleMs: number;
  /** A lease lasts this long while others wait; it is extended when nobody does. */
  maxMs: number;
  /** Time to live of a lease (and of this hub's liveness) in Redis; renewed every third of it. */
  ttlMs: number;
  logger: Logger;
  nowMs?: () => number;
}

/** A lease one of this hub's connections holds. */
interface LocalLease {
  holder: LeaseHolder & { fencingToken: number };
  /** Until when this hub may forward under it without asking Redis again: no other hub can hold it before. */
  confirmedUntilMs: number;
}

/** What Redis last said of a robot (holder of any hub, queue of all hubs). */
interface SharedView {
  holder: SharedHolder | null;
  queue: SharedQueueEntry[];
}

interface Announcement {
  robotId: string;
  hubId: string;
  /** Set when a lease was ended by another hub than its holder's (owner revoke): the holder's hub ends it with this reason. */
  ended?: { leaseId: string; reason: LeaseEndReason };
}

type ScriptRunner = (numKeys: number, ...args: (string | number)[]) => Promise<unknown>;

export class ClusterLeases extends EventEmitter<LeaseEvents> implements ControlLeases {
  /** This process among the hubs (its queue entries and leases name it). */
  readonly hubId = `h-${randomBytes(6).toString('base64url')}`;
  private readonly local = new Map<string, LocalLease>();
  private readonly views = new Map<string, SharedView>();
  private readonly nowMs: () => number;
  private readonly renewTimer: NodeJS.Timeout;
  /** Robots to read again at the next tick. */
  private readonly dirty = new Set<string>();
  private ticking = false;
  /** Whether one of this hub's connections is still there (a grant to one gone meanwhile is given back). */
  private connectionAlive: (connectionId: string) => boolean = () => true;
  private renewFailing = false;
  /**
   * This hub's connections queued per robot (connection id -> operator id). One that vanishes from the shared queue
   * without a grant (its entry dropped while this hub could not renew its liveness) is queued again at the back.
   */
  private readonly waiting = new Map<string, Map<string, string>>();
  private closed = false;
  private readonly scripts: Record<'request' | 'claim' | 'renew' | 'end' | 'leave', ScriptRunner>;

  private constructor(private readonly o: ClusterLeasesOptions) {
    super();
    this.nowMs = o.nowMs ?? Date.now;
    const defined: Record<string, [string, number]> = { request: [REQUEST_LUA, 3], claim: [CLAIM_LUA, 3], renew: [RENEW_LUA, 1], end: [END_LUA, 2], leave: [LEAVE_LUA, 1] };
    for (const [name, [lua, numberOfKeys]] of Object.entries(defined)) o.redis.defineCommand(`teleopLease_${name}`, { lua, numberOfKeys });
    const run = (name: string): ScriptRunner => (numKeys, ...args) => (o.redis as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[`teleopLease_${name}`]!(...args.slice(0, numKeys), ...args.slice(numKeys));
    this.scripts = { request: run('request'), claim: run('claim'), renew: run('renew'), end: run('end'), leave: run('leave') };
    this.renewTimer = setInterval(() => void this.renew(), Math.max(100, Math.floor(o.ttlMs / 3)));
  }

  /** Connects to the shared leases: this hub announces itself alive and listens to the other hubs' announcements. */
  static async start(o: ClusterLeasesOptions): Promise<ClusterLeases> {
    const leases = new ClusterLeases(o);
    await o.redis.set(keys.hubAlive(leases.hubId), '1', 'PX', o.ttlMs);
    o.subscriber.on('message', (channel: string, message: string) => {
      if (channel === keys.leaseChannel) leases.onAnnouncement(message);
    });
    await o.subscriber.subscribe(keys.leaseChannel);
    o.logger.info({ hubId: leases.hubId, ttlMs: o.ttlMs }, 'control leases shared through Redis');
    return leases;
  }

  /** Whether the connection to Redis is up (health). */
  get redisConnected(): boolean {
    return this.o.redis.status === 'ready';
  }

  /** Tells which of this hub's connections are still open (the operator gateway's sockets). */
  setConnectionCheck(alive: (connectionId: string) => boolean): void {
    this.connectionAlive = alive;
  }

  async request(robotId: string, operatorId: string, connectionId: string): Promise<LeaseUpdate> {
    const mine = this.local.get(robotId);
    if (mine?.holder.connectionId === connectionId) return this.updateFor(robotId, connectionId);
    const now = this.nowMs();
    const entry: SharedQueueEntry = { operatorId, connectionId, hubId: this.hubId, queuedAtMs: now };
    let answer: [string, string];
    try {
      answer = (await this.scripts.request(3, keys.lease(robotId), keys.fence(robotId), keys.queue(robotId), JSON.stringify(entry), keys.hubAlivePrefix, this.o.ttlMs, newLeaseId(), now, this.o.maxMs)) as [string, string];
    } catch (err) {
      this.o.logger.error({ err, robotId }, `asking Redis for a lease failed: ${(err as Error).message}`);
      throw new OperatorRequestError('lease_unavailable', `the hubs' shared lease store could not be reached, so no lease of ${robotId} was granted; try again in a moment`, robotId);
    }
    const [status, value] = answer;
    if (status === 'granted') this.adopt(robotId, JSON.parse(value) as SharedHolder, now);
    else if (status === 'queued') this.wait(robotId, connectionId, operatorId);
    this.announce(robotId);
    try {
      await this.refresh(robotId);
    } catch (err) {
      this.dirty.add(robotId); // read again at the next look
      this.o.logger.warn({ robotId, err: (err as Error).message }, 'reading the shared lease from Redis failed');
    }
    if (status === 'queued') this.emit('queue', robotId, this.queued(robotId));
    const update = this.updateFor(robotId, connectionId);
    // Queued in Redis though the read after it failed: the script's answer says where.
    if (status === 'queued' && update.status === 'none') return { robotId, status: 'queued', position: Number(value) };
    return update;
  }

  release(robotId: string, connectionId: string, reason: LeaseEndReason = 'released'): boolean {
    const mine = this.local.get(robotId);
    if (mine?.holder.connectionId === connectionId) {
      this.endLocal(robotId, reason, true);
      return true;
    }
    const waited = this.unwait(robotId, connectionId);
    const view = this.views.get(robotId);
    if (!view?.queue.some((q) => q.connectionId === connectionId)) {
      if (!waited) return false;
    } else view.queue = view.queue.filter((q) => q.connectionId !== connectionId);
    this.emit('queue', robotId, this.queued(robotId));
    this.background(robotId, 'leaving the queue', async () => {
      await this.scripts.leave(1, keys.queue(robotId), connectionId);
      this.announce(robotId);
    });
    return true;
  }

  releaseConnection(connectionId: string, reason: LeaseEndReason = 'disconnected'): void {
    const robots = new Set([...this.local.keys(), ...this.views.keys(), ...this.waiting.keys()]);
    for (const robotId of robots) this.release(robotId, connectionId, reason);
  }

  revoke(robotId: string, reason: LeaseEndReason): void {
    if (reason === 'robot_removed') {
      this.views.delete(robotId);
      this.waiting.delete(robotId);
      this.background(robotId, 'clearing the queue', async () => {
        await this.o.redis.del(keys.queue(robotId));
        this.announce(robotId);
      });
      this.emit('queue', robotId, []);
    }
    if (this.local.has(robotId)) {
      this.endLocal(robotId, reason, true);
      return;
    }
    // Every hub hears a robot go offline: each ends its own connections' leases only. An owner's revoke (or a
    // removed robot) is done on one hub: the holder's hub, wherever it is, is told.
    const foreign = this.views.get(robotId)?.holder;
    if (!foreign || reason === 'robot_offline') return;
    this.background(robotId, 'revoking the lease', async () => {
      await this.scripts.end(2, keys.lease(robotId), keys.ended(foreign.leaseId), foreign.leaseId, reason, this.o.ttlMs * 10);
      this.announce(robotId, { leaseId: foreign.leaseId, reason });
      await this.refresh(robotId);
      this.emit('queue', robotId, this.queued(robotId));
    });
  }

  holder(robotId: string): LeaseHolder | undefined {
    const mine = this.local.get(robotId);
    if (mine) return mine.holder;
    const h = this.views.get(robotId)?.holder;
    if (!h) return undefined;
    return { leaseId: h.leaseId, operatorId: h.operatorId, connectionId: h.connectionId, grantedAtMs: h.grantedAtMs, expiresAtMs: h.expiresAtMs, lastActivityMs: h.grantedAtMs, fencingToken: h.token };
  }

  placeOf(robotId: string, operatorId: string): string | null {
    const h = this.holder(robotId);
    if (h?.operatorId === operatorId) return h.connectionId;
    return this.views.get(robotId)?.queue.find((q) => q.operatorId === operatorId)?.connectionId ?? null;
  }

  queued(robotId: string): readonly QueueEntry[] {
    return (this.views.get(robotId)?.queue ?? []).map((q) => ({ operatorId: q.operatorId, connectionId: q.connectionId, queuedAtMs: q.queuedAtMs }));
  }

  queueLength(robotId: string): number {
    return this.views.get(robotId)?.queue.length ?? 0;
  }

  check(robotId: string, connectionId: string, leaseId: string): null | { code: OperatorErrorCode; message: string } {
    const mine = this.local.get(robotId);
    if (!mine || mine.holder.connectionId !== connectionId) {
      return { code: 'not_lease_holder', message: `this connection does not hold the control lease of ${robotId}; request it first` };
    }
    if (mine.holder.leaseId !== leaseId) {
      return { code: 'stale_lease', message: `command carries lease "${leaseId}" but the current lease of ${robotId} is "${mine.holder.leaseId}"` };
    }
    if (this.nowMs() >= mine.confirmedUntilMs) {
      return { code: 'not_lease_holder', message: `this hub could not confirm the shared lease of ${robotId} in time (Redis slow or unreachable); the command was not sent` };
    }
    return null;
  }

  touch(robotId: string): void {
    const mine = this.local.get(robotId);
    if (mine) mine.holder.lastActivityMs = this.nowMs();
  }

  updateFor(robotId: string, connectionId: string): LeaseUpdate {
    const mine = this.local.get(robotId);
    if (mine?.holder.connectionId === connectionId) {
      const h = mine.holder;
      return { robotId, status: 'granted', leaseId: h.leaseId, expiresAtMs: h.expiresAtMs, idleDeadlineMs: h.lastActivityMs + this.o.idleMs, fencingToken: h.fencingToken };
    }
    const index = this.views.get(robotId)?.queue.findIndex((q) => q.connectionId === connectionId) ?? -1;
    if (index >= 0) return { robotId, status: 'queued', position: index + 1 };
    return { robotId, status: 'none' };
  }

  /** Ends idle leases and expired ones when others wait, reads what other hubs changed, claims what this hub's queued connections are due. */
  checkTimeouts(): void {
    const now = this.nowMs();
    for (const [robotId, { holder: h, confirmedUntilMs }] of this.local) {
      if (now - h.lastActivityMs >= this.o.idleMs) this.endLocal(robotId, 'inactive', true);
      else if (now >= h.expiresAtMs) {
        if (this.queueLength(robotId) > 0) this.endLocal(robotId, 'expired', true);
        else h.expiresAtMs = now + this.o.maxMs;
      } else if (now >= confirmedUntilMs + this.o.ttlMs) {
        // Not renewed for a whole time to live past its confirmation: Redis has let it go (another hub may hold it).
        this.endLocal(robotId, 'lost', true);
      }
    }
    if (this.ticking || this.closed) return;
    this.ticking = true;
    void this.sync().finally(() => (this.ticking = false));
  }

  /** Gives back this hub's leases and queue places, and its liveness. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.renewTimer);
    const ending = [...this.local.entries()].map(([robotId, l]) => this.scripts.end(2, keys.lease(robotId), keys.ended(l.holder.leaseId), l.holder.leaseId).catch(() => undefined));
    for (const [robotId, m] of this.waiting) for (const connectionId of m.keys()) ending.push(this.scripts.leave(1, keys.queue(robotId), connectionId).catch(() => undefined));
    this.local.clear();
    this.waiting.clear();
    await Promise.all(ending);
    await this.o.redis.del(keys.hubAlive(this.hubId)).catch(() => undefined);
  }

  /** Renews this hub's liveness and its leases; a lease Redis no longer has for it ends here. */
  private async renew(): Promise<void> {
    if (this.closed) return;
    const sentAt = this.nowMs();
    try {
      const pipe = this.o.redis.pipeline();
      pipe.set(keys.hubAlive(this.hubId), '1', 'PX', this.o.ttlMs);
      const robots = [...this.local.entries()];
      for (const [robotId, l] of robots) (pipe as unknown as Record<string, (...a: unknown[]) => void>).teleopLease_renew!(keys.lease(robotId), l.holder.leaseId, this.o.ttlMs);
      const results = (await pipe.exec()) ?? [];
      robots.forEach(([robotId, l], i) => {
        const [err, renewed] = results[i + 1] ?? [new Error('no answer')];
        if (this.local.get(robotId) !== l) return; // ended meanwhile
        if (err) return; // not confirmed: it stays valid until confirmedUntilMs, then commands wait
        if (renewed === 1) l.confirmedUntilMs = this.validUntil(sentAt);
        else void this.gone(robotId, l);
      });
      if (this.renewFailing) this.o.logger.info('renewing leases in Redis works again');
      this.renewFailing = false;
    } catch (err) {
      if (!this.renewFailing) this.o.logger.warn({ err: (err as Error).message }, 'renewing leases in Redis failed; commands wait once the last renewal is too old');
      this.renewFailing = true;
    }
  }

  /** Reads again the robots others announced and those this hub waits for or knows a holder of; claims free leases due to this hub. */
  private async sync(): Promise<void> {
    const robots = new Set(this.dirty);
    this.dirty.clear();
    for (const [robotId, v] of this.views) if (v.holder || v.queue.length > 0) robots.add(robotId);
    for (const robotId of this.local.keys()) robots.add(robotId);
    for (const robotId of this.waiting.keys()) robots.add(robotId);
    if (robots.size === 0) return;
    let changes: Map<string, boolean>;
    try {
      changes = await this.refreshAll([...robots]);
    } catch (err) {
      this.o.logger.warn({ robots: robots.size, err: (err as Error).message }, 'reading the shared leases from Redis failed');
      for (const robotId of robots) this.dirty.add(robotId);
      return;
    }
    for (const [robotId, changed] of changes) {
      try {
        const view = this.views.get(robotId);
        // This hub's queued connections that went while their entry was being written: out of the queue.
        for (const q of view?.queue ?? []) {
          if (q.hubId === this.hubId && !this.connectionAlive(q.connectionId)) await this.scripts.leave(1, keys.queue(robotId), q.connectionId);
        }
        await this.requeueDropped(robotId);
        // A free lease with one of this hub's connections waiting: claim it. The script drops the entries of hubs
        // gone (whose liveness expired) and grants only when the head is this hub's; a live other hub claims its own.
        if (view && !view.holder && view.queue.some((q) => q.hubId === this.hubId)) await this.claim(robotId);
        else if (changed) this.emit('queue', robotId, this.queued(robotId));
      } catch (err) {
        this.o.logger.warn({ robotId, err: (err as Error).message }, 'serving the shared queue from Redis failed');
      }
    }
  }

  private async claim(robotId: string): Promise<void> {
    const now = this.nowMs();
    const value = (await this.scripts.claim(3, keys.lease(robotId), keys.fence(robotId), keys.queue(robotId), this.hubId, keys.hubAlivePrefix, this.o.ttlMs, newLeaseId(), now, this.o.maxMs)) as string | null;
    if (!value) return;
    this.adopt(robotId, JSON.parse(value) as SharedHolder, now);
    this.announce(robotId);
    await this.refresh(robotId);
  }

  /** Reads a robot's lease and queue from Redis; true when they differ from what this hub knew. */
  private async refresh(robotId: string): Promise<boolean> {
    return (await this.refreshAll([robotId])).get(robotId) ?? false;
  }

  /** Reads robots' leases and queues from Redis in one round trip; for each, whether it differs from what this hub knew. */
  private async refreshAll(robotIds: string[]): Promise<Map<string, boolean>> {
    const pipe = this.o.redis.pipeline();
    for (const robotId of robotIds) pipe.get(keys.lease(robotId)).lrange(keys.queue(robotId), 0, -1);
    const results = (await pipe.exec()) ?? [];
    const changes = new Map<string, boolean>();
    for (const [i, robotId] of robotIds.entries()) {
      const [e1, lease] = results[2 * i] ?? [new Error('no answer from Redis')];
      const [e2, queue] = results[2 * i + 1] ?? [new Error('no answer from Redis')];
      if (e1 || e2) throw e1 ?? e2!;
      const holder = typeof lease === 'string' ? (JSON.parse(lease) as SharedHolder) : null;
      const entries = (queue as string[]).map((e) => JSON.parse(e) as SharedQueueEntry);
      const before = JSON.stringify(this.views.get(robotId) ?? null);
      if (!holder && entries.length === 0) this.views.delete(robotId);
      else this.views.set(robotId, { holder, queue: entries });
      changes.set(robotId, JSON.stringify(this.views.get(robotId) ?? null) !== before);
      // A lease this hub holds that Redis gives to another: ended here at once.
      const mine = this.local.get(robotId);
      if (mine && holder && holder.leaseId !== mine.holder.leaseId) await this.gone(robotId, mine);
    }
    return changes;
  }

  private wait(robotId: string, connectionId: string, operatorId: string): void {
    let m = this.waiting.get(robotId);
    if (!m) this.waiting.set(robotId, (m = new Map()));
    m.set(connectionId, operatorId);
  }

  private unwait(robotId: string, connectionId: string): boolean {
    const m = this.waiting.get(robotId);
    const had = m?.delete(connectionId) ?? false;
    if (m?.size === 0) this.waiting.delete(robotId);
    return had;
  }

  /** Queues again, at the back, this hub's connections whose shared entries were dropped without a grant. */
  private async requeueDropped(robotId: string): Promise<void> {
    const m = this.waiting.get(robotId);
    if (!m) return;
    const view = this.views.get(robotId);
    for (const [connectionId, operatorId] of [...m]) {
      if (view?.queue.some((q) => q.connectionId === connectionId)) continue;
      m.delete(connectionId);
      if (!this.connectionAlive(connectionId) || this.local.get(robotId)?.holder.connectionId === connectionId) continue;
      this.o.logger.warn({ robotId, connection: connectionId }, 'a queued connection of this hub was dropped from the shared queue (this hub could not renew its liveness in time): queued again');
      await this.request(robotId, operatorId, connectionId).catch(() => this.wait(robotId, connectionId, operatorId));
    }
    if (m.size === 0 && this.waiting.get(robotId) === m) this.waiting.delete(robotId);
  }

  /** Redis no longer has this hub's lease: ended here, with the reason another hub recorded (an owner's revoke), else `lost`. */
  private async gone(robotId: string, l: LocalLease): Promise<void> {
    const recorded = await this.o.redis.get(keys.ended(l.holder.leaseId)).catch(() => null);
    if (this.local.get(robotId) !== l) return;
    const reason: LeaseEndReason = recorded !== null && (END_REASONS as readonly string[]).includes(recorded) ? (recorded as LeaseEndReason) : 'lost';
    this.o.logger.warn({ robotId, leaseId: l.holder.leaseId, reason }, 'the shared lease is gone from Redis: ended here');
    this.endLocal(robotId, reason, false);
  }

  /** A grant from Redis to one of this hub's connections. */
  private adopt(robotId: string, h: SharedHolder, sentAt: number): void {
    if (!this.connectionAlive(h.connectionId)) {
      // The connection went while Redis answered: the lease goes back at once rather than idle out.
      this.background(robotId, 'giving back a lease whose connection went', async () => {
        await this.scripts.end(2, keys.lease(robotId), keys.ended(h.leaseId), h.leaseId);
        this.announce(robotId);
      });
      this.dirty.add(robotId);
      return;
    }
    this.unwait(robotId, h.connectionId);
    const holder = { leaseId: h.leaseId, operatorId: h.operatorId, connectionId: h.connectionId, grantedAtMs: h.grantedAtMs, expiresAtMs: h.expiresAtMs, lastActivityMs: this.nowMs(), fencingToken: h.token };
    this.local.set(robotId, { holder, confirmedUntilMs: this.validUntil(sentAt) });
    const view = this.views.get(robotId) ?? { holder: null, queue: [] };
    view.holder = h;
    view.queue = view.queue.filter((q) => q.connectionId !== h.connectionId);
    this.views.set(robotId, view);
    this.emit('granted', robotId, holder);
    this.emit('queue', robotId, this.queued(robotId));
  }

  /** Ends this hub's lease of a robot (and in Redis, unless Redis already let it go); the next in line is served at the next look. */
  private endLocal(robotId: string, reason: LeaseEndReason, inRedis: boolean): void {
    const mine = this.local.get(robotId);
    if (!mine) return;
    this.local.delete(robotId);
    const view = this.views.get(robotId);
    if (view?.holder?.leaseId === mine.holder.leaseId) view.holder = null;
    this.emit('ended', robotId, mine.holder, reason);
    this.emit('queue', robotId, this.queued(robotId));
    this.dirty.add(robotId);
    if (!inRedis) return;
    this.background(robotId, 'ending the lease', async () => {
      await this.scripts.end(2, keys.lease(robotId), keys.ended(mine.holder.leaseId), mine.holder.leaseId);
      this.announce(robotId);
    });
  }

  /** The end of confirmation of a lease renewed (or granted) by a request sent at `sentAt`: its time to live, less a tenth for clock rates and delays. */
  private validUntil(sentAt: number): number {
    return sentAt + this.o.ttlMs - Math.ceil(this.o.ttlMs / 10);
  }

  private announce(robotId: string, ended?: Announcement['ended']): void {
    const message: Announcement = { robotId, hubId: this.hubId, ...(ended ? { ended } : {}) };
    this.o.redis.publish(keys.leaseChannel, JSON.stringify(message)).catch((err: Error) => this.o.logger.warn({ robotId, err: err.message }, 'announcing a lease change failed; other hubs see it at their next look'));
  }

  private onAnnouncement(text: string): void {
    let a: Announcement;
    try {
      a = JSON.parse(text) as Announcement;
    } catch {
      return;
    }
    if (typeof a.robotId !== 'string') return;
    if (a.ended && this.local.get(a.robotId)?.holder.leaseId === a.ended.leaseId) this.endLocal(a.robotId, a.ended.reason, false);
    if (a.hubId === this.hubId) return;
    this.dirty.add(a.robotId);
    // Served at once rather than at the next tick: a release on one hub hands the lease to a queued connection on another.
    this.checkTimeouts();
  }

  private background(robotId: string, what: string, work: () => Promise<void>): void {
    work().catch((err: Error) => this.o.logger.warn({ robotId, err: err.message }, `${what} in Redis failed; the lease's time to live ends it there`));
  }
}

const END_REASONS: readonly LeaseEndReason[] = ['released', 'disconnected', 'inactive', 'expired', 'revoked', 'robot_removed', 'robot_offline', 'lost'];

function newLeaseId(): string {
  return `l-${randomBytes(9).toString('base64url')}`;
}

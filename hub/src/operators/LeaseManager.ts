// Control leases: at most one holder per robot, a FIFO queue behind it. A
// lease belongs to one operator connection; it ends on release, disconnect,
// inactivity, expiry while others wait, or revocation by the owner.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { LeaseEndReason, LeaseUpdate, OperatorErrorCode } from '@teleop/proto';
import { MemoryLeaseStore, type LeaseHolder, type LeaseStore, type QueueEntry, type RobotLease } from '../store/LeaseStore.ts';

export type { LeaseHolder, QueueEntry } from '../store/LeaseStore.ts';

export interface LeaseManagerOptions {
  /** Revoke after this long without commands. */
  idleMs: number;
  /** A lease lasts this long while others wait; it is extended when nobody does. */
  maxMs: number;
  nowMs?: () => number;
  /** Where leases and queues live (default: in this process's memory). */
  store?: LeaseStore;
}

export interface LeaseEvents {
  granted: [robotId: string, holder: LeaseHolder];
  ended: [robotId: string, holder: LeaseHolder, reason: LeaseEndReason];
  /** The queue changed; entries in order (position = index + 1). */
  queue: [robotId: string, entries: readonly QueueEntry[]];
}

/**
 * What the rest of the hub asks of control leases: LeaseManager (one hub, in memory) or ClusterLeases (hubs
 * sharing Redis). Events concern this hub's own connections; `queue` also says a robot's shared view changed.
 */
export interface ControlLeases extends EventEmitter<LeaseEvents> {
  request(robotId: string, operatorId: string, connectionId: string): LeaseUpdate | Promise<LeaseUpdate>;
  release(robotId: string, connectionId: string, reason?: LeaseEndReason): boolean;
  releaseConnection(connectionId: string, reason?: LeaseEndReason): void;
  revoke(robotId: string, reason: LeaseEndReason): void;
  holder(robotId: string): LeaseHolder | undefined;
  placeOf(robotId: string, operatorId: string): string | null;
  queued(robotId: string): readonly QueueEntry[];
  queueLength(robotId: string): number;
  check(robotId: string, connectionId: string, leaseId: string): null | { code: OperatorErrorCode; message: string };
  touch(robotId: string): void;
  updateFor(robotId: string, connectionId: string): LeaseUpdate;
  checkTimeouts(): void;
}

export class LeaseManager extends EventEmitter<LeaseEvents> implements ControlLeases {
  private readonly leases: LeaseStore;
  private readonly nowMs: () => number;

  constructor(private readonly options: LeaseManagerOptions) {
    super();
    this.nowMs = options.nowMs ?? Date.now;
    this.leases = options.store ?? new MemoryLeaseStore();
  }

  /** Grants the lease when free, otherwise queues (idempotent for the same connection). */
  request(robotId: string, operatorId: string, connectionId: string): LeaseUpdate {
    const lease = this.lease(robotId);
    if (lease.holder?.connectionId === connectionId) return this.updateFor(robotId, connectionId);
    if (!lease.queue.some((q) => q.connectionId === connectionId)) {
      lease.queue.push({ operatorId, connectionId, queuedAtMs: this.nowMs() });
      this.leases.put(robotId, lease);
      if (lease.holder) this.emit('queue', robotId, lease.queue);
    }
    if (!lease.holder) this.grantNext(robotId, lease);
    return this.updateFor(robotId, connectionId);
  }

  /** Ends this connection's lease or leaves the queue. Returns false when it had neither. */
  release(robotId: string, connectionId: string, reason: LeaseEndReason = 'released'): boolean {
    const lease = this.leases.get(robotId);
    if (!lease) return false;
    if (lease.holder?.connectionId === connectionId) {
      this.end(robotId, lease, reason);
      return true;
    }
    const before = lease.queue.length;
    lease.queue = lease.queue.filter((q) => q.connectionId !== connectionId);
    if (lease.queue.length === before) return false;
    this.leases.put(robotId, lease);
    this.emit('queue', robotId, lease.queue);
    return true;
  }

  /** Everything a connection held or waited for, e.g. when it disconnects. */
  releaseConnection(connectionId: string, reason: LeaseEndReason = 'disconnected'): void {
    for (const robotId of this.leases.robotIds()) this.release(robotId, connectionId, reason);
  }

  /** Ends the current lease whoever holds it (owner action, robot revoked); the queue moves on unless the robot is gone. */
  revoke(robotId: string, reason: LeaseEndReason): void {
    const lease = this.leases.get(robotId);
    if (!lease) return;
    if (reason === 'robot_removed') {
      const queued = lease.queue;
      lease.queue = [];
      this.leases.put(robotId, lease);
      if (queued.length > 0) this.emit('queue', robotId, []);
    }
    if (lease.holder) this.end(robotId, lease, reason);
    if (reason === 'robot_removed') this.leases.delete(robotId);
  }

  holder(robotId: string): LeaseHolder | undefined {
    return this.leases.get(robotId)?.holder ?? undefined;
  }

  /** The connection through which a wallet holds or waits for a robot's lease, if it does. */
  placeOf(robotId: string, operatorId: string): string | null {
    const lease = this.leases.get(robotId);
    if (!lease) return null;
    if (lease.holder?.operatorId === operatorId) return lease.holder.connectionId;
    return lease.queue.find((q) => q.operatorId === operatorId)?.connectionId ?? null;
  }

  /** Who waits for a robot's lease, in order (position = index + 1). */
  queued(robotId: string): readonly QueueEntry[] {
    return this.leases.get(robotId)?.queue ?? [];
  }

  queueLength(robotId: string): number {
    return this.leases.get(robotId)?.queue.length ?? 0;
  }

  /** Null when `connectionId` may command `robotId` under `leaseId`, else why not. */
  check(robotId: string, connectionId: string, leaseId: string): null | { code: OperatorErrorCode; message: string } {
    const holder = this.holder(robotId);
    if (!holder || holder.connectionId !== connectionId) {
      return { code: 'not_lease_holder', message: `this connection does not hold the control lease of ${robotId}; request it first` };
    }
    if (holder.leaseId !== leaseId) {
      return { code: 'stale_lease', message: `command carries lease "${leaseId}" but the current lease of ${robotId} is "${holder.leaseId}"` };
    }
    return null;
  }

  /** Records activity (a command) on the current lease. */
  touch(robotId: string): void {
    const lease = this.leases.get(robotId);
    if (!lease?.holder) return;
    lease.holder.lastActivityMs = this.nowMs();
    this.leases.put(robotId, lease);
  }

  /** The lease situation of one connection on one robot. */
  updateFor(robotId: string, connectionId: string): LeaseUpdate {
    const lease = this.leases.get(robotId);
    const holder = lease?.holder;
    if (holder?.connectionId === connectionId) {
      return {
        robotId,
        status: 'granted',
        leaseId: holder.leaseId,
        expiresAtMs: holder.expiresAtMs,
        idleDeadlineMs: holder.lastActivityMs + this.options.idleMs,
        ...(holder.fencingToken ? { fencingToken: holder.fencingToken } : {}),
      };
    }
    const index = lease?.queue.findIndex((q) => q.connectionId === connectionId) ?? -1;
    if (index >= 0) return { robotId, status: 'queued', position: index + 1 };
    return { robotId, status: 'none' };
  }

  /** Ends idle leases, and expired ones when others wait; call periodically. */
  checkTimeouts(): void {
    const now = this.nowMs();
    for (const robotId of this.leases.robotIds()) {
      const lease = this.leases.get(robotId);
      const h = lease?.holder;
      if (!lease || !h) continue;
      if (now - h.lastActivityMs >= this.options.idleMs) {
        this.end(robotId, lease, 'inactive');
      } else if (now >= h.expiresAtMs) {
        if (lease.queue.length > 0) this.end(robotId, lease, 'expired');
        else {
          h.expiresAtMs = now + this.options.maxMs;
          this.leases.put(robotId, lease);
        }
      }
    }
  }

  private lease(robotId: string): RobotLease {
    let lease = this.leases.get(robotId);
    if (!lease) {
      lease = { holder: null, queue: [] };
      this.leases.put(robotId, lease);
    }
    return lease;
  }

  private end(robotId: string, lease: RobotLease, reason: LeaseEndReason): void {
    const holder = lease.holder;
    if (!holder) return;
    lease.holder = null;
    this.leases.put(robotId, lease);
    this.emit('ended', robotId, holder, reason);
    this.grantNext(robotId, lease);
  }

  private grantNext(robotId: string, lease: RobotLease): void {
    const next = lease.queue.shift();
    if (!next) return;
    this.leases.put(robotId, lease);
    const now = this.nowMs();
    lease.holder = {
      leaseId: `l-${randomBytes(9).toString('base64url')}`,
      operatorId: next.operatorId,
      connectionId: next.connectionId,
      grantedAtMs: now,
      expiresAtMs: now + this.options.maxMs,
      lastActivityMs: now,
    };
    this.leases.put(robotId, lease);
    this.emit('granted', robotId, lease.holder);
    this.emit('queue', robotId, lease.queue);
  }
}

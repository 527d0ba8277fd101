// Where control leases and their queues live. In memory, as leases have always
// been (they do not survive a restart: a restart ends every lease, and the
// safety of a robot never waits on a database). It is synchronous because
// every lease decision is made between two commands. Hubs sharing robots do
// not use it: their leases are decided in Redis (operators/ClusterLeases.ts),
// with fencing tokens the robot checks.
export interface LeaseHolder {
  leaseId: string;
  operatorId: string;
  connectionId: string;
  grantedAtMs: number;
  expiresAtMs: number;
  lastActivityMs: number;
  /** Hubs sharing leases (ClusterLeases): the grant's fencing token; absent with one hub. */
  fencingToken?: number;
}

export interface QueueEntry {
  operatorId: string;
  connectionId: string;
  queuedAtMs: number;
}

/** One robot's lease: who holds it, and who waits in order. */
export interface RobotLease {
  holder: LeaseHolder | null;
  queue: QueueEntry[];
}

export interface LeaseStore {
  get(robotId: string): RobotLease | undefined;
  /** Stores a robot's lease after any change to it. */
  put(robotId: string, lease: RobotLease): void;
  delete(robotId: string): void;
  robotIds(): string[];
}

export class MemoryLeaseStore implements LeaseStore {
  private readonly leases = new Map<string, RobotLease>();

  get(robotId: string): RobotLease | undefined {
    return this.leases.get(robotId);
  }

  put(robotId: string, lease: RobotLease): void {
    this.leases.set(robotId, lease);
  }

  delete(robotId: string): void {
    this.leases.delete(robotId);
  }

  robotIds(): string[] {
    return [...this.leases.keys()];
  }
}

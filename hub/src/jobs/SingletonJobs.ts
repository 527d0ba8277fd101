// The hub's singleton work, one role per kind of job: each role runs on one
// hub of those sharing a database, the one holding its lock (store/SingletonLocks.ts).
// Every hub asks for the roles it lacks every `checkMs`; a hub that dies frees its
// roles with its database session, so another takes them within about one check.
import type { Logger } from '../log.ts';
import type { SingletonLocks } from '../store/SingletonLocks.ts';

/** The kinds of work only one hub runs at a time. */
// In the order a hub starts them: builds and recovery first, as a restarted hub took them up before anything else.
export const SINGLETON_ROLES = ['dataset-builds', 'episode-recovery', 'chain-follower', 'reward-settlement'] as const;
export type SingletonRole = (typeof SINGLETON_ROLES)[number];

export interface SingletonJob {
  /** Starts the work: this hub now holds the role. */
  start(): void | Promise<void>;
  /** Stops it: the role is lost (the lock connection failed) or the hub closes. */
  stop(): void;
  /** Runs at every check while the role is held (picks up work other hubs queued). */
  tick?(): void | Promise<void>;
}

export class SingletonJobs {
  private timer: NodeJS.Timeout | null = null;
  private readonly running = new Set<SingletonRole>();
  private checking: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly o: {
      locks: SingletonLocks;
      jobs: Record<SingletonRole, SingletonJob>;
      /** How often roles not held are asked for, and held ones checked (PostgreSQL only). */
      checkMs: number;
      logger: Logger;
    },
  ) {
    o.locks.on('lost', (names, why) => {
      for (const role of names as SingletonRole[]) this.stopRole(role, why);
    });
  }

  /** Takes what roles it can now (all of them on SQLite), then keeps asking where hubs share the database. */
  async start(): Promise<void> {
    await this.check();
    if (this.o.locks.shared) {
      this.timer = setInterval(() => {
        this.checking = this.checking.then(() => this.check()).catch((err: Error) => this.o.logger.warn({ err: err.message }, 'asking for singleton roles failed (the database is unreachable?); asking again'));
      }, this.o.checkMs);
      this.timer.unref();
    }
  }

  /** The roles this hub holds now. */
  held(): SingletonRole[] {
    return SINGLETON_ROLES.filter((r) => this.running.has(r));
  }

  private async check(): Promise<void> {
    if (this.closed) return;
    if (this.running.size > 0) await this.o.locks.check();
    for (const role of SINGLETON_ROLES) {
      if (this.closed) return;
      if (this.running.has(role)) {
        await this.runStep(role, 'tick', () => this.o.jobs[role].tick?.());
        continue;
      }
      if (!(await this.o.locks.tryTake(role))) continue;
      this.running.add(role);
      if (this.o.locks.shared) this.o.logger.info({ role }, 'this hub took a singleton role');
      await this.runStep(role, 'start', () => this.o.jobs[role].start());
    }
  }

  private async runStep(role: SingletonRole, step: string, work: () => void | Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.o.logger.error({ err, role }, `singleton job ${role} failed to ${step}: ${(err as Error).message}`);
    }
  }

  private stopRole(role: SingletonRole, why: string): void {
    if (!this.running.delete(role)) return;
    this.o.logger.warn({ role, why }, 'this hub lost a singleton role: its job stops (another hub takes it)');
    this.o.jobs[role].stop();
  }

  /**
   * Stops every job. The roles go back with the locks' close, which the hub calls once the work under way
   * (verifications) has finished: until then no other hub starts the same work.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.checking;
    for (const role of [...this.running]) {
      this.running.delete(role);
      this.o.jobs[role].stop();
    }
  }
}

// Which hub of several on one database runs the work only one may run at a
// time (settling epochs, following the chain, building dataset versions,
// recovering interrupted episodes): named locks held by this hub.
//
// PostgreSQL: session-level advisory locks (pg_try_advisory_lock) on one
// dedicated connection, outside the pool. Why this and not a job table with
// leases (or pg-boss): no schema, no heartbeat to tune, and a dead hub's
// session ends with its process (the server closes it; TCP keepalive covers a
// hub that vanished from the network), so its locks free at once and the next
// hub that asks takes them. The work itself stays idempotent in the stores (an
// epoch is saved under an advisory lock, version numbers under a row lock):
// the lock decides who does the work, the stores still refuse doing it twice.
// SQLite: one hub per file, so every lock is this hub's, as before.
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { DatabaseTarget } from './database.ts';

export interface SingletonLocks extends EventEmitter<{ lost: [names: string[], why: string] }> {
  /** False on SQLite: every lock is granted at once, nothing is shared. */
  readonly shared: boolean;
  /** Takes the named lock if no other hub holds it (true also when this hub already holds it). */
  tryTake(name: string): Promise<boolean>;
  /** Gives a lock back (no-op when not held). */
  release(name: string): Promise<void>;
  holds(name: string): boolean;
  /** The locks this hub holds now. */
  held(): string[];
  /**
   * Whether the database answers now, within a few seconds (the health check's question); SQLite: always. A lost
   * connection is opened again for it, so a hub whose database came back says so.
   */
  reachable(): Promise<boolean>;
  /** Checks the lock connection is alive; when it is not, every lock is reported lost. False when lost. */
  check(): Promise<boolean>;
  close(): Promise<void>;
}

/** Advisory lock keys are 64-bit; the name is hashed into the 32-bit key space the schema's other locks share, with a prefix none of them uses. */
const keyOf = (name: string): string => `teleop-singleton:${name}`;
/** How long connecting, or a query, on the lock connection may take before the database counts as unreachable. */
const REACHABLE_TIMEOUT_MS = 3000;
const SERVER_KEEPALIVE = { idleS: 5, intervalS: 2, count: 3 };

class LocalLocks extends EventEmitter<{ lost: [string[], string] }> implements SingletonLocks {
  readonly shared = false;
  private readonly names = new Set<string>();
  async tryTake(name: string): Promise<boolean> {
    this.names.add(name);
    return true;
  }
  async release(name: string): Promise<void> {
    this.names.delete(name);
  }
  holds(name: string): boolean {
    return this.names.has(name);
  }
  held(): string[] {
    return [...this.names];
  }
  async check(): Promise<boolean> {
    return true;
  }
  async reachable(): Promise<boolean> {
    return true;
  }
  async close(): Promise<void> {
    this.names.clear();
  }
}

class PostgresLocks extends EventEmitter<{ lost: [string[], string] }> implements SingletonLocks {
  readonly shared = true;
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly names = new Set<string>();
  /** Queries on one pg.Client queue anyway; this keeps take/release/check in order and the lost-handling single. */
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly url: string) {
    super();
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({
        connectionString: this.url,
        keepAlive: true,
        keepAliveInitialDelayMillis: 1000,
        connectionTimeoutMillis: REACHABLE_TIMEOUT_MS,
        // A query the server does not answer (a partition) fails rather than holding every lock question behind it.
        query_timeout: REACHABLE_TIMEOUT_MS,
        application_name: 'teleop-hub singleton locks',
        // The server frees a vanished hub's locks once it notices the dead connection: ~11 s with these (its default
        // waits two hours). A hub cut off gives its roles up sooner itself: its next check fails after REACHABLE_TIMEOUT_MS.
        options: `-c tcp_keepalives_idle=${SERVER_KEEPALIVE.idleS} -c tcp_keepalives_interval=${SERVER_KEEPALIVE.intervalS} -c tcp_keepalives_count=${SERVER_KEEPALIVE.count}`,
      });
      client.on('error', (err: Error) => this.lose(client, `the lock connection failed: ${err.message}`));
      client.on('end', () => this.lose(client, 'the lock connection ended'));
      try {
        await client.connect();
      } catch (err) {
        void client.end().catch(() => undefined);
        throw err;
      } finally {
        this.connecting = null;
      }
      this.client = client;
      return client;
    })();
    return this.connecting;
  }

  /** The session ended: the server freed every lock it held, so this hub holds none. */
  private lose(client: pg.Client, why: string): void {
    if (this.client !== client) return;
    this.client = null;
    void client.end().catch(() => undefined);
    const lost = [...this.names];
    this.names.clear();
    if (lost.length > 0 && !this.closed) this.emit('lost', lost, why);
  }

  tryTake(name: string): Promise<boolean> {
    return this.serial(async () => {
      if (this.closed) return false;
      if (this.names.has(name)) return true;
      const client = await this.connection();
      try {
        const res = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS taken', [keyOf(name)]);
        if (res.rows[0]?.taken) this.names.add(name);
        return this.names.has(name);
      } catch (err) {
        this.lose(client, `the lock connection failed: ${(err as Error).message}`);
        return false;
      }
    });
  }

  release(name: string): Promise<void> {
    return this.serial(async () => {
      if (!this.names.delete(name) || !this.client) return;
      const client = this.client;
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [keyOf(name)]).catch((err: Error) => this.lose(client, `the lock connection failed: ${err.message}`));
    });
  }

  holds(name: string): boolean {
    return this.names.has(name);
  }

  held(): string[] {
    return [...this.names];
  }

  reachable(): Promise<boolean> {
    return this.serial(async () => {
      if (this.closed) return false;
      try {
        const client = await this.connection();
        await client.query('SELECT 1');
        return true;
      } catch (err) {
        if (this.client) this.lose(this.client, `the lock connection failed: ${(err as Error).message}`);
        return false;
      }
    });
  }

  check(): Promise<boolean> {
    return this.serial(async () => {
      const client = this.client;
      if (!client) return this.names.size === 0;
      try {
        await client.query('SELECT 1');
        return true;
      } catch (err) {
        this.lose(client, `the lock connection failed: ${(err as Error).message}`);
        return false;
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.serial(async () => {
      const client = this.client;
      this.client = null;
      this.names.clear();
      // Ending the session frees every lock it held.
      if (client) await client.end().catch(() => undefined);
    });
  }
}

/** The singleton locks of a hub on this database: shared through PostgreSQL, or this hub's alone on SQLite. */
export function openSingletonLocks(target: DatabaseTarget): SingletonLocks {
  return target.databaseUrl ? new PostgresLocks(target.databaseUrl) : new LocalLocks();
}

// Sign-in state: sessions (SQLite, so they survive a restart) and the
// single-use nonces a sign-in message must carry (in memory: a nonce lives
// for minutes, and a restart only makes a browser ask for a new one). Both are
// interfaces, so several hubs can share them through another implementation.
import type { HubDb } from './database.ts';

export interface StoredSession {
  /** Checksummed wallet address. */
  address: string;
  createdAt: string;
  expiresAt: string;
}

export interface SessionStore {
  /** Keeps a session under the hash of its bearer token (the token itself is never stored). */
  create(tokenHash: string, session: StoredSession): Promise<void>;
  find(tokenHash: string): Promise<StoredSession | null>;
  delete(tokenHash: string): Promise<void>;
}

export class SqlSessionStore implements SessionStore {
  constructor(private readonly db: HubDb) {}

  async create(tokenHash: string, s: StoredSession): Promise<void> {
    await this.db.insertInto('sessions').values({ token_hash: tokenHash, address: s.address, created_at: s.createdAt, expires_at: s.expiresAt }).execute();
  }

  async find(tokenHash: string): Promise<StoredSession | null> {
    const row = await this.db.selectFrom('sessions').select(['address', 'created_at', 'expires_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? { address: row.address, createdAt: row.created_at, expiresAt: row.expires_at } : null;
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }
}

export interface NonceStore {
  /** Keeps a nonce until `expiresAtMs`. */
  add(nonce: string, expiresAtMs: number, nowMs: number): Promise<void>;
  /** Removes a nonce and says until when it was valid (undefined: never issued, or already taken). */
  take(nonce: string): Promise<number | undefined>;
}

/** Nonces in memory, at most `max` of them: the expired go first, then the oldest. */
export class MemoryNonceStore implements NonceStore {
  private readonly nonces = new Map<string, number>();

  constructor(private readonly max = 10_000) {}

  async add(nonce: string, expiresAtMs: number, nowMs: number): Promise<void> {
    if (this.nonces.size >= this.max) {
      for (const [n, exp] of this.nonces) if (exp <= nowMs) this.nonces.delete(n);
      if (this.nonces.size >= this.max) this.nonces.delete(this.nonces.keys().next().value as string);
    }
    this.nonces.set(nonce, expiresAtMs);
  }

  async take(nonce: string): Promise<number | undefined> {
    const exp = this.nonces.get(nonce);
    this.nonces.delete(nonce);
    return exp;
  }
}

// Sign-in sessions (SQLite, so they survive a restart), behind an interface so
// several hubs can share them through another implementation. Nonces need no
// store: see auth/SignInNonces.ts.
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

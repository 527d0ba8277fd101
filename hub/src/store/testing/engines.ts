// Store-level tests run once per database engine: `describe.each(TEST_ENGINES)`
// and, inside, `testDatabases(engine)` for a fresh database per test. The
// PostgreSQL engine starts one real server per describe block (postgresServer.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseEngine, DatabaseTarget } from '../stores.ts';
import { startPostgres, type PostgresServer } from './postgresServer.ts';

/** The engines store tests run on: both, unless TELEOP_TEST_ENGINES names fewer (e.g. "sqlite" where no PostgreSQL is installed). */
export const TEST_ENGINES: DatabaseEngine[] = (process.env.TELEOP_TEST_ENGINES ?? 'sqlite,postgres')
  .split(',')
  .map((e) => e.trim())
  .filter((e): e is DatabaseEngine => e === 'sqlite' || e === 'postgres');

export interface TestDatabases {
  /** A fresh, empty database of this engine, its files (SQLite, blobs) under a new temporary directory. */
  fresh(): Promise<DatabaseTarget & { removeDir: () => void }>;
  /** The PostgreSQL server of this describe block (postgres engine only), for tests that open a second connection. */
  server(): PostgresServer;
}

/** Registers the server's start and stop around the calling describe block. */
export function testDatabases(engine: DatabaseEngine): TestDatabases {
  let server: PostgresServer | null = null;
  if (engine === 'postgres') {
    beforeAll(async () => {
      server = await startPostgres();
    });
    afterAll(async () => {
      await server?.stop();
    });
  }
  return {
    async fresh() {
      const dataDir = mkdtempSync(join(tmpdir(), `teleop-store-${engine}-`));
      const removeDir = (): void => rmSync(dataDir, { recursive: true, force: true });
      if (engine === 'sqlite') return { dataDir, removeDir };
      if (!server) throw new Error('testDatabases("postgres").fresh() called before its beforeAll started the server');
      return { dataDir, databaseUrl: await server.createDatabase(), removeDir };
    },
    server() {
      if (!server) throw new Error('no PostgreSQL server in this describe block');
      return server;
    },
  };
}

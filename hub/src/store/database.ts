// The hub's SQL store: Kysely over better-sqlite3 (embedded default). Schema
// changes are migrations, applied in order at open.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import { migrations } from './migrations.ts';
import type { Database } from './schema.ts';

export type HubDb = Kysely<Database>;

export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

const provider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  },
};

/** Opens (creating if needed) the SQLite database under `dataDir` and migrates it. */
export async function openDatabase(dataDir: string): Promise<HubDb> {
  let sqlite: SQLite.Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    sqlite = new SQLite(join(dataDir, 'hub.sqlite'));
  } catch (err) {
    throw new DatabaseOpenError(`cannot open the hub database in ${dataDir}: ${(err as Error).message}`);
  }
  // WAL lets the CLI (enroll, revoke) write while a running hub reads.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new DatabaseOpenError(`migrating the hub database failed at ${failed?.migrationName ?? '?'}: ${String(error)}`);
  }
  return db;
}

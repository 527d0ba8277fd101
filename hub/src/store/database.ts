// The hub's SQL store: Kysely over better-sqlite3 (the embedded default, one
// file under --data) or over PostgreSQL (--database-url, several hubs can share
// it). Schema changes are migrations, applied in order at open.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import type { DatabaseEngine } from './dialect.ts';
import { migrationsFor } from './migrations.ts';
import type { Database } from './schema.ts';

export type HubDb = Kysely<Database>;

export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/** Where the hub's rows live. */
export interface DatabaseTarget {
  /** The data directory: SQLite's file (hub.sqlite) is there unless `databaseUrl` is given. */
  dataDir: string;
  /** postgres://user:password@host:port/database: PostgreSQL instead of the SQLite file. */
  databaseUrl?: string | undefined;
}

export function engineOfTarget(target: DatabaseTarget): DatabaseEngine {
  return target.databaseUrl ? 'postgres' : 'sqlite';
}

/** A description of the target without its password, for logs and errors. */
export function describeTarget(target: DatabaseTarget): string {
  if (!target.databaseUrl) return `SQLite ${join(target.dataDir, 'hub.sqlite')}`;
  try {
    const u = new URL(target.databaseUrl);
    if (u.password) u.password = '***';
    return `PostgreSQL ${u.toString()}`;
  } catch {
    return 'PostgreSQL (an unparsable URL)';
  }
}

/** Opens (creating if needed) the hub's database and migrates it. */
export async function openDatabase(target: DatabaseTarget | string): Promise<HubDb> {
  const t = typeof target === 'string' ? { dataDir: target } : target;
  const engine = engineOfTarget(t);
  const db = engine === 'postgres' ? openPostgres(t.databaseUrl!) : openSqlite(t.dataDir);
  const migrations = migrationsFor(engine);
  const provider: MigrationProvider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      return migrations;
    },
  };
  if (engine === 'postgres') await checkCollation(db, t);
  // On PostgreSQL the migrator holds an advisory lock: hubs starting together migrate once.
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    const why = error instanceof Error ? error.message : String(error);
    throw new DatabaseOpenError(`opening the hub database (${describeTarget(t)}) failed${failed ? ` at migration ${failed.migrationName}` : ''}: ${why}`);
  }
  return db;
}

/**
 * Text sorts and compares byte by byte in SQLite; PostgreSQL does so only in the C collation (a language's
 * collation orders "B" and "a", or "0xAb" and "0xab", otherwise). Same queries, same order: the database must
 * be created with it.
 */
const BYTE_ORDER_COLLATIONS = ['C', 'POSIX', 'C.utf8', 'C.UTF-8'];

async function checkCollation(db: HubDb, t: DatabaseTarget): Promise<void> {
  let collation: string | undefined;
  try {
    // SELECT *: datlocprovider (libc or ICU) exists from PostgreSQL 15 on.
    const res = await sql<{ datcollate: string; datlocprovider?: string; daticulocale?: string | null }>`SELECT * FROM pg_database WHERE datname = current_database()`.execute(db);
    const row = res.rows[0];
    collation = row && (row.datlocprovider === 'i' ? `ICU ${row.daticulocale ?? '?'}` : row.datcollate);
  } catch (err) {
    await db.destroy();
    throw new DatabaseOpenError(`cannot reach the hub database (${describeTarget(t)}): ${(err as Error).message}`);
  }
  if (!BYTE_ORDER_COLLATIONS.includes(collation ?? '')) {
    await db.destroy();
    throw new DatabaseOpenError(
      `the hub database (${describeTarget(t)}) has collation ${collation ?? '?'}; the hub needs the C collation (text in byte order, as in SQLite): create it with \`createdb --locale=C --template=template0 NAME\` or CREATE DATABASE NAME LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`,
    );
  }
}

function openSqlite(dataDir: string): HubDb {
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
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

const INT8_OID = 20;

/** bigint columns (and count(*)) come back as JavaScript numbers, as SQLite's integers do; past 2^53 is an error, not a rounding. */
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new DatabaseOpenError(`a bigint read from PostgreSQL (${text}) is beyond JavaScript's safe integers`);
  return n;
}

function openPostgres(url: string): HubDb {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8_OID) return parseInt8;
      return pg.types.getTypeParser(oid, format);
    }) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, types, max: 10 });
  // An idle pooled connection the server closed (a restart, a failover) must not take the hub down: the pool
  // drops it, and the next query opens another or reports why it cannot.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

// What differs between the hub's two database engines, in one place: column
// types, the "now" expression, identity columns, and row locks. Every
// migration and query is written once; where the engines disagree it asks here.
import { PostgresAdapter, sql, type ColumnDataType, type ColumnDefinitionBuilder, type Kysely, type RawBuilder } from 'kysely';

/** sqlite: one file under --data (the embedded default); postgres: --database-url postgres://... */
export type DatabaseEngine = 'sqlite' | 'postgres';

/** Any Kysely instance or transaction, whatever its tables. */
export type AnyDb = Pick<Kysely<unknown>, 'isTransaction' | 'getExecutor'>;

export function engineOf(db: AnyDb): DatabaseEngine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export interface ColumnTypes {
  /**
   * Every integer column. SQLite integers are 64-bit; on PostgreSQL they are bigint (file sizes, block numbers
   * and milliseconds outgrow int4), read back as JavaScript numbers (database.ts).
   */
  int: ColumnDataType;
  /** A float: SQLite's real is 8 bytes, PostgreSQL's is 4, so double precision there. */
  float: ColumnDataType;
  /** An ever-growing row id: SQLite's autoincrement, PostgreSQL's identity column. */
  id: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  /** The current UTC time as ISO-8601 text with milliseconds (how every time column is stored). */
  nowIso: RawBuilder<string>;
}

export function columnTypes(engine: DatabaseEngine): ColumnTypes {
  if (engine === 'postgres') {
    return {
      int: 'bigint',
      float: 'double precision',
      id: (c) => c.primaryKey().generatedByDefaultAsIdentity(),
      nowIso: sql<string>`(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
    };
  }
  return {
    int: 'integer',
    float: 'real',
    id: (c) => c.primaryKey().autoIncrement(),
    nowIso: sql<string>`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
  };
}

/** A lock asked for outside a transaction: it would end with its statement, protecting nothing. */
export class LockOutsideTransactionError extends Error {
  override name = 'LockOutsideTransactionError';
  constructor(what: string) {
    super(`${what} was called outside a transaction, where a lock ends with its own statement; call it inside db.transaction()`);
  }
}

/**
 * Locks the rows of `table` whose `column` equals `value` for the rest of the calling transaction, where
 * several hubs share one database (PostgreSQL: SELECT ... FOR UPDATE): another hub's transaction waits there
 * until this one ends. SQLite has one writer at a time (and one hub per file), so there it does nothing.
 */
export async function lockRows(k: AnyDb, table: string, column: string, value: string | number): Promise<void> {
  if (!k.isTransaction) throw new LockOutsideTransactionError(`lockRows(${table})`);
  if (engineOf(k) !== 'postgres') return;
  await sql`SELECT 1 FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${value} FOR UPDATE`.execute(k);
}

/**
 * A lock on a name (not a row) for the rest of the calling transaction: PostgreSQL's transaction-scoped
 * advisory lock, for work whose rows do not exist yet (the next reward epoch). Nothing on SQLite.
 */
export async function lockName(k: AnyDb, name: string): Promise<void> {
  if (!k.isTransaction) throw new LockOutsideTransactionError(`lockName(${name})`);
  if (engineOf(k) !== 'postgres') return;
  await sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`.execute(k);
}

/**
 * After rows were inserted with their ids given (a copy from another database), the next generated id follows
 * the highest one (PostgreSQL's identity sequence does not move by itself; SQLite's autoincrement does).
 */
export async function resetIdentity(k: AnyDb, table: string, column: string): Promise<void> {
  if (engineOf(k) !== 'postgres') return;
  await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), COALESCE((SELECT max(${sql.ref(column)}) FROM ${sql.table(table)}), 0) + 1, false)`.execute(k);
}

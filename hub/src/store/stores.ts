// Every store of the hub over one database, opened (and migrated) together.
// The database handle stays inside store/: the rest of the hub sees only
// these stores (a test checks the import graph).
import { AccessLogStore } from './AccessLogStore.ts';
import { ChainCursorStore } from './ChainCursorStore.ts';
import { DatasetStore } from './DatasetStore.ts';
import { DataRightsStore } from './DataRightsStore.ts';
import type { Insertable, Kysely, Updateable } from 'kysely';
import { describeTarget, engineOfTarget, openDatabase, type DatabaseTarget, type HubDb } from './database.ts';
import type { DatabaseEngine } from './dialect.ts';
import type { Database } from './schema.ts';
import { EpisodeStore } from './EpisodeStore.ts';
import { ReviewStore } from './ReviewStore.ts';
import { RewardStore } from './RewardStore.ts';
import { RobotStore } from './RobotStore.ts';
import { SqlSessionStore, type SessionStore } from './SessionStore.ts';

export interface HubStores {
  robots: RobotStore;
  episodes: EpisodeStore;
  reviews: ReviewStore;
  datasets: DatasetStore;
  rewards: RewardStore;
  sessions: SessionStore;
  accessLog: AccessLogStore;
  chainCursors: ChainCursorStore;
  rights: DataRightsStore;
  /** Which engine holds the rows, and where (no password), for logs. */
  engine: DatabaseEngine;
  where: string;
  close(): Promise<void>;
}

export type { DatabaseTarget, DatabaseEngine };

/**
 * Opens (creating and migrating if needed) the hub's database, and the stores over it: the SQLite file under
 * a data directory (a string, or a target without a URL), or PostgreSQL at `databaseUrl`.
 */
export async function openStores(target: DatabaseTarget | string): Promise<HubStores> {
  const t = typeof target === 'string' ? { dataDir: target } : target;
  return storesOver(await openDatabase(t), t);
}

function storesOver(db: HubDb, target: DatabaseTarget): HubStores {
  return {
    engine: engineOfTarget(target),
    where: describeTarget(target),
    robots: new RobotStore(db),
    episodes: new EpisodeStore(db),
    reviews: new ReviewStore(db),
    datasets: new DatasetStore(db),
    rewards: new RewardStore(db),
    sessions: new SqlSessionStore(db),
    accessLog: new AccessLogStore(db),
    chainCursors: new ChainCursorStore(db),
    rights: new DataRightsStore(db),
    close: () => db.destroy(),
  };
}

/**
 * For tests that seed a history with fixed times (episodes accepted last week, reviews given before an
 * epoch's cutoff): the stores, and raw rows written straight into a table. Nothing but tests uses it.
 */
export async function openStoresWithRows(target: DatabaseTarget | string): Promise<{
  stores: HubStores;
  insertRows: <T extends keyof Database & string>(table: T, rows: Insertable<Database[T]>[]) => Promise<void>;
  /** Sets columns on every row of a table (a state a crash or an old version left behind). */
  updateAllRows: <T extends keyof Database & string>(table: T, set: Updateable<Database[T]>) => Promise<void>;
}> {
  const t = typeof target === 'string' ? { dataDir: target } : target;
  const db = await openDatabase(t);
  return {
    stores: storesOver(db, t),
    insertRows: async (table, rows) => {
      // Kysely cannot relate a generic table name to its row type; the signature above does.
      await (db as unknown as Kysely<Record<string, unknown>>).insertInto(table).values(rows as never).execute();
    },
    updateAllRows: async (table, set) => {
      await (db as unknown as Kysely<Record<string, unknown>>).updateTable(table).set(set as never).execute();
    },
  };
}

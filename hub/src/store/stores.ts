// Every store of the hub over one database, opened (and migrated) together.
// The database handle stays inside store/: the rest of the hub sees only
// these stores (a test checks the import graph).
import { AccessLogStore } from './AccessLogStore.ts';
import { ChainCursorStore } from './ChainCursorStore.ts';
import { DatasetStore } from './DatasetStore.ts';
import { DataRightsStore } from './DataRightsStore.ts';
import type { Insertable, Kysely, Updateable } from 'kysely';
import { openDatabase, type HubDb } from './database.ts';
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
  close(): Promise<void>;
}

/** Opens (creating and migrating if needed) the hub's database under `dataDir`, and the stores over it. */
export async function openStores(dataDir: string): Promise<HubStores> {
  return storesOver(await openDatabase(dataDir));
}

function storesOver(db: HubDb): HubStores {
  return {
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
export async function openStoresWithRows(dataDir: string): Promise<{
  stores: HubStores;
  insertRows: <T extends keyof Database & string>(table: T, rows: Insertable<Database[T]>[]) => Promise<void>;
  /** Sets columns on every row of a table (a state a crash or an old version left behind). */
  updateAllRows: <T extends keyof Database & string>(table: T, set: Updateable<Database[T]>) => Promise<void>;
}> {
  const db = await openDatabase(dataDir);
  return {
    stores: storesOver(db),
    insertRows: async (table, rows) => {
      // Kysely cannot relate a generic table name to its row type; the signature above does.
      await (db as unknown as Kysely<Record<string, unknown>>).insertInto(table).values(rows as never).execute();
    },
    updateAllRows: async (table, set) => {
      await (db as unknown as Kysely<Record<string, unknown>>).updateTable(table).set(set as never).execute();
    },
  };
}

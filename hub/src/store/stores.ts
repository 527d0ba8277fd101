// Every store of the hub over one database, opened (and migrated) together.
// The database handle stays inside store/: the rest of the hub sees only
// these stores (a test checks the import graph).
import { AccessLogStore } from './AccessLogStore.ts';
import { ChainCursorStore } from './ChainCursorStore.ts';
import { openDatabase, type HubDb } from './database.ts';
import { EpisodeStore } from './EpisodeStore.ts';
import { ReviewStore } from './ReviewStore.ts';
import { RewardStore } from './RewardStore.ts';
import { RobotStore } from './RobotStore.ts';
import { SqlSessionStore, type SessionStore } from './SessionStore.ts';

export interface HubStores {
  robots: RobotStore;
  episodes: EpisodeStore;
  reviews: ReviewStore;
  rewards: RewardStore;
  sessions: SessionStore;
  accessLog: AccessLogStore;
  chainCursors: ChainCursorStore;
  /** The database itself, for the stores still being carved out (datasets, chain). */
  db: HubDb;
  close(): Promise<void>;
}

/** Opens (creating and migrating if needed) the hub's database under `dataDir`, and the stores over it. */
export async function openStores(dataDir: string): Promise<HubStores> {
  const db = await openDatabase(dataDir);
  return {
    robots: new RobotStore(db),
    episodes: new EpisodeStore(db),
    reviews: new ReviewStore(db),
    rewards: new RewardStore(db),
    sessions: new SqlSessionStore(db),
    accessLog: new AccessLogStore(db),
    chainCursors: new ChainCursorStore(db),
    db,
    close: () => db.destroy(),
  };
}

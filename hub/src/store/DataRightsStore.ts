// Data rights in SQL: owners' terms for single episodes (over their robots'),
// the curators admins named, and every read of an episode's own content. It
// also reads, without writing, what the access rule needs of other
// aggregates' tables (episodes, robots, reviews, dataset versions), so the
// rule gets one typed record per episode.
import type { HubDb } from './database.ts';
import type { DataPolicy, DataTerms } from './RobotStore.ts';

/** A dataset version's own terms, as fixed at its creation. */
export interface VersionTerms {
  datasetId: string;
  name: string;
  version: number;
  /** Token base units (decimal string); "0" is free. */
  price: string;
  license: string;
  /** Lowercase addresses, or null: anyone (who pays, when priced). */
  allowedBuyers: string[] | null;
  state: string;
  episodeIds: string[];
  /** DatasetRegistry token, once published on chain. */
  tokenId: number | null;
}

/** What the access rule reads of an episode. */
export interface EpisodeRightsRecord {
  id: string;
  robotId: string;
  operator: string;
  robotOwner: string | null;
  /** Its owner's terms: the episode's own when set, else its robot's. */
  terms: DataTerms;
  /** Whether the terms are the episode's own. */
  ownTerms: boolean;
  /** Reviewers it is assigned to and who have not answered yet (lowercase). */
  assignedReviewers: string[];
  /** Milliseconds of data (verified, else as recorded). */
  durationMs: number;
}

export interface EpisodeAccess {
  episodeId: string;
  address: string;
  kind: 'file' | 'trajectory';
  path: string | null;
  purpose: string;
  at: string;
}

const buyers = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]).map((a) => a.toLowerCase()) : []);

export class DataRightsStore {
  constructor(private readonly db: HubDb) {}

  // --- Curators -------------------------------------------------------------

  async isCurator(address: string): Promise<boolean> {
    return (await this.db.selectFrom('curators').select('address').where('address', '=', address.toLowerCase()).executeTakeFirst()) !== undefined;
  }

  /** False when the address already was a curator. */
  async grantCurator(address: string, by: string, at: string): Promise<boolean> {
    const res = await this.db
      .insertInto('curators')
      .values({ address: address.toLowerCase(), granted_by: by, granted_at: at })
      .onConflict((oc) => oc.column('address').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** False when the address was not a curator. */
  async revokeCurator(address: string): Promise<boolean> {
    const res = await this.db.deleteFrom('curators').where('address', '=', address.toLowerCase()).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  async curators(): Promise<{ address: string; grantedBy: string; grantedAt: string }[]> {
    const rows = await this.db.selectFrom('curators').selectAll().orderBy('granted_at').execute();
    return rows.map((r) => ({ address: r.address, grantedBy: r.granted_by, grantedAt: r.granted_at }));
  }

  // --- Terms of single episodes ---------------------------------------------

  async setEpisodeTerms(episodeId: string, t: DataTerms, by: string, at: string): Promise<void> {
    const row = { policy: t.policy, license: t.license, floor_price_per_hour: t.floorPricePerHour, allowed_buyers: t.policy === 'restricted' ? JSON.stringify(t.allowedBuyers) : null, set_by: by, set_at: at };
    await this.db
      .insertInto('episode_terms')
      .values({ episode_id: episodeId, ...row })
      .onConflict((oc) => oc.column('episode_id').doUpdateSet(row))
      .execute();
  }

  async clearEpisodeTerms(episodeId: string): Promise<void> {
    await this.db.deleteFrom('episode_terms').where('episode_id', '=', episodeId).execute();
  }

  /** The rights records of these episodes that exist (order not kept). */
  async episodes(ids: string[]): Promise<EpisodeRightsRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('episodes')
      .leftJoin('robots', 'robots.id', 'episodes.robot_id')
      .leftJoin('episode_terms', 'episode_terms.episode_id', 'episodes.id')
      .select([
        'episodes.id',
        'episodes.robot_id',
        'episodes.operator',
        'episodes.verified_ms',
        'episodes.started_at',
        'episodes.ended_at',
        'robots.owner',
        'robots.data_policy',
        'robots.allowed_buyers',
        'robots.data_license',
        'robots.floor_price_per_hour',
        'episode_terms.policy as own_policy',
        'episode_terms.license as own_license',
        'episode_terms.floor_price_per_hour as own_floor',
        'episode_terms.allowed_buyers as own_buyers',
      ])
      .where('episodes.id', 'in', ids)
      .execute();
    const open = await this.db.selectFrom('reviews').select(['episode_id', 'reviewer']).where('episode_id', 'in', ids).where('submitted_at', 'is', null).execute();
    return rows.map((r) => {
      const own = r.own_policy !== null;
      const terms: DataTerms = own
        ? { policy: r.own_policy as DataPolicy, license: r.own_license!, floorPricePerHour: r.own_floor, allowedBuyers: buyers(r.own_buyers) }
        : { policy: (r.data_policy ?? 'private') as DataPolicy, license: r.data_license ?? 'CC-BY-4.0', floorPricePerHour: r.floor_price_per_hour ?? null, allowedBuyers: buyers(r.allowed_buyers ?? null) };
      const recorded = r.ended_at ? Math.max(0, Date.parse(r.ended_at) - Date.parse(r.started_at)) : 0;
      return {
        id: r.id,
        robotId: r.robot_id,
        operator: r.operator,
        robotOwner: r.owner ?? null,
        terms,
        ownTerms: own,
        assignedReviewers: open.filter((a) => a.episode_id === r.id).map((a) => a.reviewer.toLowerCase()),
        durationMs: r.verified_ms ?? recorded,
      };
    });
  }

  /** Every dataset version that is ready or being built, with its own terms (a dataset's when the version predates them). */
  async versionTerms(): Promise<VersionTerms[]> {
    const rows = await this.db
      .selectFrom('dataset_versions')
      .innerJoin('datasets', 'datasets.id', 'dataset_versions.dataset_id')
      .select([
        'dataset_versions.dataset_id',
        'datasets.name',
        'dataset_versions.version',
        'dataset_versions.state',
        'dataset_versions.episode_ids',
        'dataset_versions.price',
        'dataset_versions.license',
        'dataset_versions.allowed_buyers',
        'dataset_versions.token_id',
        'datasets.price as dataset_price',
        'datasets.license as dataset_license',
        'datasets.allowed_buyers as dataset_buyers',
      ])
      .where('dataset_versions.state', 'in', ['ready', 'building'])
      .orderBy('dataset_versions.created_at')
      .execute();
    return rows.map((r) => {
      const list = r.price !== null ? r.allowed_buyers : r.dataset_buyers;
      return {
        datasetId: r.dataset_id,
        name: r.name,
        version: r.version,
        price: r.price ?? r.dataset_price,
        license: r.license ?? r.dataset_license,
        allowedBuyers: list ? buyers(list) : null,
        state: r.state,
        episodeIds: JSON.parse(r.episode_ids) as string[],
        tokenId: r.token_id,
      };
    });
  }

  // --- Reads of episodes' content -------------------------------------------

  async recordEpisodeAccess(a: EpisodeAccess): Promise<void> {
    await this.db.insertInto('episode_accesses').values({ episode_id: a.episodeId, address: a.address, kind: a.kind, path: a.path, purpose: a.purpose, at: a.at }).execute();
  }

  /** Reads of these episodes' content, newest first (the latest 1000). */
  async episodeAccesses(ids: string[]): Promise<EpisodeAccess[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('episode_accesses').selectAll().where('episode_id', 'in', ids).orderBy('at', 'desc').limit(1000).execute();
    return rows.map((r) => ({ episodeId: r.episode_id, address: r.address, kind: r.kind as EpisodeAccess['kind'], path: r.path, purpose: r.purpose, at: r.at }));
  }
}

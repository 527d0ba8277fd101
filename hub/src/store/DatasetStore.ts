// The datasets aggregate in SQL: the `datasets` and `dataset_versions` tables
// and the JSON in them (allowed buyers, selection, episode ids, summary), so
// callers get typed records and never a column's text. A version's files are
// not here: they are blobs under datasets/<id>/v<n>/.
import type { SignedManifest } from '@teleop/proto';
import type { Dataset, DatasetSelection, DatasetUnits, DatasetVersion, VersionState, VersionSummary } from '../datasets/datasetRecords.ts';
import type { TeleopQuality } from '../episodes/EpisodeService.ts';
import type { HubDb } from './database.ts';
import { lockRows } from './dialect.ts';
import type { DatasetsTable, DatasetVersionsTable } from './schema.ts';

/** What a new version is made of; its number is the next free one and it starts `building`. */
export interface NewVersion {
  dataset_id: string;
  /** Its terms, fixed from now on. */
  price: string;
  license: string;
  allowed_buyers: string[] | null;
  parent_version: number | null;
  selection: DatasetSelection;
  episode_ids: string[];
  created_by: string;
  created_at: string;
}

/** What a finished build leaves on its version. */
export interface BuiltVersionRecord {
  merkle_root: string;
  manifest_hash: string;
  summary: VersionSummary;
  size_bytes: number;
  built_at: string;
}

/** An accepted episode, with what the dataset builder needs of it and of its robot. */
export interface AcceptedEpisode {
  id: string;
  task: string;
  robotId: string;
  robotModel: string;
  operator: string;
  outcome: string | null;
  score: number | null;
  startedAt: string;
  quality: TeleopQuality | null;
  signed: SignedManifest;
}

/** An accepted episode a selection matched, with its robot owner's rule for datasets. */
export interface SelectableEpisode {
  id: string;
  robotId: string;
  /** open, private or restricted. */
  dataPolicy: string;
  /** For restricted robots: the addresses the owner lets have its data. */
  robotAllowedBuyers: string[];
}

function datasetFrom(row: DatasetsTable): Dataset {
  return { ...row, allowed_buyers: row.allowed_buyers ? (JSON.parse(row.allowed_buyers) as string[]) : null, units: row.units as DatasetUnits };
}

function versionFrom(row: DatasetVersionsTable): DatasetVersion {
  return {
    ...row,
    // Filled by migration 0014 for versions made before versions had terms of their own.
    price: row.price ?? '0',
    license: row.license ?? 'CC-BY-4.0',
    allowed_buyers: row.allowed_buyers ? (JSON.parse(row.allowed_buyers) as string[]) : null,
    selection: JSON.parse(row.selection) as DatasetSelection,
    episode_ids: JSON.parse(row.episode_ids) as string[],
    state: row.state as VersionState,
    summary: row.summary ? (JSON.parse(row.summary) as VersionSummary) : null,
  };
}

export class DatasetStore {
  constructor(private readonly db: HubDb) {}

  /** Inserts a dataset and its first version together; returns that version's number (1). */
  async createDataset(d: Dataset, first: Omit<NewVersion, 'dataset_id'>): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('datasets')
        .values({ ...d, allowed_buyers: d.allowed_buyers ? JSON.stringify(d.allowed_buyers) : null })
        .execute();
      return new DatasetStore(trx).addVersion({ ...first, dataset_id: d.id });
    });
  }

  async dataset(id: string): Promise<Dataset | undefined> {
    const row = await this.db.selectFrom('datasets').selectAll().where('id', '=', id).executeTakeFirst();
    return row && datasetFrom(row);
  }

  async datasetByName(name: string): Promise<Dataset | undefined> {
    const row = await this.db.selectFrom('datasets').selectAll().where('name', '=', name).executeTakeFirst();
    return row && datasetFrom(row);
  }

  /** A dataset by id or by name. */
  async find(idOrName: string): Promise<Dataset | undefined> {
    const row = await this.db
      .selectFrom('datasets')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
      .executeTakeFirst();
    return row && datasetFrom(row);
  }

  /** Every dataset, newest first. */
  async datasets(): Promise<Dataset[]> {
    return (await this.db.selectFrom('datasets').selectAll().orderBy('created_at', 'desc').execute()).map(datasetFrom);
  }

  /** Inserts the next version of a dataset (state `building`); returns its number. */
  async addVersion(v: NewVersion): Promise<number> {
    // The number and the insert in one transaction, so two new versions cannot take the same number; on a
    // database several hubs share, the dataset's row is locked first, so a second hub's new version waits and
    // takes the next number (instead of failing on the primary key).
    const insert = async (db: HubDb): Promise<number> => {
      await lockRows(db, 'datasets', 'id', v.dataset_id);
      const version = ((await new DatasetStore(db).latestVersionNumber(v.dataset_id)) ?? 0) + 1;
      await db
        .insertInto('dataset_versions')
        .values({
          ...v,
          version,
          selection: JSON.stringify(v.selection),
          episode_ids: JSON.stringify(v.episode_ids),
          allowed_buyers: v.allowed_buyers ? JSON.stringify(v.allowed_buyers) : null,
          state: 'building',
          reason: null,
          merkle_root: null,
          manifest_hash: null,
          summary: null,
          size_bytes: null,
          built_at: null,
          token_id: null,
          publish_tx: null,
        })
        .execute();
      return version;
    };
    return this.db.isTransaction ? insert(this.db) : this.db.transaction().execute(insert);
  }

  async version(datasetId: string, version: number): Promise<DatasetVersion | undefined> {
    const row = await this.db.selectFrom('dataset_versions').selectAll().where('dataset_id', '=', datasetId).where('version', '=', version).executeTakeFirst();
    return row && versionFrom(row);
  }

  /** The highest version number of a dataset, whatever its state; null when it has none. */
  async latestVersionNumber(datasetId: string): Promise<number | null> {
    const row = await this.db.selectFrom('dataset_versions').select(({ fn }) => fn.max('version').as('v')).where('dataset_id', '=', datasetId).executeTakeFirst();
    return (row?.v as number | null | undefined) ?? null;
  }

  async latestReadyVersion(datasetId: string): Promise<DatasetVersion | undefined> {
    const row = await this.db
      .selectFrom('dataset_versions')
      .selectAll()
      .where('dataset_id', '=', datasetId)
      .where('state', '=', 'ready')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && versionFrom(row);
  }

  /** A dataset's versions in order, or every dataset's when `datasetId` is not given. */
  async versions(datasetId?: string): Promise<DatasetVersion[]> {
    let q = this.db.selectFrom('dataset_versions').selectAll();
    if (datasetId !== undefined) q = q.where('dataset_id', '=', datasetId);
    return (await q.orderBy('version').execute()).map(versionFrom);
  }

  /** Versions a stopped hub left `building`, oldest first. */
  async buildingVersions(): Promise<{ datasetId: string; version: number }[]> {
    const rows = await this.db.selectFrom('dataset_versions').select(['dataset_id', 'version']).where('state', '=', 'building').orderBy('created_at').execute();
    return rows.map((r) => ({ datasetId: r.dataset_id, version: r.version }));
  }

  /** Ready versions not yet published on chain, oldest first. */
  async unpublishedVersions(): Promise<{ datasetId: string; version: number }[]> {
    const rows = await this.db
      .selectFrom('dataset_versions')
      .select(['dataset_id', 'version'])
      .where('state', '=', 'ready')
      .where('token_id', 'is', null)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ datasetId: r.dataset_id, version: r.version }));
  }

  /** The version published as a DatasetRegistry token. */
  async versionByToken(tokenId: number): Promise<DatasetVersion | undefined> {
    const row = await this.db.selectFrom('dataset_versions').selectAll().where('token_id', '=', tokenId).executeTakeFirst();
    return row && versionFrom(row);
  }

  /** Marks a version `building` ready; false when it was no longer `building` (another hub finished it first). */
  async setReady(datasetId: string, version: number, built: BuiltVersionRecord): Promise<boolean> {
    const r = await this.db
      .updateTable('dataset_versions')
      .set({ ...built, state: 'ready', reason: null, summary: JSON.stringify(built.summary) })
      .where('dataset_id', '=', datasetId)
      .where('version', '=', version)
      .where('state', '=', 'building')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async setFailed(datasetId: string, version: number, reason: string): Promise<void> {
    await this.db.updateTable('dataset_versions').set({ state: 'failed', reason }).where('dataset_id', '=', datasetId).where('version', '=', version).execute();
  }

  /** Records the DatasetRegistry token a version was published as, and the transaction that did it. */
  async setPublished(datasetId: string, version: number, tokenId: number, tx: string): Promise<void> {
    await this.db.updateTable('dataset_versions').set({ token_id: tokenId, publish_tx: tx }).where('dataset_id', '=', datasetId).where('version', '=', version).execute();
  }

  // Episodes as datasets select them. These read the episodes and robots tables, which this store does not
  // own; they move to the episodes' store when there is one.

  /** The state of each of these episodes that exists. */
  async episodeStates(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('episodes').select(['id', 'state']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.state]));
  }

  /** The accepted episodes a selection's filters (and explicit ids) match, oldest first, with their robots' data rules. */
  async selectableEpisodes(s: DatasetSelection): Promise<SelectableEpisode[]> {
    let q = this.db
      .selectFrom('episodes')
      .innerJoin('robots', 'robots.id', 'episodes.robot_id')
      .select(['episodes.id', 'robots.data_policy', 'robots.allowed_buyers', 'robots.id as robot'])
      .where('episodes.state', '=', 'accepted')
      .where('episodes.quarantined', 'is', null)
      .where('episodes.id', 'not in', this.db.selectFrom('gold_episodes').select('episode_id'))
      .orderBy('episodes.started_at')
      .orderBy('episodes.id');
    if (s.robotModel) q = q.where('robots.model', '=', s.robotModel);
    if (s.robotId) q = q.where('episodes.robot_id', '=', s.robotId);
    if (s.task) q = q.where('episodes.task', '=', s.task);
    if (s.minScore !== undefined) q = q.where('episodes.score', '>=', s.minScore);
    if (s.from) q = q.where('episodes.started_at', '>=', new Date(s.from).toISOString());
    if (s.to) q = q.where('episodes.started_at', '<=', new Date(s.to).toISOString());
    if (s.operator) q = q.where('episodes.operator', '=', s.operator.toLowerCase());
    if (s.episodeIds) q = q.where('episodes.id', 'in', s.episodeIds);
    return (await q.execute()).map((r) => ({ id: r.id, robotId: r.robot, dataPolicy: r.data_policy, robotAllowedBuyers: JSON.parse(r.allowed_buyers ?? '[]') as string[] }));
  }

  /** Those of these episodes that are accepted and carry a signed manifest, with their robots' model (order not kept). */
  async acceptedEpisodesForDataset(ids: string[]): Promise<AcceptedEpisode[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('episodes')
      .innerJoin('robots', 'robots.id', 'episodes.robot_id')
      .select(['episodes.id', 'episodes.task', 'episodes.robot_id', 'episodes.operator', 'episodes.outcome', 'episodes.score', 'episodes.started_at', 'episodes.quality', 'episodes.manifest', 'robots.model'])
      .where('episodes.id', 'in', ids)
      .where('episodes.state', '=', 'accepted')
      .where('episodes.manifest', 'is not', null)
      .where('episodes.quarantined', 'is', null)
      .where('episodes.id', 'not in', this.db.selectFrom('gold_episodes').select('episode_id'))
      .execute();
    return rows.map((r) => ({
      id: r.id,
      task: r.task,
      robotId: r.robot_id,
      robotModel: r.model,
      operator: r.operator,
      outcome: r.outcome,
      score: r.score,
      startedAt: r.started_at,
      quality: r.quality ? (JSON.parse(r.quality) as TeleopQuality) : null,
      signed: JSON.parse(r.manifest!) as SignedManifest,
    }));
  }
}

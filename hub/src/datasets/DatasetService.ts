// Datasets: a named dataset has versions; a version is a frozen selection of
// accepted episodes (by filters or explicit ids), built once into a directory
// under the data directory (LeRobot v3.0 tree, raw bundle, dataset card,
// manifest with its Merkle root) and never changed afterwards. A new
// selection is a new version that names its parent.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetManifest } from '@teleop/proto';
import type { Logger } from '../log.ts';
import type { HubDb } from '../store/database.ts';
import type { DatasetsTable, DatasetVersionsTable } from '../store/schema.ts';
import type { VersionSummary } from './exportVersion.ts';

export interface DatasetSelection {
  /** Robot model, e.g. "so101_follower". */
  robotModel?: string;
  robotId?: string;
  /** Exact task text. */
  task?: string;
  /** Lowest quality score 0..1. */
  minScore?: number;
  /** ISO dates bounding the episode start. */
  from?: string;
  to?: string;
  operator?: string;
  /** Explicit episodes (each must be accepted); combined with the filters above. */
  episodeIds?: string[];
}

export interface NewDataset {
  name: string;
  title?: string;
  description?: string;
  license?: string;
  /** 0 (open) or a price in the reward token's smallest unit. */
  price?: string;
  /** When given, only these addresses may download it (needed to include robots whose owners restrict their data). */
  allowedBuyers?: string[];
  /** Units of observation.state and action (default radians, as recorded). */
  units?: DatasetUnits;
}

export class DatasetError extends Error {
  override name = 'DatasetError';
  constructor(
    readonly code: 'bad_request' | 'unknown_dataset' | 'unknown_version' | 'name_taken' | 'empty_selection' | 'not_ready' | 'incompatible_episodes',
    message: string,
  ) {
    super(message);
  }
}

/**
 * radians: as robots record them. degrees / normalized: LeRobot's SO-101 conventions (use_degrees=True, or its
 * default -100..100 over each joint's range), with the gripper 0..100 in both.
 */
export type DatasetUnits = 'radians' | 'degrees' | 'normalized';
export const DATASET_UNITS: readonly DatasetUnits[] = ['radians', 'degrees', 'normalized'];

export interface DatasetView {
  id: string;
  name: string;
  title: string;
  description: string;
  license: string;
  price: string;
  units: DatasetUnits;
  createdBy: string;
  createdAt: string;
  versions: VersionView[];
}

export interface VersionView {
  datasetId: string;
  version: number;
  parentVersion: number | null;
  selection: DatasetSelection;
  episodeIds: string[];
  state: 'building' | 'ready' | 'failed';
  reason: string | null;
  merkleRoot: string | null;
  manifestHash: string | null;
  summary: VersionSummary | null;
  sizeBytes: number | null;
  createdBy: string;
  createdAt: string;
  builtAt: string | null;
  /** DatasetRegistry token, once published on chain. */
  tokenId: number | null;
  publishTx: string | null;
}

export type VersionBuilder = (o: { dir: string; dataset: DatasetsTable; version: DatasetVersionsTable; episodeIds: string[] }) => Promise<{ manifest: DatasetManifest; manifestHash: string; summary: VersionSummary; sizeBytes: number }>;

export interface DatasetServiceOptions {
  db: HubDb;
  dataDir: string;
  logger: Logger;
  build: VersionBuilder;
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function normalizeAddresses(list: unknown): string[] {
  if (!Array.isArray(list) || list.some((a) => typeof a !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(a))) {
    throw new DatasetError('bad_request', 'allowedBuyers must be a list of 0x addresses');
  }
  return [...new Set((list as string[]).map((a) => a.toLowerCase()))];
}
const now = (): string => new Date().toISOString();

export class DatasetService extends EventEmitter<{ built: [datasetId: string, version: number, state: 'ready' | 'failed'] }> {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly o: DatasetServiceOptions) {
    super();
  }

  /** Where a version's files live. */
  versionDir(datasetId: string, version: number): string {
    return join(this.o.dataDir, 'datasets', datasetId, `v${version}`);
  }

  async create(d: NewDataset, selection: DatasetSelection, by: string): Promise<{ datasetId: string; version: number }> {
    if (typeof d.name !== 'string' || !NAME.test(d.name)) throw new DatasetError('bad_request', 'name must be 1-64 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit');
    const price = d.price ?? '0';
    if (!/^\d{1,78}$/.test(price)) throw new DatasetError('bad_request', 'price must be a non-negative integer amount of the reward token (0 = open access)');
    const license = d.license ?? 'CC-BY-4.0';
    if (!/^[A-Za-z0-9.+-]{1,64}$/.test(license)) throw new DatasetError('bad_request', 'license must be an SPDX identifier such as CC-BY-4.0');
    const units = d.units ?? 'radians';
    if (!DATASET_UNITS.includes(units)) throw new DatasetError('bad_request', `units must be one of ${DATASET_UNITS.join(', ')}`);
    if (await this.o.db.selectFrom('datasets').select('id').where('name', '=', d.name).executeTakeFirst()) {
      throw new DatasetError('name_taken', `a dataset named ${d.name} exists; add a version to it instead`);
    }
    const allowedBuyers = d.allowedBuyers?.length ? normalizeAddresses(d.allowedBuyers) : null;
    const episodeIds = await this.select(selection, allowedBuyers);
    const id = `d-${randomUUID()}`;
    await this.o.db
      .insertInto('datasets')
      .values({ id, name: d.name, title: (d.title ?? d.name).slice(0, 200), description: (d.description ?? '').slice(0, 10_000), license, price, created_by: by, created_at: now(), allowed_buyers: allowedBuyers ? JSON.stringify(allowedBuyers) : null, units })
      .execute();
    const version = await this.insertVersion(id, null, selection, episodeIds, by);
    return { datasetId: id, version };
  }

  /** A new version of an existing dataset: a new selection, linked to its parent (default: the latest). */
  async addVersion(datasetId: string, selection: DatasetSelection, by: string, parentVersion?: number): Promise<{ datasetId: string; version: number }> {
    const latest = await this.o.db.selectFrom('dataset_versions').select(({ fn }) => fn.max('version').as('v')).where('dataset_id', '=', datasetId).executeTakeFirst();
    if (!(await this.dataset(datasetId))) throw new DatasetError('unknown_dataset', `no dataset ${datasetId}`);
    const parent = parentVersion ?? (latest?.v as number | null) ?? null;
    if (parent !== null && !(await this.versionRow(datasetId, parent))) throw new DatasetError('unknown_version', `dataset ${datasetId} has no version ${parent}`);
    const d = (await this.dataset(datasetId))!;
    const episodeIds = await this.select(selection, d.allowed_buyers ? (JSON.parse(d.allowed_buyers) as string[]) : null);
    return { datasetId, version: await this.insertVersion(datasetId, parent, selection, episodeIds, by) };
  }

  /**
   * The accepted episodes a selection names, oldest first, as their robots' owners allow: never a private
   * robot's, and a restricted robot's only when every buyer the dataset allows is one the owner listed.
   */
  async select(s: DatasetSelection, allowedBuyers: string[] | null = null): Promise<string[]> {
    if (typeof s !== 'object' || s === null) throw new DatasetError('bad_request', 'selection must be an object');
    if (s.minScore !== undefined && !(typeof s.minScore === 'number' && s.minScore >= 0 && s.minScore <= 1)) throw new DatasetError('bad_request', 'minScore must be a number from 0 to 1');
    for (const k of ['from', 'to'] as const) {
      if (s[k] !== undefined && Number.isNaN(Date.parse(s[k]!))) throw new DatasetError('bad_request', `${k} must be an ISO date`);
    }
    if (s.episodeIds !== undefined && (!Array.isArray(s.episodeIds) || s.episodeIds.some((e) => typeof e !== 'string'))) throw new DatasetError('bad_request', 'episodeIds must be a list of episode ids');
    let q = this.o.db
      .selectFrom('episodes')
      .innerJoin('robots', 'robots.id', 'episodes.robot_id')
      .select(['episodes.id', 'episodes.state', 'robots.data_policy', 'robots.allowed_buyers', 'robots.id as robot'])
      .where('episodes.state', '=', 'accepted')
      .orderBy('episodes.started_at')
      .orderBy('episodes.id');
    if (s.robotModel) q = q.where('robots.model', '=', s.robotModel);
    if (s.robotId) q = q.where('episodes.robot_id', '=', s.robotId);
    if (s.task) q = q.where('episodes.task', '=', s.task);
    if (s.minScore !== undefined) q = q.where('episodes.score', '>=', s.minScore);
    if (s.from) q = q.where('episodes.started_at', '>=', new Date(s.from).toISOString());
    if (s.to) q = q.where('episodes.started_at', '<=', new Date(s.to).toISOString());
    if (s.operator) q = q.where('episodes.operator', '=', s.operator.toLowerCase());
    if (s.episodeIds) {
      if (s.episodeIds.length === 0) throw new DatasetError('empty_selection', 'episodeIds is empty');
      const rows = await this.o.db.selectFrom('episodes').select(['id', 'state']).where('id', 'in', s.episodeIds).execute();
      const known = new Map(rows.map((r) => [r.id, r.state]));
      const bad = s.episodeIds.filter((id) => known.get(id) !== 'accepted').map((id) => `${id} (${known.get(id) ?? 'unknown'})`);
      if (bad.length) throw new DatasetError('bad_request', `only accepted episodes enter a dataset; not accepted: ${bad.join(', ')}`);
      q = q.where('episodes.id', 'in', s.episodeIds);
    }
    const rows = await q.execute();
    const allowedBy = (r: { data_policy: string; allowed_buyers: string | null }): boolean => {
      if (r.data_policy === 'private') return false;
      if (r.data_policy !== 'restricted') return true;
      const listed = new Set((JSON.parse(r.allowed_buyers ?? '[]') as string[]).map((a) => a.toLowerCase()));
      return allowedBuyers !== null && allowedBuyers.length > 0 && allowedBuyers.every((b) => listed.has(b.toLowerCase()));
    };
    const refused = rows.filter((r) => !allowedBy(r));
    if (s.episodeIds && refused.length) {
      throw new DatasetError('bad_request', `the owners of these episodes' robots do not allow them in this dataset: ${refused.map((r) => `${r.id} (robot ${r.robot}: ${r.data_policy})`).join(', ')}`);
    }
    const ids = rows.filter(allowedBy).map((r) => r.id);
    if (ids.length === 0) throw new DatasetError('empty_selection', 'no accepted episode matches the selection (or their robots\' owners keep them out of datasets)');
    return ids;
  }

  private async insertVersion(datasetId: string, parent: number | null, selection: DatasetSelection, episodeIds: string[], by: string): Promise<number> {
    const latest = await this.o.db.selectFrom('dataset_versions').select(({ fn }) => fn.max('version').as('v')).where('dataset_id', '=', datasetId).executeTakeFirst();
    const version = ((latest?.v as number | null) ?? 0) + 1;
    await this.o.db
      .insertInto('dataset_versions')
      .values({
        dataset_id: datasetId,
        version,
        parent_version: parent,
        selection: JSON.stringify(selection),
        episode_ids: JSON.stringify(episodeIds),
        state: 'building',
        reason: null,
        merkle_root: null,
        manifest_hash: null,
        summary: null,
        size_bytes: null,
        created_by: by,
        created_at: now(),
        built_at: null,
        token_id: null,
        publish_tx: null,
      })
      .execute();
    this.enqueue(datasetId, version);
    return version;
  }

  /** Builds run one at a time (they are ffmpeg- and disk-bound). */
  private enqueue(datasetId: string, version: number): void {
    this.queue = this.queue.then(() => this.buildVersion(datasetId, version)).catch(() => undefined);
  }

  /** Versions left `building` by a stopped hub are built again (from scratch) at start. */
  async resumeBuilds(): Promise<void> {
    for (const v of await this.o.db.selectFrom('dataset_versions').select(['dataset_id', 'version']).where('state', '=', 'building').execute()) this.enqueue(v.dataset_id, v.version);
  }

  /** Resolves once every build queued so far has finished. */
  idle(): Promise<void> {
    return this.queue;
  }

  private async buildVersion(datasetId: string, version: number): Promise<void> {
    const dataset = (await this.dataset(datasetId))!;
    const row = (await this.versionRow(datasetId, version))!;
    const dir = this.versionDir(datasetId, version);
    const tmp = `${dir}.building`;
    const started = Date.now();
    try {
      await rm(tmp, { recursive: true, force: true });
      const built = await this.o.build({ dir: tmp, dataset, version: row, episodeIds: JSON.parse(row.episode_ids) as string[] });
      if (existsSync(dir)) await rm(dir, { recursive: true, force: true });
      await rename(tmp, dir);
      await this.o.db
        .updateTable('dataset_versions')
        .set({ state: 'ready', merkle_root: built.manifest.merkle.root, manifest_hash: built.manifestHash, summary: JSON.stringify(built.summary), size_bytes: built.sizeBytes, built_at: now() })
        .where('dataset_id', '=', datasetId)
        .where('version', '=', version)
        .execute();
      this.o.logger.info({ datasetId, version, ms: Date.now() - started, root: built.manifest.merkle.root, episodes: built.summary.totalEpisodes, frames: built.summary.totalFrames }, 'dataset version built');
      this.emit('built', datasetId, version, 'ready');
    } catch (err) {
      await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
      const reason = (err as Error).message;
      await this.o.db.updateTable('dataset_versions').set({ state: 'failed', reason }).where('dataset_id', '=', datasetId).where('version', '=', version).execute();
      this.o.logger.error({ datasetId, version, err }, `dataset version failed to build: ${reason}`);
      this.emit('built', datasetId, version, 'failed');
    }
  }

  async dataset(id: string): Promise<DatasetsTable | undefined> {
    return this.o.db.selectFrom('datasets').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A dataset by id or by name. */
  async find(idOrName: string): Promise<DatasetsTable | undefined> {
    return this.o.db.selectFrom('datasets').selectAll().where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)])).executeTakeFirst();
  }

  async versionRow(datasetId: string, version: number): Promise<DatasetVersionsTable | undefined> {
    return this.o.db.selectFrom('dataset_versions').selectAll().where('dataset_id', '=', datasetId).where('version', '=', version).executeTakeFirst();
  }

  async view(idOrName: string): Promise<DatasetView | null> {
    const d = await this.find(idOrName);
    if (!d) return null;
    const versions = await this.o.db.selectFrom('dataset_versions').selectAll().where('dataset_id', '=', d.id).orderBy('version').execute();
    return toView(d, versions);
  }

  async list(): Promise<DatasetView[]> {
    const datasets = await this.o.db.selectFrom('datasets').selectAll().orderBy('created_at', 'desc').execute();
    const versions = await this.o.db.selectFrom('dataset_versions').selectAll().orderBy('version').execute();
    return datasets.map((d) => toView(d, versions.filter((v) => v.dataset_id === d.id)));
  }

  /** A ready version (the latest ready one when `version` is undefined). */
  async readyVersion(idOrName: string, version?: number): Promise<{ dataset: DatasetsTable; version: DatasetVersionsTable; dir: string }> {
    const dataset = await this.find(idOrName);
    if (!dataset) throw new DatasetError('unknown_dataset', `no dataset ${idOrName}`);
    let q = this.o.db.selectFrom('dataset_versions').selectAll().where('dataset_id', '=', dataset.id);
    q = version === undefined ? q.where('state', '=', 'ready').orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
    const row = await q.executeTakeFirst();
    if (!row) throw new DatasetError('unknown_version', version === undefined ? `dataset ${dataset.name} has no built version yet` : `dataset ${dataset.name} has no version ${version}`);
    if (row.state !== 'ready') throw new DatasetError('not_ready', `version ${row.version} of ${dataset.name} is ${row.state}${row.reason ? `: ${row.reason}` : ''}`);
    return { dataset, version: row, dir: this.versionDir(dataset.id, row.version) };
  }
}

function toView(d: DatasetsTable, versions: DatasetVersionsTable[]): DatasetView {
  return {
    id: d.id,
    name: d.name,
    title: d.title,
    description: d.description,
    license: d.license,
    price: d.price,
    units: d.units as DatasetUnits,
    createdBy: d.created_by,
    createdAt: d.created_at,
    versions: versions.map((v) => ({
      datasetId: v.dataset_id,
      version: v.version,
      parentVersion: v.parent_version,
      selection: JSON.parse(v.selection) as DatasetSelection,
      episodeIds: JSON.parse(v.episode_ids) as string[],
      state: v.state as VersionView['state'],
      reason: v.reason,
      merkleRoot: v.merkle_root,
      manifestHash: v.manifest_hash,
      summary: v.summary ? (JSON.parse(v.summary) as VersionSummary) : null,
      sizeBytes: v.size_bytes,
      createdBy: v.created_by,
      createdAt: v.created_at,
      builtAt: v.built_at,
      tokenId: v.token_id,
      publishTx: v.publish_tx,
    })),
  };
}

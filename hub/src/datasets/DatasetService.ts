// Datasets: a named dataset has versions; a version is a frozen selection of
// accepted episodes (by filters or explicit ids), built once into the blob
// store under datasets/<id>/v<n>/ (LeRobot v3.0 tree, raw bundle, dataset
// card, manifest with its Merkle root) and never changed afterwards. A new
// selection is a new version that names its parent.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { httpApi } from '@teleop/proto';
import type { Logger } from '../log.ts';
import type { BlobStore } from '../store/BlobStore.ts';
import type { AcceptedEpisode, DatasetStore } from '../store/DatasetStore.ts';
import type { DataRightsStore } from '../store/DataRightsStore.ts';
import { breachOf, describeBreaches, floorBreaches, type EpisodeUnderTerms, type VersionOffer } from './ownerTerms.ts';
import { DatasetBuildError, type BuildInput, type BuiltVersion } from './build/buildContext.ts';
import { DATASET_UNITS, type Dataset, type DatasetSelection, type DatasetUnits, type DatasetVersion } from './datasetRecords.ts';
import { versionPrefix } from './versionKeys.ts';

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
    readonly code: 'bad_request' | 'unknown_dataset' | 'unknown_version' | 'name_taken' | 'empty_selection' | 'not_ready' | 'incompatible_episodes' | 'breaks_terms',
    message: string,
  ) {
    super(message);
  }

  /** The HTTP status that says it (routes and the access hook answer with it). */
  get httpStatus(): number {
    return { bad_request: 400, unknown_dataset: 404, unknown_version: 404, name_taken: 409, empty_selection: 422, not_ready: 409, incompatible_episodes: 422, breaks_terms: 422 }[this.code];
  }
}

/** A dataset with its versions, as the API answers it. */
export type DatasetView = httpApi.Dataset;
export type VersionView = httpApi.DatasetVersion;

/** Builds a version from its episodes and stores its files under the version's prefix; resolves once every file is stored. */
export type VersionBuilder = (input: BuildInput) => Promise<BuiltVersion>;

export interface DatasetServiceOptions {
  store: DatasetStore;
  /** Owners' terms of the episodes, and what versions already hold them. */
  rights: DataRightsStore;
  /** Where built versions are stored; the service removes what a failed build left there. */
  blobs: BlobStore;
  logger: Logger;
  build: VersionBuilder;
  /** Takes an episode whose stored files changed out of datasets and rewards. */
  quarantine: (episodeId: string, reason: string) => Promise<void>;
  /**
   * Asked once a build has stored its files, before the version is marked ready: whether this hub still holds
   * the dataset-builds role (checking its lock connection now). Default: always (one hub).
   */
  stillBuilds?: () => Promise<boolean>;
}

/** Why a build stopped half-way: this hub lost the dataset-builds role (another hub builds the version again). */
export class BuildStopped extends Error {
  override name = 'BuildStopped';
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function normalizeAddresses(list: unknown): string[] {
  if (!Array.isArray(list) || list.some((a) => typeof a !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(a))) {
    throw new DatasetError('bad_request', 'allowedBuyers must be a list of 0x addresses');
  }
  return [...new Set((list as string[]).map((a) => a.toLowerCase()))];
}
const now = (): string => new Date().toISOString();

export class DatasetService extends EventEmitter<{ built: [datasetId: string, version: number, state: 'ready' | 'failed']; stopped: [datasetId: string, version: number, why: string] }> {
  private queue: Promise<void> = Promise.resolve();
  /** Versions queued or building here: a rescan does not queue them twice. */
  private readonly queued = new Set<string>();
  /**
   * Whether this hub builds. Where hubs share a database only the one holding the dataset-builds role does
   * (jobs/SingletonJobs.ts); a version requested on another hub waits `building` until that one's rescan.
   */
  private builds = true;
  /** The build running here, aborted when the role is lost. */
  private running: AbortController | null = null;

  constructor(private readonly o: DatasetServiceOptions) {
    super();
  }

  /**
   * Tests only (jobs/datasetBuildFailover.test.ts): replaces the builder of a whole hub, so a test can hold a build
   * mid-way at a point it chooses. Nothing in the hub calls it.
   */
  testOnlyReplaceBuilder(build: VersionBuilder): void {
    (this.o as { build: VersionBuilder }).build = build;
  }

  async create(d: NewDataset, selection: DatasetSelection, by: string): Promise<{ datasetId: string; version: number }> {
    if (typeof d.name !== 'string' || !NAME.test(d.name)) throw new DatasetError('bad_request', 'name must be 1-64 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit');
    const price = d.price ?? '0';
    if (!/^\d{1,78}$/.test(price)) throw new DatasetError('bad_request', 'price must be a non-negative integer amount of the reward token (0 = open access)');
    const license = d.license ?? 'CC-BY-4.0';
    if (!/^[A-Za-z0-9.+-]{1,64}$/.test(license)) throw new DatasetError('bad_request', 'license must be an SPDX identifier such as CC-BY-4.0');
    const units = d.units ?? 'radians';
    if (!DATASET_UNITS.includes(units)) throw new DatasetError('bad_request', `units must be one of ${DATASET_UNITS.join(', ')}`);
    if (await this.o.store.datasetByName(d.name)) {
      throw new DatasetError('name_taken', `a dataset named ${d.name} exists; add a version to it instead`);
    }
    const allowedBuyers = d.allowedBuyers?.length ? normalizeAddresses(d.allowedBuyers) : null;
    const episodeIds = await this.select(selection, { price, license, allowedBuyers });
    const id = `d-${randomUUID()}`;
    const at = now();
    const version = await this.o.store.createDataset(
      { id, name: d.name, title: (d.title ?? d.name).slice(0, 200), description: (d.description ?? '').slice(0, 10_000), license, price, created_by: by, created_at: at, allowed_buyers: allowedBuyers, units },
      { parent_version: null, selection, episode_ids: episodeIds, created_by: by, created_at: at, price, license, allowed_buyers: allowedBuyers },
    );
    this.enqueue(id, version);
    return { datasetId: id, version };
  }

  /** A new version of an existing dataset: a new selection, linked to its parent (default: the latest). */
  async addVersion(datasetId: string, selection: DatasetSelection, by: string, parentVersion?: number): Promise<{ datasetId: string; version: number }> {
    const d = await this.o.store.dataset(datasetId);
    if (!d) throw new DatasetError('unknown_dataset', `no dataset ${datasetId}`);
    const parent = parentVersion ?? (await this.o.store.latestVersionNumber(datasetId));
    if (parent !== null && !(await this.o.store.version(datasetId, parent))) throw new DatasetError('unknown_version', `dataset ${datasetId} has no version ${parent}`);
    // A new version takes its dataset's terms, fixed from then on.
    const offer: VersionOffer = { price: d.price, license: d.license, allowedBuyers: d.allowed_buyers };
    const episodeIds = await this.select(selection, offer);
    const version = await this.o.store.addVersion({ dataset_id: datasetId, parent_version: parent, selection, episode_ids: episodeIds, created_by: by, created_at: now(), price: offer.price, license: offer.license, allowed_buyers: offer.allowedBuyers });
    this.enqueue(datasetId, version);
    return { datasetId, version };
  }

  /**
   * The accepted episodes a selection names, oldest first, that a version with these terms may hold under their
   * owners' terms (ownerTerms.ts). Explicit episode ids that it may not hold fail the build, named with the term
   * they break; filters leave such episodes out. The owners' floor prices are checked on the whole selection.
   */
  async select(s: DatasetSelection, offer: VersionOffer = { price: '0', license: 'CC-BY-4.0', allowedBuyers: null }): Promise<string[]> {
    if (typeof s !== 'object' || s === null) throw new DatasetError('bad_request', 'selection must be an object');
    if (s.minScore !== undefined && !(typeof s.minScore === 'number' && s.minScore >= 0 && s.minScore <= 1)) throw new DatasetError('bad_request', 'minScore must be a number from 0 to 1');
    for (const k of ['from', 'to'] as const) {
      if (s[k] !== undefined && Number.isNaN(Date.parse(s[k]!))) throw new DatasetError('bad_request', `${k} must be an ISO date`);
    }
    if (s.episodeIds !== undefined && (!Array.isArray(s.episodeIds) || s.episodeIds.some((e) => typeof e !== 'string'))) throw new DatasetError('bad_request', 'episodeIds must be a list of episode ids');
    if (s.episodeIds) {
      if (s.episodeIds.length === 0) throw new DatasetError('empty_selection', 'episodeIds is empty');
      const known = await this.o.store.episodeStates(s.episodeIds);
      const bad = s.episodeIds.filter((id) => known.get(id) !== 'accepted').map((id) => `${id} (${known.get(id) ?? 'unknown'})`);
      if (bad.length) throw new DatasetError('bad_request', `only accepted episodes enter a dataset; not accepted: ${bad.join(', ')}`);
    }
    const rows = await this.o.store.selectableEpisodes(s);
    const underTerms = await this.underTerms(rows.map((r) => r.id));
    const candidates = rows.map((r) => underTerms.get(r.id)!);
    const breaches = candidates.map((e) => breachOf(offer, e)).filter((b) => b !== null);
    if (s.episodeIds && breaches.length) {
      throw new DatasetError('breaks_terms', `this version would break its episodes' owners' terms: ${describeBreaches(breaches)}`);
    }
    const refused = new Set(breaches.map((b) => b.episodeId));
    const kept = candidates.filter((e) => !refused.has(e.id));
    if (kept.length === 0) {
      const why = breaches.length ? `: ${describeBreaches(breaches.slice(0, 5))}${breaches.length > 5 ? ` and ${breaches.length - 5} more` : ''}` : '';
      throw new DatasetError('empty_selection', `no accepted episode matches the selection that its owners' terms let this version hold${why}`);
    }
    const floors = floorBreaches(offer, kept);
    if (floors.length) throw new DatasetError('breaks_terms', `the price is below the owners' floor: ${describeBreaches(floors)}`);
    return kept.map((e) => e.id);
  }

  /** Each episode's owner's terms, length, and the priced versions already holding it. */
  private async underTerms(ids: string[]): Promise<Map<string, EpisodeUnderTerms>> {
    const versions = (await this.o.rights.versionTerms()).filter((v) => BigInt(v.price) > 0n);
    const out = new Map<string, EpisodeUnderTerms>();
    for (const r of await this.o.rights.episodes(ids)) {
      const soldIn = versions.filter((v) => v.episodeIds.includes(r.id)).map((v) => `${v.name}-v${v.version}`);
      out.set(r.id, { id: r.id, robotId: r.robotId, terms: r.terms, durationMs: r.durationMs, soldIn });
    }
    return out;
  }

  /** Builds run one at a time (they are ffmpeg- and disk-bound). */
  private enqueue(datasetId: string, version: number): void {
    const key = `${datasetId}/${version}`;
    if (!this.builds || this.queued.has(key)) return;
    this.queued.add(key);
    this.queue = this.queue
      .then(() => this.buildVersion(datasetId, version))
      .catch(() => undefined)
      .finally(() => this.queued.delete(key));
  }

  /**
   * Starts or stops building here. Stopping (the role lost, or the hub closing) aborts the build under way and
   * skips those queued: each stays `building`, nothing of it is marked ready, and the hub that holds the role
   * next builds it again from scratch.
   */
  setBuilding(builds: boolean): void {
    this.builds = builds;
    if (!builds) this.running?.abort(new BuildStopped('this hub no longer holds the dataset-builds role'));
  }

  /** Versions still `building` and not queued here (left by a stopped hub, or requested on another) are built (from scratch). */
  async resumeBuilds(): Promise<void> {
    if (!this.builds) return;
    for (const v of await this.o.store.buildingVersions()) this.enqueue(v.datasetId, v.version);
  }

  /** Resolves once every build queued so far has finished. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** The version's episodes, in its order; each must still be accepted and carry its manifest. */
  private async episodesOf(version: DatasetVersion): Promise<AcceptedEpisode[]> {
    const found = new Map((await this.o.store.acceptedEpisodesForDataset(version.episode_ids)).map((e) => [e.id, e]));
    return version.episode_ids.map((id) => {
      const e = found.get(id);
      if (!e) throw new DatasetError('incompatible_episodes', `episode ${id} is not an accepted episode with a manifest`);
      return e;
    });
  }

  /**
   * A version is `ready` only once the builder has stored all of its files. Whatever a failed build (or a
   * stopped hub) left under the version's prefix is removed, so a failed version has no files.
   */
  private async buildVersion(datasetId: string, version: number): Promise<void> {
    const dataset = (await this.o.store.dataset(datasetId))!;
    const row = (await this.o.store.version(datasetId, version))!;
    // Built (or failed) meanwhile, by the hub that held the builds before this one: never built twice.
    if (row.state !== 'building') return;
    // Queued before this hub lost the role: left to the hub that holds it now.
    if (!this.builds) return;
    const prefix = versionPrefix(datasetId, version);
    const started = Date.now();
    const controller = new AbortController();
    this.running = controller;
    const signal = controller.signal;
    try {
      // From scratch: whatever a hub that lost the role (or stopped) stored under the prefix goes first.
      await this.o.blobs.deletePrefix(prefix);
      const built = await this.o.build({ dataset, version: row, episodes: await this.episodesOf(row), signal });
      // The last check before anything is published: this hub must still hold the role now.
      if (!signal.aborted && this.o.stillBuilds && !(await this.o.stillBuilds())) controller.abort(new BuildStopped('this hub no longer holds the dataset-builds role (found at the last check before marking the version ready)'));
      signal.throwIfAborted();
      const marked = await this.o.store.setReady(datasetId, version, { merkle_root: built.manifest.merkle.root, manifest_hash: built.manifestHash, summary: built.summary, size_bytes: built.sizeBytes, built_at: now() });
      if (!marked) {
        // Another hub marked it first (the role moved under this build): its files are that hub's; leave them.
        this.o.logger.warn({ datasetId, version }, 'dataset version built here was already finished by another hub; not marked ready here');
        return;
      }
      this.o.logger.info({ datasetId, version, ms: Date.now() - started, root: built.manifest.merkle.root, episodes: built.summary.totalEpisodes, frames: built.summary.totalFrames }, 'dataset version built');
      this.emit('built', datasetId, version, 'ready');
    } catch (err) {
      if (signal.aborted) {
        // Not failed: the version stays `building` for the role's new holder, which clears the prefix and builds it
        // again. Nothing is removed here: the new holder may already be writing under the prefix.
        const why = (signal.reason as Error)?.message ?? String(signal.reason);
        this.o.logger.warn({ datasetId, version, ms: Date.now() - started }, `dataset build stopped half-way: ${why}; the version stays building for the hub that holds the role`);
        this.emit('stopped', datasetId, version, why);
        return;
      }
      const reason = (err as Error).message;
      if (err instanceof DatasetBuildError && err.quarantine) {
        await this.o.quarantine(err.quarantine.episodeId, err.quarantine.reason);
        this.o.logger.error({ datasetId, version, episodeId: err.quarantine.episodeId }, `episode quarantined: ${err.quarantine.reason}`);
      }
      await this.o.blobs.deletePrefix(prefix).catch((cleanup: Error) => this.o.logger.error({ datasetId, version, prefix, err: cleanup }, `could not remove the files of a failed dataset version: ${cleanup.message}`));
      await this.o.store.setFailed(datasetId, version, reason);
      this.o.logger.error({ datasetId, version, err }, `dataset version failed to build: ${reason}`);
      this.emit('built', datasetId, version, 'failed');
    } finally {
      if (this.running === controller) this.running = null;
    }
  }

  async dataset(id: string): Promise<Dataset | undefined> {
    return this.o.store.dataset(id);
  }

  /** A dataset by id or by name. */
  async find(idOrName: string): Promise<Dataset | undefined> {
    return this.o.store.find(idOrName);
  }

  async versionRow(datasetId: string, version: number): Promise<DatasetVersion | undefined> {
    return this.o.store.version(datasetId, version);
  }

  async view(idOrName: string): Promise<DatasetView | null> {
    const d = await this.o.store.find(idOrName);
    if (!d) return null;
    return toView(d, await this.o.store.versions(d.id));
  }

  async list(): Promise<DatasetView[]> {
    const datasets = await this.o.store.datasets();
    const versions = await this.o.store.versions();
    return datasets.map((d) => toView(d, versions.filter((v) => v.dataset_id === d.id)));
  }

  /** A ready version (the latest ready one when `version` is undefined). */
  async readyVersion(idOrName: string, version?: number): Promise<{ dataset: Dataset; version: DatasetVersion }> {
    const dataset = await this.o.store.find(idOrName);
    if (!dataset) throw new DatasetError('unknown_dataset', `no dataset ${idOrName}`);
    const row = version === undefined ? await this.o.store.latestReadyVersion(dataset.id) : await this.o.store.version(dataset.id, version);
    if (!row) throw new DatasetError('unknown_version', version === undefined ? `dataset ${dataset.name} has no built version yet` : `dataset ${dataset.name} has no version ${version}`);
    if (row.state !== 'ready') throw new DatasetError('not_ready', `version ${row.version} of ${dataset.name} is ${row.state}${row.reason ? `: ${row.reason}` : ''}`);
    return { dataset, version: row };
  }
}

function toView(d: Dataset, versions: DatasetVersion[]): DatasetView {
  return {
    id: d.id,
    name: d.name,
    title: d.title,
    description: d.description,
    license: d.license,
    price: d.price,
    units: d.units,
    createdBy: d.created_by,
    createdAt: d.created_at,
    versions: versions.map((v) => ({
      datasetId: v.dataset_id,
      version: v.version,
      parentVersion: v.parent_version,
      selection: v.selection,
      episodeIds: v.episode_ids,
      state: v.state,
      reason: v.reason,
      merkleRoot: v.merkle_root,
      manifestHash: v.manifest_hash,
      summary: v.summary,
      sizeBytes: v.size_bytes,
      createdBy: v.created_by,
      createdAt: v.created_at,
      builtAt: v.built_at,
      tokenId: v.token_id,
      publishTx: v.publish_tx,
    })),
  };
}

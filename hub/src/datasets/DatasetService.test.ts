// A version's lifecycle on a real store (SQLite, then PostgreSQL) and a file blob store: it is
// ready only once the builder has stored its files, and a failed build (or
// what a stopped hub left) leaves nothing under the version's prefix, nor in
// the builder's scratch directory.
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatasetManifest } from '@teleop/proto';
import { createLogger } from '../log.ts';
import { FileBlobStore } from '../store/BlobStore.ts';
import { openStoresWithRows } from '../store/stores.ts';
import type { DatasetStore } from '../store/DatasetStore.ts';
import { DEFAULT_LIMITS, type BuildInput, type BuiltVersion } from './build/buildContext.ts';
import { buildDatasetVersion } from './build/buildVersion.ts';
import type { VersionSummary } from './datasetRecords.ts';
import { BuildStopped, DatasetService, type VersionBuilder } from './DatasetService.ts';
import { versionFileKey, versionPrefix } from './versionKeys.ts';
import { TEST_ENGINES, testDatabases } from '../store/testing/engines.ts';

const BY = '0x000000000000000000000000000000000000a11c';
const AT = '2025-01-01T00:00:00.000Z';

describe.each(TEST_ENGINES)('DatasetService builds on %s', (engine) => {
  const databases = testDatabases(engine);
  let dir: string;
  let rows: Awaited<ReturnType<typeof openStoresWithRows>>;
  let blobs: FileBlobStore;
  let store: DatasetStore;
  let quarantined: { episodeId: string; reason: string }[];

  const service = (build: VersionBuilder): DatasetService => new DatasetService({ store, rights: rows.stores.rights, blobs, logger: createLogger('silent'), build, quarantine: async (episodeId, reason) => void quarantined.push({ episodeId, reason }) });
  const text = (s: string): Readable => Readable.from([Buffer.from(s)]);

  beforeEach(async () => {
    const target = await databases.fresh();
    dir = target.dataDir;
    rows = await openStoresWithRows(target);
    quarantined = [];
    blobs = new FileBlobStore(join(dir, 'blobs'));
    store = rows.stores.datasets;
    await rows.insertRows('robots', [{ id: 'r-1', name: 'arm', model: 'so101_follower', owner: null, secret_hash: 'x', created_at: AT, revoked_at: null, secret_rotated_at: null, signing_address: null, data_policy: 'open', allowed_buyers: null }]);
    // Accepted, with a signed manifest, but its recording never reached the blob store.
    const manifest = { version: 1, episodeId: 'e-1', robotId: 'r-1', operator: BY, task: 'pick the cube', outcome: 'success', startNs: '0', endNs: '1', fps: 30, jointNames: ['gripper'], channels: {}, cameras: [], files: [], agentVersion: 'test' };
    await rows.insertRows('episodes', [{ id: 'e-1', robot_id: 'r-1', operator: BY, task: 'pick the cube', state: 'accepted', outcome: 'success', lease_id: 'l-1', started_at: AT, ended_at: AT, manifest: JSON.stringify({ manifest, signer: '0xsigner', signature: '0x00' }), quality: null, checks: null, score: 0.9, reason: null, reviews_wanted: 0, updated_at: AT }]);
  });
  afterEach(async () => {
    await rows.stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the builder the selected episodes and marks the version ready once its files are stored', async () => {
    let given: BuildInput | undefined;
    let stateWhileBuilding: string | undefined;
    const svc = service(async (input) => {
      given = input;
      stateWhileBuilding = (await store.version(input.dataset.id, input.version.version))?.state;
      await blobs.write(versionFileKey(input.dataset.id, input.version.version, 'manifest.json'), text('{}'));
      const manifest: DatasetManifest = {
        format: 'teleop-hub/dataset-manifest',
        version: 1,
        dataset: { id: input.dataset.id, name: input.dataset.name, version: input.version.version, parentVersion: null, license: input.dataset.license, createdAt: input.version.created_at },
        episodes: ['e-1'],
        files: [],
        merkle: { root: '0xroot', leaf: ['string', 'uint256', 'bytes32'], tree: 'openzeppelin-standard' },
      };
      return { manifest, manifestHash: '0xhash', summary: { totalEpisodes: 1, totalFrames: 3 } as VersionSummary, sizeBytes: 2 } satisfies BuiltVersion;
    });
    const { datasetId, version } = await svc.create({ name: 'picks' }, { task: 'pick the cube' }, BY);
    await svc.idle();
    expect(stateWhileBuilding).toBe('building');
    expect(given?.episodes.map((e) => [e.id, e.robotModel, e.signed.signer])).toEqual([['e-1', 'so101_follower', '0xsigner']]);
    expect(given?.version.episode_ids).toEqual(['e-1']);
    expect(await svc.readyVersion('picks')).toMatchObject({ version: { version, state: 'ready', merkle_root: '0xroot', size_bytes: 2 } });
    expect(await blobs.list(versionPrefix(datasetId, version))).toEqual([versionFileKey(datasetId, version, 'manifest.json')]);
  });

  it('removes what a failed build stored, and what a stopped hub left, under the version prefix', async () => {
    const leftoversSeen: boolean[] = [];
    const svc = service(async (input) => {
      const key = (path: string): string => versionFileKey(input.dataset.id, input.version.version, path);
      leftoversSeen.push((await blobs.head(key('lerobot/stale.json'))) !== null);
      await blobs.write(key('raw/e-1/episode.mcap'), text('copied'));
      await blobs.write(key('lerobot/meta/info.json'), text('{}'));
      throw new Error('ffmpeg exited with code 1');
    });
    const { datasetId, version } = await svc.create({ name: 'picks' }, {}, BY);
    await svc.idle();
    expect(await store.version(datasetId, version)).toMatchObject({ state: 'failed', reason: 'ffmpeg exited with code 1' });
    expect(await blobs.list(versionPrefix(datasetId, version))).toEqual([]);

    // Built again after a restart (the row back to building, a partial publish left behind): the leftovers are
    // gone before the builder runs, and nothing is left after it fails.
    await rows.updateAllRows('dataset_versions', { state: 'building', reason: null });
    await blobs.write(versionFileKey(datasetId, version, 'lerobot/stale.json'), text('{}'));
    await svc.resumeBuilds();
    await svc.idle();
    expect(leftoversSeen).toEqual([false, false]);
    expect((await store.version(datasetId, version))?.state).toBe('failed');
    expect(await blobs.list(versionPrefix(datasetId, version))).toEqual([]);
  });

  it('fails a real build whose recording is missing, leaving no blobs and no scratch files', async () => {
    const scratchDir = join(dir, 'dataset-builds');
    const svc = service((input) => buildDatasetVersion({ blobs, limits: DEFAULT_LIMITS, hubUrl: 'http://hub.test', chainId: 31337, scratchDir }, input));
    const { datasetId, version } = await svc.create({ name: 'picks' }, { episodeIds: ['e-1'] }, BY);
    await svc.idle();
    expect(await store.version(datasetId, version)).toMatchObject({ state: 'failed', reason: 'no blob episodes/e-1/episode.mcap' });
    expect(await blobs.list('datasets/')).toEqual([]);
    expect(readdirSync(scratchDir)).toEqual([]);
  });

  it('hashes every file it exports again: one that changed since verification fails the build and quarantines its episode', async () => {
    const verified = Buffer.from('the recording as verified');
    const manifest = { version: 1, episodeId: 'e-1', robotId: 'r-1', operator: BY, task: 'pick the cube', outcome: 'success', startNs: '0', endNs: '1', fps: 30, jointNames: ['gripper'], channels: {}, cameras: [], files: [{ name: 'episode.mcap', size: verified.length, sha256: createHash('sha256').update(verified).digest('hex') }], agentVersion: 'test' };
    await rows.updateAllRows('episodes', { manifest: JSON.stringify({ manifest, signer: '0xsigner', signature: '0x00' }) });
    // Behind the hub's back, the stored file is swapped.
    await blobs.write('episodes/e-1/episode.mcap', text('something else entirely'));
    const scratchDir = join(dir, 'dataset-builds');
    const svc = service((input) => buildDatasetVersion({ blobs, limits: DEFAULT_LIMITS, hubUrl: 'http://hub.test', chainId: 31337, scratchDir }, input));
    const { datasetId, version } = await svc.create({ name: 'picks' }, { episodeIds: ['e-1'] }, BY);
    await svc.idle();
    const reason = `file episode.mcap no longer matches what was verified (SHA-256 ${createHash('sha256').update('something else entirely').digest('hex')}, verified ${manifest.files[0]!.sha256})`;
    expect(await store.version(datasetId, version)).toMatchObject({ state: 'failed', reason: `episode e-1 is quarantined: ${reason}` });
    expect(quarantined).toEqual([{ episodeId: 'e-1', reason }]);
    expect(await blobs.list('datasets/')).toEqual([]);
    // Quarantined, it is no longer offered to datasets.
    await rows.stores.episodes.quarantine('e-1', reason);
    expect(await store.acceptedEpisodesForDataset(['e-1'])).toEqual([]);
    await expect(svc.create({ name: 'picks-again' }, {}, BY)).rejects.toMatchObject({ code: 'empty_selection' });
  });

  it('fails a version whose episode has no signed manifest to build from, without calling the builder', async () => {
    let built = false;
    const svc = service(async () => {
      built = true;
      throw new Error('not reached');
    });
    await rows.updateAllRows('episodes', { manifest: null });
    const { datasetId, version } = await svc.create({ name: 'picks' }, {}, BY);
    await svc.idle();
    expect(built).toBe(false);
    expect(await store.version(datasetId, version)).toMatchObject({ state: 'failed', reason: 'episode e-1 is not an accepted episode with a manifest' });
  });
  it('a build stopped by the role\'s loss stays building: nothing marked, nothing removed, queued ones skipped', async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const stoppedEvents: string[] = [];
    let calls = 0;
    const svc = service(async (input) => {
      calls++;
      await blobs.write(versionFileKey(input.dataset.id, input.version.version, 'lerobot/part'), text('half'));
      started();
      await new Promise((_, reject) => input.signal!.addEventListener('abort', () => reject(input.signal!.reason)));
      throw new Error('not reached');
    });
    svc.on('stopped', (d, v, why) => stoppedEvents.push(`${d}/${v}: ${why}`));
    const first = await svc.create({ name: 'picks' }, { episodeIds: ['e-1'] }, BY);
    const second = await svc.addVersion(first.datasetId, { episodeIds: ['e-1'] }, BY);
    await running;
    svc.setBuilding(false);
    await svc.idle();
    expect(calls).toBe(1);
    expect(stoppedEvents).toEqual([`${first.datasetId}/1: this hub no longer holds the dataset-builds role`]);
    expect((await store.version(first.datasetId, first.version))?.state).toBe('building');
    expect((await store.version(second.datasetId, second.version))?.state).toBe('building');
    // Left for the role's next holder, which clears the prefix before building.
    expect(await blobs.list(versionPrefix(first.datasetId, 1))).toEqual([versionFileKey(first.datasetId, 1, 'lerobot/part')]);
  });

  it('the real builder given an aborted signal stops before storing anything and clears its scratch directory', async () => {
    const scratchDir = join(dir, 'dataset-builds');
    const idle = service(async () => {
      throw new Error('not built by the service here');
    });
    idle.setBuilding(false);
    const dataset = (await store.dataset((await idle.create({ name: 'picks' }, { episodeIds: ['e-1'] }, BY)).datasetId))!;
    const version = (await store.version(dataset.id, 1))!;
    const controller = new AbortController();
    controller.abort(new BuildStopped('lost the role'));
    await expect(buildDatasetVersion({ blobs, limits: DEFAULT_LIMITS, hubUrl: 'http://hub.test', chainId: 31337, scratchDir }, { dataset, version, episodes: await store.acceptedEpisodesForDataset(['e-1']), signal: controller.signal })).rejects.toThrow(BuildStopped);
    expect(await blobs.list('datasets/')).toEqual([]);
    expect(readdirSync(scratchDir)).toEqual([]);
  });
});

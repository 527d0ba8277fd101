// DatasetStore on each real engine (SQLite, PostgreSQL): its JSON columns come back as the
// objects that went in (and are plain JSON text in the table, as the reward
// queries still read them), version numbers follow each other per dataset,
// and a version moves through building, ready or failed, and published.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dataset, VersionSummary } from '../datasets/datasetRecords.ts';
import { openDatabase, type HubDb } from './database.ts';
import { DatasetStore } from './DatasetStore.ts';
import { TEST_ENGINES, testDatabases } from './testing/engines.ts';

const BY = '0x000000000000000000000000000000000000a11c';
const AT = '2025-01-01T00:00:00.000Z';

const dataset = (id: string, name: string, o: Partial<Dataset> = {}): Dataset => ({
  id,
  name,
  title: name,
  description: '',
  license: 'CC-BY-4.0',
  price: '0',
  created_by: BY,
  created_at: AT,
  allowed_buyers: null,
  units: 'radians',
  ...o,
});

const SUMMARY = { codebaseVersion: 'v3.0', robotType: 'so101_follower', fps: 30, totalEpisodes: 1, totalFrames: 90 } as VersionSummary;

describe.each(TEST_ENGINES)('DatasetStore on %s', (engine) => {
  const databases = testDatabases(engine);
  let removeDir: () => void;
  let db: HubDb;
  let store: DatasetStore;

  beforeEach(async () => {
    const target = await databases.fresh();
    removeDir = target.removeDir;
    db = await openDatabase(target);
    store = new DatasetStore(db);
  });
  afterEach(async () => {
    await db.destroy();
    removeDir();
  });

  it('keeps a dataset and its versions with their JSON parsed, numbered per dataset', async () => {
    const buyers = ['0x00000000000000000000000000000000000000b1'];
    const first = { parent_version: null, selection: { task: 'pick the cube', minScore: 0.5 }, episode_ids: ['e-1', 'e-2'], created_by: BY, created_at: AT, price: '0', license: 'CC-BY-4.0', allowed_buyers: null };
    expect(await store.createDataset(dataset('d-1', 'picks', { allowed_buyers: buyers, units: 'degrees' }), first)).toBe(1);
    expect(await store.createDataset(dataset('d-2', 'pushes'), first)).toBe(1);
    expect(await store.addVersion({ ...first, dataset_id: 'd-1', parent_version: 1, episode_ids: ['e-2'], price: '7', allowed_buyers: buyers })).toBe(2);

    expect(await store.dataset('d-1')).toEqual(dataset('d-1', 'picks', { allowed_buyers: buyers, units: 'degrees' }));
    expect((await store.find('picks'))?.id).toBe('d-1');
    expect((await store.find('d-2'))?.name).toBe('pushes');
    expect(await store.datasetByName('d-1')).toBeUndefined();
    expect(await store.latestVersionNumber('d-1')).toBe(2);
    expect(await store.latestVersionNumber('d-none')).toBeNull();

    const v2 = await store.version('d-1', 2);
    expect(v2).toMatchObject({ parent_version: 1, selection: { task: 'pick the cube', minScore: 0.5 }, episode_ids: ['e-2'], state: 'building', summary: null, token_id: null });
    // A version keeps its own terms, as they were when it was made.
    expect(v2).toMatchObject({ price: '7', license: 'CC-BY-4.0', allowed_buyers: buyers });
    expect(await store.version('d-1', 1)).toMatchObject({ price: '0', allowed_buyers: null });
    expect((await store.versions('d-1')).map((v) => v.version)).toEqual([1, 2]);
    expect((await store.versions()).length).toBe(3);
    // The text in the table is the JSON other readers (rewards) parse.
    const raw = await db.selectFrom('dataset_versions').select(['selection', 'episode_ids']).where('dataset_id', '=', 'd-1').where('version', '=', 2).executeTakeFirstOrThrow();
    expect(JSON.parse(raw.selection)).toEqual({ task: 'pick the cube', minScore: 0.5 });
    expect(JSON.parse(raw.episode_ids)).toEqual(['e-2']);
  });

  it('moves versions through ready, failed and published', async () => {
    const v = { parent_version: null, selection: {}, episode_ids: ['e-1'], created_by: BY, created_at: AT, price: '0', license: 'CC-BY-4.0', allowed_buyers: null };
    await store.createDataset(dataset('d-1', 'picks'), v);
    await store.addVersion({ ...v, dataset_id: 'd-1', parent_version: 1 });
    await store.addVersion({ ...v, dataset_id: 'd-1', parent_version: 2 });
    expect(await store.buildingVersions()).toEqual([1, 2, 3].map((n) => ({ datasetId: 'd-1', version: n })));

    await store.setReady('d-1', 1, { merkle_root: '0xroot', manifest_hash: '0xhash', summary: SUMMARY, size_bytes: 1234, built_at: AT });
    await store.setFailed('d-1', 2, 'episode e-1 is not an accepted episode with a manifest');
    expect(await store.version('d-1', 1)).toMatchObject({ state: 'ready', merkle_root: '0xroot', manifest_hash: '0xhash', summary: SUMMARY, size_bytes: 1234, built_at: AT });
    expect(await store.version('d-1', 2)).toMatchObject({ state: 'failed', reason: 'episode e-1 is not an accepted episode with a manifest' });
    expect((await store.latestReadyVersion('d-1'))?.version).toBe(1);
    expect(await store.buildingVersions()).toEqual([{ datasetId: 'd-1', version: 3 }]);

    expect(await store.unpublishedVersions()).toEqual([{ datasetId: 'd-1', version: 1 }]);
    await store.setPublished('d-1', 1, 7, '0xtx');
    expect(await store.unpublishedVersions()).toEqual([]);
    expect(await store.versionByToken(7)).toMatchObject({ dataset_id: 'd-1', version: 1, token_id: 7, publish_tx: '0xtx' });
    expect(await store.versionByToken(8)).toBeUndefined();
  });

  it('finds the accepted episodes a selection matches, with their robots, and those a build may use', async () => {
    await db
      .insertInto('robots')
      .values([
        { id: 'r-open', name: 'a', model: 'so101_follower', owner: null, secret_hash: 'x', created_at: AT, revoked_at: null, secret_rotated_at: null, signing_address: null, data_policy: 'open', allowed_buyers: null },
        { id: 'r-listed', name: 'b', model: 'koch', owner: null, secret_hash: 'x', created_at: AT, revoked_at: null, secret_rotated_at: null, signing_address: null, data_policy: 'restricted', allowed_buyers: JSON.stringify([BY]) },
      ])
      .execute();
    const episode = (id: string, robot: string, state: string, startedAt: string, manifest: string | null = null) => ({
      id,
      robot_id: robot,
      operator: BY,
      task: 'pick the cube',
      state,
      outcome: 'success',
      lease_id: 'l-1',
      started_at: startedAt,
      ended_at: null,
      manifest,
      quality: JSON.stringify({ commandToApplyMs: null }),
      checks: null,
      score: 0.9,
      reason: null,
      reviews_wanted: 0,
      updated_at: startedAt,
    });
    const signed = JSON.stringify({ manifest: { episodeId: 'e-2' }, signer: '0xsigner', signature: '0x00' });
    await db
      .insertInto('episodes')
      .values([
        episode('e-2', 'r-open', 'accepted', '2025-01-02T00:00:00.000Z', signed),
        episode('e-1', 'r-listed', 'accepted', '2025-01-01T00:00:00.000Z'),
        episode('e-3', 'r-open', 'in_review', '2025-01-03T00:00:00.000Z', signed),
      ])
      .execute();

    expect(await store.selectableEpisodes({})).toEqual([
      { id: 'e-1', robotId: 'r-listed', dataPolicy: 'restricted', robotAllowedBuyers: [BY] },
      { id: 'e-2', robotId: 'r-open', dataPolicy: 'open', robotAllowedBuyers: [] },
    ]);
    expect((await store.selectableEpisodes({ robotModel: 'koch' })).map((e) => e.id)).toEqual(['e-1']);
    expect((await store.selectableEpisodes({ episodeIds: ['e-2', 'e-3'] })).map((e) => e.id)).toEqual(['e-2']);
    expect(await store.episodeStates(['e-1', 'e-3', 'e-9'])).toEqual(new Map([['e-1', 'accepted'], ['e-3', 'in_review']]));

    // Only accepted episodes with a signed manifest can be built from.
    expect(await store.acceptedEpisodesForDataset(['e-1', 'e-2', 'e-3'])).toEqual([
      { id: 'e-2', task: 'pick the cube', robotId: 'r-open', robotModel: 'so101_follower', operator: BY, outcome: 'success', score: 0.9, startedAt: '2025-01-02T00:00:00.000Z', quality: { commandToApplyMs: null }, signed: JSON.parse(signed) },
    ]);
    expect(await store.acceptedEpisodesForDataset([])).toEqual([]);
  });
});

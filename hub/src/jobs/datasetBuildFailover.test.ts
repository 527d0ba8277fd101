// A dataset build under a lost role (issue 20, point 4): two whole hubs on one
// real PostgreSQL database and one S3 server. The hub holding dataset-builds is
// held mid-way through a version (between its episodes) and its lock session is
// ended (pg_terminate_backend): its build stops (logged, the `stopped` event,
// nothing marked ready by it), the version stays `building`, and the hub that
// holds the role next builds it once, from scratch: what the stopped build
// left under the version's prefix is gone and every stored file matches the
// published Merkle root.
//
// The builder is a stand-in (DatasetService.testOnlyReplaceBuilder) that writes
// one file per episode into the shared blob store and checks the build's
// AbortSignal between episodes, as the real one does (build/*.ts): a real build
// needs recorded episodes from an agent. Everything around it is the hub's own:
// the roles, the lock loss, the abort, the last role check and the publish.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetMerkleRoot, type DatasetFile, type DatasetManifest } from '@teleop/proto';
import { Hub } from '../Hub.ts';
import { createLogger } from '../log.ts';
import type { VersionBuilder } from '../datasets/DatasetService.ts';
import { versionFileKey, versionPrefix } from '../datasets/versionKeys.ts';
import type { BlobStore } from '../store/BlobStore.ts';
import { openBlobStore } from '../store/openBlobStore.ts';
import { startS3Server, type RunningS3Server } from '../store/s3TestServer.ts';
import { openStoresWithRows, type HubStores } from '../store/stores.ts';
import { TEST_ENGINES } from '../store/testing/engines.ts';
import { startPostgres, type PostgresServer } from '../store/testing/postgresServer.ts';
import { testHubConfig } from '../testing.ts';

const OPERATOR = '0x00000000000000000000000000000000000000a1';
const OWNER = '0x00000000000000000000000000000000000000b2';
const AT = '2026-11-01T00:00:00.000Z';
const HANG_MS = 30_000;
const EPISODES = ['e-1', 'e-2', 'e-3', 'e-4'];

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = HANG_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
async function readAll(blobs: BlobStore, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of blobs.read(key)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe.skipIf(!TEST_ENGINES.includes('postgres'))('a dataset build whose hub loses the dataset-builds role', () => {
  let server: PostgresServer;
  let s3: RunningS3Server;
  let url: string;
  let seed: Awaited<ReturnType<typeof openStoresWithRows>>;
  let stores: HubStores;
  let blobs: BlobStore;
  const hubs: Hub[] = [];
  const cleanups: (() => void | Promise<void>)[] = [];
  const events: { hub: number; key: string; what: string }[] = [];
  /** Builder calls, by hub, and how each ended. */
  const calls: { hub: number; key: string; end?: string }[] = [];
  /** Set while the first build is held mid-way: resolves once it is. */
  let midway!: () => void;
  const heldMidway = new Promise<void>((r) => (midway = r));
  let holdNext = true;

  /** Writes one file per episode, plus one naming the hub (a stopped build's leftover must not survive); the first build stops after two episodes until aborted. */
  const builder =
    (hub: number): VersionBuilder =>
    async (input) => {
      const key = `${input.dataset.id}/${input.version.version}`;
      const call: (typeof calls)[number] = { hub, key };
      calls.push(call);
      const put = async (path: string, body: string): Promise<DatasetFile> => {
        await blobs.write(versionFileKey(input.dataset.id, input.version.version, path), Readable.from([Buffer.from(body)]));
        return { path, size: Buffer.byteLength(body), sha256: sha256(Buffer.from(body)) };
      };
      try {
        await put(`partial/by-hub-${hub}`, `left by hub ${hub}`);
        const files: DatasetFile[] = [];
        for (const [i, id] of input.episodes.map((e) => e.id).entries()) {
          if (i === 2 && holdNext) {
            holdNext = false;
            midway();
            // Held between episodes until the hub aborts it (the hang backstop fails the test otherwise).
            await until('the build aborted', () => input.signal?.aborted);
          }
          input.signal?.throwIfAborted();
          files.push(await put(`episodes/${id}.txt`, `episode ${id} of ${key}`));
        }
        input.signal?.throwIfAborted();
        await blobs.delete(versionFileKey(input.dataset.id, input.version.version, `partial/by-hub-${hub}`));
        files.sort((a, b) => a.path.localeCompare(b.path));
        const manifest = { files, merkle: { root: datasetMerkleRoot(files) } } as unknown as DatasetManifest;
        const body = JSON.stringify(manifest);
        await put('manifest.json', body);
        call.end = 'built';
        return {
          manifest,
          manifestHash: `0x${sha256(Buffer.from(body))}`,
          summary: { totalEpisodes: files.length, totalFrames: 0 } as never,
          sizeBytes: files.reduce((n, f) => n + f.size, 0),
        };
      } catch (err) {
        call.end = (err as Error).name;
        throw err;
      }
    };

  const startHub = async (i: number): Promise<Hub> => {
    const { config, cleanup } = testHubConfig(['--database-url', url, ...s3.hubArgs('cluster')]);
    cleanups.push(cleanup);
    const hub = await Hub.start(config, createLogger('silent'));
    hub.datasets.testOnlyReplaceBuilder(builder(i));
    hub.datasets.on('built', (d, v, state) => events.push({ hub: i, key: `${d}/${v}`, what: state }));
    hub.datasets.on('stopped', (d, v) => events.push({ hub: i, key: `${d}/${v}`, what: 'stopped' }));
    hubs[i] = hub;
    return hub;
  };

  beforeAll(async () => {
    server = await startPostgres();
    s3 = await startS3Server();
    url = await server.createDatabase();
    const { config, cleanup } = testHubConfig(['--database-url', url, ...s3.hubArgs('cluster')]);
    cleanups.push(cleanup);
    seed = await openStoresWithRows({ dataDir: config.dataDir, databaseUrl: url });
    stores = seed.stores;
    const opened = await openBlobStore(config.dataDir, config.blobs);
    blobs = opened.blobs;
    cleanups.push(() => opened.close());
    await seed.insertRows('robots', [{ id: 'r-1', name: 'r-1', model: 'so101', owner: OWNER, secret_hash: 'x', created_at: AT, revoked_at: null, secret_rotated_at: null, signing_address: null, data_policy: 'open', allowed_buyers: null }]);
    for (const id of EPISODES) {
      await seed.insertRows('episodes', [
        {
          id, robot_id: 'r-1', operator: OPERATOR, task: 'pick', state: 'accepted', outcome: 'success', lease_id: 'l', started_at: AT, ended_at: '2026-11-01T00:01:00Z',
          manifest: JSON.stringify({ manifest: { episodeId: id, robotId: 'r-1', operator: OPERATOR, startNs: '1000000000', endNs: '11000000000' } }),
          verified_ms: 10_000, quality: null, checks: null, score: 1, reason: null, reviews_wanted: 0, updated_at: '2026-11-01T00:02:00Z',
        },
      ]);
    }
    await Promise.all([startHub(0), startHub(1)]);
  }, 120_000);

  afterAll(async () => {
    for (const hub of hubs) await hub?.close().catch(() => undefined);
    await stores?.close();
    for (const c of cleanups.reverse()) await c();
    await s3?.stop();
    await server?.stop();
  });

  it('stops the build under way, leaves the version building, and the role holder builds it once from scratch', async () => {
    const leader = await until('a hub holding dataset-builds', () => {
      const i = hubs.findIndex((h) => ((h.health().singletonRoles as string[] | undefined) ?? []).includes('dataset-builds'));
      return i >= 0 ? i + 1 : null;
    }).then((i) => i - 1);
    const v = { parent_version: null, selection: {}, episode_ids: EPISODES, created_by: OPERATOR, created_at: AT, price: '0', license: 'CC-BY-4.0', allowed_buyers: null };
    await stores.datasets.createDataset({ id: 'd-1', name: 'd-1', title: 'd-1', description: '', license: 'CC-BY-4.0', price: '0', created_by: OPERATOR, created_at: AT, allowed_buyers: null, units: 'radians' }, v);
    await heldMidway;
    expect(calls).toEqual([{ hub: leader, key: 'd-1/1' }]);
    expect(await blobs.list(versionPrefix('d-1', 1))).toContain(versionFileKey('d-1', 1, `partial/by-hub-${leader}`));

    // End the leader's lock session, as a lost connection would.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const held = await admin.query<{ pid: number }>(`SELECT DISTINCT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = 'teleop-hub singleton locks'`);
      expect(held.rows.length).toBeGreaterThan(0);
      for (const { pid } of held.rows) await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }

    await until('the leader\'s build stopped', () => events.some((e) => e.hub === leader && e.what === 'stopped'));
    await until('the version built again', () => events.some((e) => e.what === 'ready'));
    // Two more role checks: nobody builds it again.
    await new Promise((r) => setTimeout(r, 2500));

    const row = await stores.datasets.version('d-1', 1);
    expect(row?.state).toBe('ready');
    // The first build stopped (aborted by the role's loss), nothing marked ready by it; exactly one build finished.
    expect(calls[0]).toEqual({ hub: leader, key: 'd-1/1', end: 'BuildStopped' });
    const finished = calls.filter((c) => c.end === 'built');
    expect(finished).toHaveLength(1);
    const rebuilder = finished[0]!.hub;
    expect(events.filter((e) => e.key === 'd-1/1')).toEqual([
      { hub: leader, key: 'd-1/1', what: 'stopped' },
      { hub: rebuilder, key: 'd-1/1', what: 'ready' },
    ]);
    // The role holder now is the one that built it.
    expect((hubs[rebuilder]!.health().singletonRoles as string[]).includes('dataset-builds')).toBe(true);

    // Published files: exactly the manifest's, each matching it, and the manifest's root is the one recorded.
    const manifest = JSON.parse((await readAll(blobs, versionFileKey('d-1', 1, 'manifest.json'))).toString()) as DatasetManifest;
    expect(row?.merkle_root).toBe(manifest.merkle.root);
    expect(datasetMerkleRoot(manifest.files)).toBe(manifest.merkle.root);
    expect(manifest.files.map((f) => f.path)).toEqual(EPISODES.map((id) => `episodes/${id}.txt`));
    for (const f of manifest.files) {
      const body = await readAll(blobs, versionFileKey('d-1', 1, f.path));
      expect({ path: f.path, size: body.length, sha256: sha256(body) }).toEqual(f);
    }
    const stored = (await blobs.list(versionPrefix('d-1', 1))).sort();
    expect(stored).toEqual([...manifest.files.map((f) => versionFileKey('d-1', 1, f.path)), versionFileKey('d-1', 1, 'manifest.json')].sort());
  });
});

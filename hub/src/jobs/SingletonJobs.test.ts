// Singleton work across hubs (issue 20, point 4): two whole hubs on one real
// PostgreSQL database, both with their settlement timers running and both
// resuming dataset builds. An epoch is settled by one hub only (one epoch, one
// set of credits); a version waiting to be built is built once, by one hub; when
// the hub running the jobs loses its database session, or stops, the other takes
// every job within a bounded time and goes on with it.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hub } from '../Hub.ts';
import { createLogger } from '../log.ts';
import { openStoresWithRows, type HubStores } from '../store/stores.ts';
import { TEST_ENGINES } from '../store/testing/engines.ts';
import { startPostgres, type PostgresServer } from '../store/testing/postgresServer.ts';
import { testHubConfig } from '../testing.ts';
import { SINGLETON_ROLES } from './SingletonJobs.ts';

const OPERATOR = '0x00000000000000000000000000000000000000a1';
const OWNER = '0x00000000000000000000000000000000000000b2';
const AT = '2026-11-01T00:00:00.000Z';
/** A hub asks for the roles it lacks every second: a freed role moves within that, plus slack for a loaded machine. */
const MOVE_BOUND_MS = 8000;
const HANG_MS = 30_000;

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = HANG_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const rolesOf = (hub: Hub): string[] => (hub.health().singletonRoles as string[] | undefined) ?? [];

// SQLite is one hub per file: every job is that hub's (the embedded default's behaviour, tested everywhere else).
describe.skipIf(!TEST_ENGINES.includes('postgres'))('singleton jobs on two hubs sharing PostgreSQL', () => {
  let server: PostgresServer;
  let url: string;
  let seed: Awaited<ReturnType<typeof openStoresWithRows>>;
  let stores: HubStores;
  const hubs: Hub[] = [];
  const cleanups: (() => void)[] = [];
  /** Each hub's settle() calls and dataset builds, by hub index. */
  const settles = [0, 0, 0];
  const builds: { hub: number; key: string; state: string }[] = [];
  const episodeMoves: { hub: number; id: string; state: string }[] = [];

  const startHub = async (i: number): Promise<Hub> => {
    const { config, cleanup } = testHubConfig(['--database-url', url, '--epoch-interval-s', '1']);
    cleanups.push(cleanup);
    const hub = await Hub.start(config, createLogger('silent'));
    const settle = hub.rewards.settle.bind(hub.rewards);
    hub.rewards.settle = () => {
      settles[i]!++;
      return settle();
    };
    hub.datasets.on('built', (d, v, state) => builds.push({ hub: i, key: `${d}/${v}`, state }));
    hub.episodes.on('changed', (e) => episodeMoves.push({ hub: i, id: e.id, state: e.state }));
    hubs[i] = hub;
    return hub;
  };

  const acceptedEpisode = async (id: string): Promise<void> => {
    await seed.insertRows('episodes', [
      {
        id,
        robot_id: 'r-1',
        operator: OPERATOR,
        task: 'pick',
        state: 'accepted',
        outcome: 'success',
        lease_id: 'l',
        started_at: AT,
        ended_at: '2026-11-01T00:01:00Z',
        manifest: JSON.stringify({ manifest: { episodeId: id, robotId: 'r-1', operator: OPERATOR, startNs: '1000000000', endNs: '11000000000' } }),
        verified_ms: 10_000,
        quality: null,
        checks: null,
        score: 1,
        reason: null,
        reviews_wanted: 0,
        updated_at: '2026-11-01T00:02:00Z',
      },
    ]);
  };

  /** A version waiting `building`, as a request through any hub leaves it; its episode has no files, so its build fails (once). */
  const requestVersion = async (datasetId: string): Promise<string> => {
    const v = { parent_version: null, selection: {}, episode_ids: ['e-without-files'], created_by: OPERATOR, created_at: AT, price: '0', license: 'CC-BY-4.0', allowed_buyers: null };
    await stores.datasets.createDataset({ id: datasetId, name: datasetId, title: datasetId, description: '', license: 'CC-BY-4.0', price: '0', created_by: OPERATOR, created_at: AT, allowed_buyers: null, units: 'radians' }, v);
    return `${datasetId}/1`;
  };

  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase();
    const { config, cleanup } = testHubConfig(['--database-url', url]);
    cleanups.push(cleanup);
    seed = await openStoresWithRows({ dataDir: config.dataDir, databaseUrl: url });
    stores = seed.stores;
    await seed.insertRows('robots', [{ id: 'r-1', name: 'r-1', model: 'so101', owner: OWNER, secret_hash: 'x', created_at: AT, revoked_at: null, secret_rotated_at: null, signing_address: null, data_policy: 'open', allowed_buyers: null }]);
    await acceptedEpisode('e-1');
    // A version requested before either hub runs: both resume builds at start.
    await requestVersion('d-before');
    await Promise.all([startHub(0), startHub(1)]);
  }, 60_000);

  afterAll(async () => {
    for (const hub of hubs) await hub?.close().catch(() => undefined);
    await stores?.close();
    await server?.stop();
    for (const c of cleanups) c();
  });

  it('gives each role to exactly one hub', async () => {
    const [a, b] = [rolesOf(hubs[0]!), rolesOf(hubs[1]!)];
    expect([...a, ...b].sort()).toEqual([...SINGLETON_ROLES].sort());
    expect(a.filter((r) => b.includes(r))).toEqual([]);
  });

  it('settles an epoch once with both settlement timers running', async () => {
    const settler = hubs.findIndex((h) => rolesOf(h).includes('reward-settlement'));
    // Three ticks of the settler's one-second timer: the other's would have fired as often, were it running.
    await until('three settlements', () => settles[settler]! >= 3);
    expect(settles[1 - settler]).toBe(0);
    expect((await stores.rewards.epochs()).map((e) => e.epoch)).toEqual([1]);
    const credits = await stores.rewards.creditedAmounts();
    expect(credits.map((c) => c.account.toLowerCase()).sort()).toEqual([OPERATOR, OWNER]);
    expect(await stores.rewards.creditCount(1)).toBe(2);
  });

  it('builds a version requested once only once, on the hub holding the builds, also when requested while both run', async () => {
    const builder = hubs.findIndex((h) => rolesOf(h).includes('dataset-builds'));
    // The version waiting before both started was built as the builder started (before these listeners, or just after).
    await until('the version requested before start built', async () => (await stores.datasets.version('d-before', 1))?.state === 'failed');
    const later = await requestVersion('d-later');
    await until('the version requested while both run built', () => builds.some((b) => b.key === later));
    // Two more checks of both hubs: neither builds either version again.
    await new Promise((r) => setTimeout(r, 2500));
    expect(builds.filter((b) => b.key === later)).toEqual([{ hub: builder, key: later, state: 'failed' }]);
    // The builder may have finished the earlier one after these listeners came: once, and on the builder, if seen.
    const before = builds.filter((b) => b.key === 'd-before/1');
    expect(before.length).toBeLessThanOrEqual(1);
    expect(before.every((b) => b.hub === builder)).toBe(true);
    expect(builds).toHaveLength(1 + before.length);
    expect((await stores.datasets.version('d-later', 1))?.state).toBe('failed');
  });

  it('verifies once an episode a dead hub left verifying', async () => {
    const recoverer = hubs.findIndex((h) => rolesOf(h).includes('episode-recovery'));
    // What a hub that died mid-verification leaves: the row verifying, no hub's lock on it. Its manifest is not in the blob store, so it ends rejected.
    await seed.insertRows('episodes', [
      { id: 'e-orphan', robot_id: 'r-1', operator: OPERATOR, task: 'pick', state: 'verifying', outcome: 'success', lease_id: 'l', started_at: AT, ended_at: '2026-11-01T00:01:00Z', manifest: null, quality: null, checks: null, score: null, reason: null, reviews_wanted: 0, updated_at: AT },
    ]);
    await until('the orphan verified', async () => (await stores.episodes.get('e-orphan'))?.state === 'rejected');
    // Two more checks: nobody takes it up again.
    await new Promise((r) => setTimeout(r, 2500));
    expect(episodeMoves.filter((m) => m.id === 'e-orphan')).toEqual([
      { hub: recoverer, id: 'e-orphan', state: 'verifying' },
      { hub: recoverer, id: 'e-orphan', state: 'rejected' },
    ]);
  });

  it('moves every job to the other hub when the leader loses its database session, never to both', async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // The sessions holding advisory locks: the leader's lock connection (the other hub's holds none of its roles).
      const held = await admin.query<{ pid: number }>(`SELECT DISTINCT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = 'teleop-hub singleton locks'`);
      expect(held.rows.length).toBeGreaterThan(0);
      const started = Date.now();
      for (const { pid } of held.rows) await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      // Never two holders of one role: sample both hubs while the roles move.
      await until(
        'every role held again',
        () => {
          const [a, b] = [rolesOf(hubs[0]!), rolesOf(hubs[1]!)];
          expect(a.filter((r) => b.includes(r))).toEqual([]);
          return a.length + b.length === SINGLETON_ROLES.length;
        },
        MOVE_BOUND_MS,
      );
      expect(Date.now() - started).toBeLessThan(MOVE_BOUND_MS);
    } finally {
      await admin.end();
    }
    // Whichever hub holds it now goes on settling: a new accepted episode makes epoch 2, once.
    await acceptedEpisode('e-2');
    await until('epoch 2', async () => (await stores.rewards.epochs()).length === 2);
    expect((await stores.rewards.epochs()).map((e) => e.epoch).sort()).toEqual([1, 2]);
  });

  it('hands every job to the other hub within a bounded time when the hub holding them stops', async () => {
    const leader = hubs.findIndex((h) => rolesOf(h).includes('dataset-builds'));
    const other = 1 - leader;
    const started = Date.now();
    await hubs[leader]!.close();
    await until('the other hub holding every role', () => rolesOf(hubs[other]!).length === SINGLETON_ROLES.length, MOVE_BOUND_MS);
    expect(Date.now() - started).toBeLessThan(MOVE_BOUND_MS);
    // It builds what is requested now, once.
    const key = await requestVersion('d-after-stop');
    await until('the version built', () => builds.some((b) => b.key === key));
    expect(builds.filter((b) => b.key === key)).toEqual([{ hub: other, key, state: 'failed' }]);
  });

  it('reports its roles on /api/v1/health, and answers 503 once its database is unreachable', async () => {
    const hub = hubs.find((h) => rolesOf(h).length === SINGLETON_ROLES.length)!;
    const ok = await fetch(`${hub.url}/api/v1/health`);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { singletonRoles: string[] }).singletonRoles.sort()).toEqual([...SINGLETON_ROLES].sort());
    await server.stop();
    const down = await fetch(`${hub.url}/api/v1/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', reason: 'the shared database is unreachable' });
    // Its session gone, it holds no role any more.
    await until('the roles given up', () => rolesOf(hub).length === 0, MOVE_BOUND_MS);
  });
});


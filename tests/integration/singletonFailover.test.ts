// A hub killed outright (SIGKILL, no goodbye) while it runs the singleton jobs
// (issue 20, point 4): two `teleop-hub serve` processes on one real PostgreSQL
// database; the other hub holds every role within a bounded time (its
// /api/v1/health says so), and settles the next epoch, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStoresWithRows } from '../../hub/src/store/stores.ts';
import { startPostgres, type PostgresServer } from '../../hub/src/store/testing/postgresServer.ts';
import { eventually, startHub, tempDir, type RunningHub } from '../harness/processes.ts';

const ROLES = ['chain-follower', 'dataset-builds', 'episode-recovery', 'reward-settlement'];
/** A freed role is asked for every second by each hub: within that, plus slack for a loaded machine. */
const MOVE_BOUND_MS = 8000;
const OPERATOR = '0x00000000000000000000000000000000000000a1';
const AT = '2026-11-01T00:00:00.000Z';

const rolesOf = async (hub: RunningHub): Promise<string[]> => {
  const body = (await (await fetch(`${hub.url}/api/v1/health`)).json()) as { singletonRoles?: string[] };
  return [...(body.singletonRoles ?? [])].sort();
};

describe('a killed hub’s singleton jobs move to the other hub', () => {
  const dirs = [tempDir('singleton-a'), tempDir('singleton-b'), tempDir('singleton-seed')];
  let server: PostgresServer;
  let url: string;
  let seed: Awaited<ReturnType<typeof openStoresWithRows>>;
  const hubs: RunningHub[] = [];

  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase();
    seed = await openStoresWithRows({ dataDir: dirs[2]!.path, databaseUrl: url });
    // One after the other: the second opens the database the first has migrated.
    for (const d of dirs.slice(0, 2)) hubs.push(await startHub(d.path, ['--database-url', url, '--epoch-interval-s', '1']));
  });

  afterAll(async () => {
    for (const h of hubs) await h.process.stop();
    await seed?.stores.close();
    await server?.stop();
    for (const d of dirs) d.remove();
  });

  it('holds every role on the survivor within the bound, which settles the next epoch once', async () => {
    const [a, b] = await Promise.all(hubs.map(rolesOf));
    expect([...a!, ...b!].sort()).toEqual(ROLES);
    const leader = a!.length > 0 ? 0 : 1;
    expect(await rolesOf(hubs[leader]!)).toEqual(ROLES);
    const survivor = hubs[1 - leader]!;

    const killedAt = Date.now();
    await hubs[leader]!.process.stop('SIGKILL');
    await eventually(async () => (await rolesOf(survivor)).length === ROLES.length || undefined, MOVE_BOUND_MS, 'the survivor holding every role');
    expect(Date.now() - killedAt).toBeLessThan(MOVE_BOUND_MS);

    await seed.insertRows('robots', [{ id: 'r-1', name: 'r-1', model: 'so101', owner: OPERATOR, secret_hash: 'x', created_at: AT, revoked_at: null, secret_rotated_at: null, signing_address: null, data_policy: 'open', allowed_buyers: null }]);
    await seed.insertRows('episodes', [
      { id: 'e-1', robot_id: 'r-1', operator: OPERATOR, task: 'pick', state: 'accepted', outcome: 'success', lease_id: 'l', started_at: AT, ended_at: '2026-11-01T00:01:00Z', manifest: null, verified_ms: 10_000, quality: null, checks: null, score: 1, reason: null, reviews_wanted: 0, updated_at: AT },
    ]);
    await eventually(async () => (await seed.stores.rewards.epochs()).length > 0 || undefined, undefined, 'an epoch settled by the survivor');
    // Two more of its one-second settlements: still the one epoch.
    await new Promise((r) => setTimeout(r, 2500));
    expect((await seed.stores.rewards.epochs()).map((e) => e.epoch)).toEqual([1]);
    expect(await seed.stores.rewards.creditCount(1)).toBeGreaterThan(0);
  });
});

// The guard over a real registry (SQLite in a temporary directory, then PostgreSQL), with a clock of the test's own.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { HubMetrics } from '../metrics/HubMetrics.ts';
import { openStores, type HubStores } from '../store/stores.ts';
import { RobotAuthGuard } from './RobotAuthGuard.ts';
import { RobotRegistry } from './RobotRegistry.ts';
import { TEST_ENGINES, testDatabases } from '../store/testing/engines.ts';

describe.each(TEST_ENGINES)('RobotAuthGuard on %s', (engine) => {
  const databases = testDatabases(engine);
  let dir: string;
  let stores: HubStores;
  let registry: RobotRegistry;
  let now = 1_000_000;
  const metrics = new HubMetrics();
  beforeAll(async () => {
    const target = await databases.fresh();
    dir = target.dataDir;
    stores = await openStores(target);
    registry = new RobotRegistry(stores.robots);
  });
  afterAll(async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async (name: string): Promise<number> => (await metrics.registry.getSingleMetric(name)!.get()).values.reduce((a, v) => a + v.value, 0);

  it("throttles an address after 20 failures, not the robot: the right secret from elsewhere still gets in", async () => {
    const guard = new RobotAuthGuard({ registry, metrics, logger: createLogger('silent'), nowMs: () => now });
    const { robot, secret } = await registry.enroll({ name: 'arm', model: 'so101_sim' });
    const attacker = { transport: 'mqtt' as const, address: '10.0.0.66' };
    for (let i = 0; i < 20; i++) expect(await guard.authenticate(robot.id, `wrong${i}`, attacker)).toEqual({ ok: false, reason: 'bad_secret' });
    // Even the right secret is refused from the throttled address, without a check, until the cool-down ends.
    expect(await guard.authenticate(robot.id, secret, attacker)).toEqual({ ok: false, reason: 'throttled' });
    expect(await guard.authenticate(robot.id, secret, { transport: 'mqtt', address: '10.0.0.7' })).toEqual({ ok: true });
    expect(await guard.authenticate(robot.id, secret, { transport: 'broker', address: undefined })).toEqual({ ok: true });
    expect(await count('teleop_robot_auth_failures_total')).toBe(20);
    expect(await count('teleop_robot_auth_throttled_total')).toBe(1);
    now += 61_000;
    expect(await guard.authenticate(robot.id, secret, attacker)).toEqual({ ok: true });
  });

  it('never throttles a client whose address is unknown', async () => {
    const guard = new RobotAuthGuard({ registry, metrics, logger: createLogger('silent'), nowMs: () => now });
    const { robot, secret } = await registry.enroll({ name: 'arm 2', model: 'so101_sim' });
    for (let i = 0; i < 30; i++) await guard.authenticate(robot.id, `wrong${i}`, { transport: 'broker', address: undefined });
    expect(await guard.authenticate(robot.id, secret, { transport: 'broker', address: undefined })).toEqual({ ok: true });
  });
});

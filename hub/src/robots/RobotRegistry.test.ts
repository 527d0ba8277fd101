// Against a real database of each engine (SQLite in a temporary directory, PostgreSQL).
import { randomBytes, scryptSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores, type HubStores } from '../store/stores.ts';
import { EnrollmentLimitError, RobotEnrollError, RobotRegistry, UnknownRobotError } from './RobotRegistry.ts';
import { TEST_ENGINES, testDatabases } from '../store/testing/engines.ts';

describe.each(TEST_ENGINES)('RobotRegistry on %s', (engine) => {
  const databases = testDatabases(engine);
  let dir: string;
  let stores: HubStores;
  let registry: RobotRegistry;
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

  it('authenticates only the right secret of an active robot', async () => {
    const { robot, secret } = await registry.enroll({ name: 'arm', model: 'so101_sim' });
    expect(await registry.authenticate(robot.id, secret)).toEqual({ ok: true });
    expect(await registry.authenticate(robot.id, secret)).toEqual({ ok: true });
    expect(await registry.authenticate(robot.id, `${secret}x`)).toEqual({ ok: false, reason: 'bad_secret' });
    expect(await registry.authenticate('r-none', secret)).toEqual({ ok: false, reason: 'unknown_robot' });
    const rotated = await registry.rotateSecret(robot.id);
    expect(await registry.authenticate(robot.id, secret)).toEqual({ ok: false, reason: 'bad_secret' });
    expect(await registry.authenticate(robot.id, rotated)).toEqual({ ok: true });
    expect(await registry.revoke(robot.id)).toBe(true);
    expect(await registry.authenticate(robot.id, rotated)).toEqual({ ok: false, reason: 'revoked' });
    expect(await registry.list()).toEqual([]);
    expect((await registry.list({ includeRevoked: true }))[0]?.revokedAt).not.toBeNull();
  });

  it('refuses duplicate, reserved and malformed ids', async () => {
    await registry.enroll({ name: 'x', model: 'm', id: 'lab-arm-1' });
    await expect(registry.enroll({ name: 'x', model: 'm', id: 'lab-arm-1' })).rejects.toThrow(RobotEnrollError);
    await expect(registry.enroll({ name: 'x', model: 'm', id: 'hub' })).rejects.toThrow(/reserved/);
    await expect(registry.enroll({ name: 'x', model: 'm', id: 'robots/#' })).rejects.toThrow(/not valid/);
    await expect(registry.enroll({ name: '', model: 'm' })).rejects.toThrow(/name/);
    await expect(registry.revoke('r-none')).rejects.toThrow(UnknownRobotError);
  });

  it('keeps the joint limits of a robot\'s first description: wider ones described later change nothing', async () => {
    const { robot } = await registry.enroll({ name: 'limits', model: 'so101_sim' });
    expect(await registry.jointLimits(robot.id)).toBeNull();
    const first = [{ name: 'shoulder_pan', min: -1.9, max: 1.9 }, { name: 'gripper', min: 0, max: 1.7 }];
    expect(await registry.registerJointLimits(robot.id, first)).toEqual(first);
    const wider = [{ name: 'shoulder_pan', min: -3.1, max: 3.1 }, { name: 'gripper', min: -1, max: 3 }];
    expect(await registry.registerJointLimits(robot.id, wider)).toEqual(first);
    expect(await registry.jointLimits(robot.id)).toEqual(first);
  });

  it('checks a secret stored by an older hub (scrypt) and stores it as SHA-256 from then on, without a rotation', async () => {
    const since = new Date().toISOString();
    const { robot, secret } = await registry.enroll({ name: 'old', model: 'so101_sim' });
    const cheap = (await stores.robots.credentials(robot.id))!.secretHash;
    expect(cheap).toMatch(/^sha256\$/);
    const salt = randomBytes(16);
    const key = scryptSync(secret, salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 128 * (1 << 15) * 8 * 2 });
    await stores.robots.upgradeSecretHash(robot.id, cheap, ['scrypt', 1 << 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$'));
    expect(await registry.authenticate(robot.id, `${secret}x`)).toEqual({ ok: false, reason: 'bad_secret' });
    expect((await stores.robots.credentials(robot.id))!.secretHash).toMatch(/^scrypt\$/);
    expect(await registry.authenticate(robot.id, secret)).toEqual({ ok: true });
    expect((await stores.robots.credentials(robot.id))!.secretHash).toBe(cheap);
    expect(await registry.authenticate(robot.id, secret)).toEqual({ ok: true });
    expect((await registry.rotatedSince(since)).map((r) => r.id)).not.toContain(robot.id);
  });

  it("holds an owner to its limit of robots, even when enrollments arrive at once, and counts only those not revoked", async () => {
    const owner = '0x00000000000000000000000000000000000A11CE';
    const tries = await Promise.allSettled(Array.from({ length: 6 }, () => registry.enroll({ name: 'many', model: 'so101_sim', owner, ownerLimit: 2 })));
    expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(2);
    const refused = tries.find((t) => t.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(EnrollmentLimitError);
    await registry.revoke((tries[0] as PromiseFulfilledResult<{ robot: { id: string } }>).value.robot.id);
    await registry.enroll({ name: 'again', model: 'so101_sim', owner, ownerLimit: 2 });
    await expect(registry.enroll({ name: 'more', model: 'so101_sim', owner, ownerLimit: 2 })).rejects.toThrow(/revoke/);
    await registry.enroll({ name: 'unlimited', model: 'so101_sim', owner });
  });

  it('reports robots revoked after a point in time', async () => {
    // Strictly after: a millisecond before the enrollment, which (on a fast machine) may share its millisecond.
    const since = new Date(Date.now() - 1).toISOString();
    const { robot } = await registry.enroll({ name: 'y', model: 'm' });
    await registry.revoke(robot.id);
    expect((await registry.revokedSince(since)).map((r) => r.id)).toEqual([robot.id]);
  });
});

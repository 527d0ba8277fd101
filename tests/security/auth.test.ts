// Issue 15, points 5, 6 and 8: sign-in nonces a flood cannot evict, robot
// authentication that is cheap to check and throttled per client address, and
// a limit on the robots one wallet enrolls. Each against the real hub (and
// agent), with the attacks of tests/harness/attacker.ts in processes of their own.
import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { attackOver, startAttack } from '../harness/underAttack.ts';
import { enrollRobot, eventually, metric, startAgent, startHub, tempDir, type RunningHub, type TestProcess } from '../harness/processes.ts';
import { keyFor, signIn } from '../harness/signIn.ts';
import { openStores } from '@teleop/hub';

interface NonceAnswer {
  nonce: string;
  domain: string;
  uri: string;
  chainId: number;
  statement: string;
}

const takeNonce = async (hubUrl: string): Promise<NonceAnswer> => (await (await fetch(`${hubUrl}/api/v1/auth/nonce`)).json()) as NonceAnswer;

/** Signs a SIWE message with `nonce` (the hub's, or one a test made up) and asks the hub to verify it. */
async function verifyWith(hubUrl: string, key: Hex, n: NonceAnswer, nonce = n.nonce): Promise<{ status: number; body: { error?: string; token?: string } }> {
  const account = privateKeyToAccount(key);
  const message = createSiweMessage({ address: account.address, chainId: n.chainId, domain: n.domain, nonce, uri: n.uri, version: '1', statement: n.statement, issuedAt: new Date() });
  const signature = await account.signMessage({ message });
  const res = await fetch(`${hubUrl}/api/v1/auth/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message, signature }) });
  return { status: res.status, body: (await res.json()) as { error?: string; token?: string } };
}

describe('sign-in nonces under a flood (issue 15, point 5)', () => {
  const data = tempDir('sec-nonce');
  const shortData = tempDir('sec-nonce-ttl');
  let hub: RunningHub;
  let shortHub: RunningHub | undefined;

  beforeAll(async () => {
    hub = await startHub(data.path);
  });
  afterAll(async () => {
    await hub?.process.stop();
    await shortHub?.process.stop();
    data.remove();
    shortData.remove();
  });

  it('signs in with a nonce taken before 20,000 others were issued', async () => {
    const early = await takeNonce(hub.url);
    const flood = await startAttack('nonces', { hubUrl: hub.url, requests: 20_000, concurrency: 16 });
    const over = await attackOver(flood);
    expect((over.statuses as Record<string, number>)['200']).toBe(20_000);
    const signedIn = await verifyWith(hub.url, keyFor('nonce-flood-user'), early);
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    expect(signedIn.body.token).toBeTruthy();
    // Spent: the same nonce never opens a second session.
    const again = await verifyWith(hub.url, keyFor('nonce-flood-user'), early);
    expect(again).toMatchObject({ status: 401, body: { error: 'unknown_nonce' } });
  });

  it('refuses a nonce the hub did not issue, or one altered by a character', async () => {
    const n = await takeNonce(hub.url);
    const last = n.nonce.at(-1)!;
    const altered = `${n.nonce.slice(0, -1)}${last === 'a' ? 'b' : 'a'}`;
    expect(await verifyWith(hub.url, keyFor('forger'), n, altered)).toMatchObject({ status: 401, body: { error: 'unknown_nonce' } });
    expect(await verifyWith(hub.url, keyFor('forger'), n, 'madeupnonce12345')).toMatchObject({ status: 401, body: { error: 'unknown_nonce' } });
    // The nonce itself, unaltered, still works once.
    expect((await verifyWith(hub.url, keyFor('forger'), n)).status).toBe(200);
  });

  it('refuses an expired nonce as expired', async () => {
    shortHub = await startHub(shortData.path, [], { TELEOP_NONCE_TTL_S: '1' });
    const n = await takeNonce(shortHub.url);
    // The hub's clock, not this one's, decides: wait until a nonce issued now is refused as expired.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await verifyWith(shortHub.url, keyFor('slow-signer'), n)).toMatchObject({ status: 401, body: { error: 'expired' } });
    expect((await verifyWith(shortHub.url, keyFor('quick-signer'), await takeNonce(shortHub.url))).status).toBe(200);
  });
});

describe('robot authentication under wrong secrets (issue 15, point 6)', () => {
  const data = tempDir('sec-robot-auth');
  const brokerToken = 'broker-token-for-the-test';
  let hub: RunningHub;
  let agent: TestProcess | undefined;
  let attack: TestProcess | undefined;
  let robot: { robotId: string; secret: string };
  /** The hash the hub stores for the robot, read through the hub's own store (the database file is the store's alone). */
  const storedHash = async (): Promise<string> => {
    const stores = await openStores(data.path);
    try {
      return (await stores.robots.credentials(robot.robotId))!.secretHash;
    } finally {
      await stores.close();
    }
  };

  beforeAll(async () => {
    robot = await enrollRobot(data.path, 'legacy arm');
    // As hubs before this change stored every secret: scrypt$N$r$p$salt$hash.
    const salt = randomBytes(16);
    const key = scryptSync(robot.secret, salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 128 * (1 << 15) * 8 * 2 });
    const stores = await openStores(data.path);
    await stores.robots.upgradeSecretHash(robot.robotId, (await stores.robots.credentials(robot.robotId))!.secretHash, ['scrypt', 1 << 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$'));
    await stores.close();
    hub = await startHub(data.path, ['--broker-auth-token', brokerToken]);
  });
  afterAll(async () => {
    await attack?.stop('SIGKILL');
    await agent?.stop();
    await hub?.process.stop();
    data.remove();
  });

  it('connects a robot whose secret is stored as scrypt, and stores it in the cheap form from then on', async () => {
    expect(await storedHash()).toMatch(/^scrypt\$/);
    agent = await startAgent(hub.url, robot);
    await eventually(async () => /^sha256\$/.test(await storedHash()), undefined, 'the stored hash upgraded to sha256');
    await agent.stop();
    agent = undefined;
  });

  it('lets the real robot in while another address hammers its id with wrong secrets, and counts the failures', async () => {
    attack = await startAttack('robot-auth', {
      hubUrl: hub.url,
      mqttUrl: hub.mqttUrl,
      robotId: robot.robotId,
      parallel: 16,
      durationMs: 10 * 60_000,
      localAddress: '127.0.0.2',
      brokerAuthToken: brokerToken,
    });
    // The attacking address gets throttled (refused without a hash) once it has failed enough.
    await eventually(async () => (await metric(hub.url, 'teleop_robot_auth_throttled_total')) > 0, undefined, 'the attacking address throttled');

    agent = await startAgent(hub.url, robot);
    // The broker's endpoint and tus let the right secret in from another address, whatever the robot id's failures.
    const allow = await fetch(`${hub.url}/api/v1/broker/authenticate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${brokerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientid: robot.robotId, username: robot.robotId, password: robot.secret, peerhost: '127.0.0.1' }),
    });
    expect(await allow.json()).toMatchObject({ result: 'allow' });
    const tus = await fetch(`${hub.url}/api/v1/uploads/none`, {
      method: 'HEAD',
      headers: { authorization: `Basic ${Buffer.from(`${robot.robotId}:${robot.secret}`).toString('base64')}`, 'tus-resumable': '1.0.0' },
    });
    expect(tus.status).not.toBe(401);
    expect(attack.child.exitCode, 'the attack still runs while the robot connects').toBeNull();

    // The address is throttled after 20 failures, whichever transport they came by; every transport's attempts were
    // then either checked and failed, or refused unchecked.
    expect(await metric(hub.url, 'teleop_robot_auth_failures_total')).toBeGreaterThanOrEqual(20);
    for (const transport of ['mqtt', 'tus', 'broker']) {
      const refused = (await metric(hub.url, 'teleop_robot_auth_failures_total', { transport })) + (await metric(hub.url, 'teleop_robot_auth_throttled_total', { transport }));
      expect(refused, transport).toBeGreaterThan(0);
    }
    await attack.stop('SIGKILL');
    attack = undefined;
  });
});

describe('robots per wallet (issue 15, point 8)', () => {
  const data = tempDir('sec-enroll');
  let hub: RunningHub;
  const admin = privateKeyToAccount(keyFor('enroll-limit-admin'));

  beforeAll(async () => {
    hub = await startHub(data.path, ['--admin-addresses', admin.address], { TELEOP_MAX_ROBOTS_PER_WALLET: '3' });
  });
  afterAll(async () => {
    await hub?.process.stop();
    data.remove();
  });

  const enroll = async (token: string): Promise<{ status: number; body: { robotId?: string; error?: string; message?: string } }> => {
    const res = await fetch(`${hub.url}/api/v1/robots`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'arm', model: 'so101_sim' }),
    });
    return { status: res.status, body: (await res.json()) as { robotId?: string; error?: string; message?: string } };
  };

  it('enrolls up to the limit, refuses the next with a reason, and makes room when one is revoked', async () => {
    const alice = await signIn(hub.url, keyFor('enroll-limit-alice'));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await enroll(alice.token);
      expect(r.status).toBe(201);
      ids.push(r.body.robotId!);
    }
    const refused = await enroll(alice.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('enrollment_limit');
    expect(refused.body.message).toMatch(/3/);
    expect(refused.body.message).toMatch(/revoke/);
    expect(refused.body.message).toMatch(/admin/);

    const revoked = await fetch(`${hub.url}/api/v1/robots/${ids[0]}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${alice.token}` } });
    expect(revoked.status).toBe(200);
    expect((await enroll(alice.token)).status).toBe(201);
    expect((await enroll(alice.token)).body.error).toBe('enrollment_limit');

    // Another wallet has a limit of its own.
    const bob = await signIn(hub.url, keyFor('enroll-limit-bob'));
    expect((await enroll(bob.token)).status).toBe(201);
  });

  it('holds the limit against many enrollments at once', async () => {
    const mallory = await signIn(hub.url, keyFor('enroll-limit-mallory'));
    const flood = await startAttack('enroll', { hubUrl: hub.url, token: mallory.token, requests: 40, concurrency: 10 });
    const statuses = (await attackOver(flood)).statuses as Record<string, number>;
    expect(statuses).toEqual({ '201': 3, '403 enrollment_limit': 37 });
  });

  it('does not limit admins', async () => {
    const signedIn = await signIn(hub.url, keyFor('enroll-limit-admin'));
    for (let i = 0; i < 4; i++) expect((await enroll(signedIn.token)).status).toBe(201);
  });
});

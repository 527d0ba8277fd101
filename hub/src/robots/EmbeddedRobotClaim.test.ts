// The embedded default's claim on its simulated robot, through the real sign-in
// route (fastify inject, which sets the request's TCP peer address), real SIWE
// signatures and a real SQLite store. The robot is enrolled but not connected,
// so the fleet is an empty stand-in (a RobotFleet needs a broker; nothing of it
// is exercised here but "is this robot connected?").
import { rmSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrivateKey, privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { authRoutes, isLoopbackAddress } from '../auth/authRoutes.ts';
import { SiweAuth } from '../auth/SiweAuth.ts';
import { createLogger } from '../log.ts';
import { openStores, type HubStores } from '../store/stores.ts';
import { testDatabases } from '../store/testing/engines.ts';
import { EmbeddedRobotClaim } from './EmbeddedRobotClaim.ts';
import type { RobotFleet } from './RobotFleet.ts';
import { RobotRegistry } from './RobotRegistry.ts';

describe('EmbeddedRobotClaim', () => {
  const databases = testDatabases('sqlite');
  let dir: string;
  let stores: HubStores;
  let app: FastifyInstance;
  let registry: RobotRegistry;
  let auth: SiweAuth;
  let robotId: string;

  beforeAll(async () => {
    const target = await databases.fresh();
    dir = target.dataDir;
    stores = await openStores(target);
    registry = new RobotRegistry(stores.robots);
    auth = new SiweAuth(stores.sessions, { domain: 'hub.test:8080', uri: 'http://hub.test:8080', chainId: 31337 });
    const claim = new EmbeddedRobotClaim({ registry, fleet: { get: () => undefined } as unknown as RobotFleet, rights: stores.rights, logger: createLogger('silent') });
    robotId = (await registry.enroll({ name: 'simulated arm', model: 'so101_sim' })).robot.id;
    await claim.robotIs(robotId);
    app = Fastify();
    await app.register(authRoutes(auth, false, (address, from) => claim.signedIn(address, from)));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await stores?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const signIn = async (account: PrivateKeyAccount, remoteAddress: string): Promise<number> => {
    const message = createSiweMessage({ address: account.address, chainId: 31337, domain: 'hub.test:8080', nonce: await auth.issueNonce(), uri: 'http://hub.test:8080', version: '1', issuedAt: new Date() });
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/verify', remoteAddress, payload: { message, signature: await account.signMessage({ message }) } });
    return res.statusCode;
  };

  it('tells loopback peers from others', () => {
    for (const a of ['127.0.0.1', '127.3.4.5', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['192.0.2.7', '10.0.0.1', '::ffff:10.0.0.1', '::2', '', undefined, '127.0.0.1.evil']) expect(isLoopbackAddress(a)).toBe(false);
  });

  it('gives the robot to the first wallet signing in on this machine, never to one from the network', async () => {
    const stranger = privateKeyToAccount(generatePrivateKey());
    const owner = privateKeyToAccount(generatePrivateKey());
    // A stranger on the network (`up --host 0.0.0.0`) signs in first: signed in, but owns nothing.
    expect(await signIn(stranger, '192.0.2.7')).toBe(200);
    expect((await registry.get(robotId))?.owner ?? null).toBeNull();
    expect(await stores.rights.isCurator(stranger.address)).toBe(false);
    // The person at the machine signs in: theirs.
    expect(await signIn(owner, '127.0.0.1')).toBe(200);
    expect((await registry.get(robotId))?.owner?.toLowerCase()).toBe(owner.address.toLowerCase());
    expect(await stores.rights.isCurator(owner.address)).toBe(true);
    // Nobody after takes it, from anywhere.
    expect(await signIn(stranger, '::1')).toBe(200);
    expect((await registry.get(robotId))?.owner?.toLowerCase()).toBe(owner.address.toLowerCase());
  });
});

// SIWE against the real session store (SQLite, then PostgreSQL) and real signatures (viem accounts).
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { openStores, type HubStores } from '../store/stores.ts';
import { SiweAuth } from './SiweAuth.ts';
import { TEST_ENGINES, testDatabases } from '../store/testing/engines.ts';

describe.each(TEST_ENGINES)('SiweAuth on %s', (engine) => {
  const databases = testDatabases(engine);
  let dir: string;
  let stores: HubStores;
  let now = Date.parse('2026-11-22T10:00:00Z');
  let auth: SiweAuth;
  const alice = privateKeyToAccount(generatePrivateKey());
  const mallory = privateKeyToAccount(generatePrivateKey());

  beforeAll(async () => {
    const target = await databases.fresh();
    dir = target.dataDir;
    stores = await openStores(target);
    auth = new SiweAuth(stores.sessions, { domain: 'hub.test:8080', uri: 'http://hub.test:8080', chainId: 31337, nowMs: () => now });
  });
  afterAll(async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const message = async (over: Partial<Parameters<typeof createSiweMessage>[0]> = {}) =>
    createSiweMessage({
      address: alice.address,
      chainId: 31337,
      domain: 'hub.test:8080',
      nonce: await auth.issueNonce(),
      uri: 'http://hub.test:8080',
      version: '1',
      issuedAt: new Date(now),
      ...over,
    });

  it('opens a session for a valid signed message, and finds it by token', async () => {
    const m = await message();
    const { token, session } = await auth.verify(m, await alice.signMessage({ message: m }));
    expect(session.address).toBe(alice.address);
    expect(await auth.session(token)).toMatchObject({ address: alice.address });
    expect(await auth.session('not-a-token')).toBeNull();
    await auth.logout(token);
    expect(await auth.session(token)).toBeNull();
  });

  it('refuses a replayed nonce', async () => {
    const m = await message();
    const sig = await alice.signMessage({ message: m });
    await auth.verify(m, sig);
    await expect(auth.verify(m, sig)).rejects.toMatchObject({ code: 'unknown_nonce' });
  });

  it('refuses a nonce the hub never issued, or one altered by a character', async () => {
    const m = await message({ nonce: 'madeupnonce12345' });
    await expect(auth.verify(m, await alice.signMessage({ message: m }))).rejects.toMatchObject({ code: 'unknown_nonce' });
    const nonce = await auth.issueNonce();
    expect(nonce).toMatch(/^[a-zA-Z0-9]{8,}$/);
    // A later expiry in the nonce's clear part breaks its tag.
    const altered = `${nonce.slice(0, 11)}${nonce[11] === 'f' ? 'e' : 'f'}${nonce.slice(12)}`;
    const a = await message({ nonce: altered });
    await expect(auth.verify(a, await alice.signMessage({ message: a }))).rejects.toMatchObject({ code: 'unknown_nonce' });
    const other = new SiweAuth(stores.sessions, { domain: 'hub.test:8080', uri: 'http://hub.test:8080', chainId: 31337, nowMs: () => now });
    const foreign = await message({ nonce: await other.issueNonce() });
    await expect(auth.verify(foreign, await alice.signMessage({ message: foreign }))).rejects.toMatchObject({ code: 'unknown_nonce' });
  });

  it('keeps a nonce valid however many others are issued meanwhile', async () => {
    const m = await message();
    for (let i = 0; i < 20_000; i++) await auth.issueNonce();
    await expect(auth.verify(m, await alice.signMessage({ message: m }))).resolves.toMatchObject({ session: { address: alice.address } });
  });

  it('refuses the wrong domain and the wrong chain', async () => {
    const d = await message({ domain: 'evil.example' });
    await expect(auth.verify(d, await alice.signMessage({ message: d }))).rejects.toMatchObject({ code: 'wrong_domain' });
    const c = await message({ chainId: 1 });
    await expect(auth.verify(c, await alice.signMessage({ message: c }))).rejects.toMatchObject({ code: 'wrong_chain' });
  });

  it('refuses expired messages and expired nonces', async () => {
    const m = await message({ expirationTime: new Date(now - 1000), issuedAt: new Date(now - 60_000) });
    await expect(auth.verify(m, await alice.signMessage({ message: m }))).rejects.toMatchObject({ code: 'expired' });
    const old = await message({ issuedAt: new Date(now - 3_600_000) });
    await expect(auth.verify(old, await alice.signMessage({ message: old }))).rejects.toMatchObject({ code: 'expired' });
    const later = await message();
    now += 6 * 60_000; // the nonce lives 5 minutes
    await expect(auth.verify(later, await alice.signMessage({ message: later }))).rejects.toMatchObject({ code: 'expired' });
  });

  it("refuses a signature by another address than the message's", async () => {
    const m = await message();
    await expect(auth.verify(m, await mallory.signMessage({ message: m }))).rejects.toMatchObject({ code: 'bad_signature' });
    const g = await message();
    await expect(auth.verify(g, '0x1234')).rejects.toMatchObject({ code: 'bad_signature' });
    await expect(auth.verify('hello', '0x00')).rejects.toMatchObject({ code: 'bad_message' });
  });

  it('expires sessions', async () => {
    const m = await message();
    const { token } = await auth.verify(m, await alice.signMessage({ message: m }));
    now += 8 * 24 * 3_600_000;
    expect(await auth.session(token)).toBeNull();
  });
});

// The reward store on each real engine (SQLite, PostgreSQL): purchases are kept once however
// often the chain reports them; an epoch, its credits and the purchases it
// pays out are saved together or not at all; amounts and trees come back as
// they went in; publishing supersedes epochs that were only computed.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type HubDb } from './database.ts';
import { EpochSettledElsewhereError, RewardStore, type NewEpoch } from './RewardStore.ts';
import { TEST_ENGINES, testDatabases } from './testing/engines.ts';

const ALICE = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const BOB = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65';

describe.each(TEST_ENGINES)('RewardStore on %s', (engine) => {
  const databases = testDatabases(engine);
  let dir: string;
  let db: HubDb;
  let store: RewardStore;

  beforeAll(async () => {
    const target = await databases.fresh();
    dir = target.dataDir;
    db = await openDatabase(target);
    store = new RewardStore(db);
  });

  afterAll(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const purchase = { tokenId: 3, datasetId: 'd-1', version: 1, buyer: BOB, paid: 100n, fee: 5n, purpose: 'training', blockNumber: 12 };
  const first: NewEpoch = {
    epoch: 1,
    cutoff: '2026-11-02T00:00:00.000Z',
    root: '0x01',
    totalCumulative: 160n,
    minted: 60n,
    tree: [
      { account: ALICE, cumulative: '150', proof: ['0xaa'] },
      { account: BOB, cumulative: '10', proof: ['0xbb'] },
    ],
    episodes: { root: '0x02', leaves: [{ episodeId: 'e-1', manifestHash: '0x03', signer: BOB, proof: [] }] },
    credits: [
      { account: ALICE, amount: 60n, role: 'operator', source: 'episode', episodeId: 'e-1', purchaseId: null },
      { account: ALICE, amount: 90n, role: 'owner', source: 'purchase', episodeId: 'e-2', purchaseId: '0xp1:0' },
      { account: BOB, amount: 10n, role: 'reviewer', source: 'purchase', episodeId: 'e-2', purchaseId: '0xp1:0' },
    ],
    purchaseIds: ['0xp1:0'],
  };

  it('keeps a purchase once and saves an epoch with its credits and the purchases it pays out', async () => {
    await store.recordPurchase({ id: '0xp1:0', ...purchase, at: '2026-11-01T00:00:00.000Z' });
    await store.recordPurchase({ id: '0xp1:0', ...purchase, paid: 999n, at: '2026-11-01T00:00:00.000Z' });
    await store.recordPurchase({ id: '0xp2:0', ...purchase, at: '2026-11-03T00:00:00.000Z' });
    expect(await store.uncreditedPurchases(first.cutoff)).toEqual([{ id: '0xp1:0', ...purchase, at: '2026-11-01T00:00:00.000Z', creditedEpoch: null }]);

    await store.saveEpoch(first);
    expect(await store.uncreditedPurchases(first.cutoff)).toEqual([]);
    expect((await store.purchasesOf('d-1', 1)).map((p) => [p.id, p.creditedEpoch])).toEqual([
      ['0xp2:0', null],
      ['0xp1:0', 1],
    ]);
    expect(await store.epoch(1)).toMatchObject({ epoch: 1, root: '0x01', totalCumulative: 160n, minted: 60n, state: 'computed', mintTx: null, episodes: first.episodes });
    expect(await store.rewardTree(1)).toEqual(first.tree);
    expect(await store.creditCount(1)).toBe(3);
    expect(await store.creditedAmounts()).toEqual(first.credits.map((c) => ({ account: c.account, amount: c.amount })));
    expect((await store.creditsOf(ALICE)).map((c) => [c.epoch, c.amount, c.role, c.source])).toEqual([
      [1, 60n, 'operator', 'episode'],
      [1, 90n, 'owner', 'purchase'],
    ]);
    // Only an episode's acceptance is its reward epoch; revenue credits for it are not.
    expect(await store.rewardedEpoch('e-1')).toBe(1);
    expect(await store.rewardedEpoch('e-2')).toBeUndefined();
  });

  it('saves nothing of an epoch that fails part way', async () => {
    // The second credit breaks a NOT NULL constraint after the epoch row and the first credit are written.
    const broken = { ...first, epoch: 2, credits: [first.credits[0]!, { ...first.credits[0]!, account: null as unknown as string }], purchaseIds: ['0xp2:0'] };
    await expect(store.saveEpoch(broken)).rejects.toThrow(/NOT NULL|null value in column/);
    expect(await store.epoch(2)).toBeUndefined();
    expect(await store.creditCount(2)).toBe(0);
    expect((await store.uncreditedPurchases('2026-12-01T00:00:00.000Z')).map((p) => p.id)).toEqual(['0xp2:0']);
  });

  it('refuses an epoch computed from a stale view: one already stored, or one crediting a purchase already credited', async () => {
    await expect(store.saveEpoch({ ...first, credits: [], purchaseIds: [] })).rejects.toBeInstanceOf(EpochSettledElsewhereError);
    await expect(store.saveEpoch({ ...first, epoch: 2, credits: [], purchaseIds: ['0xp1:0'] })).rejects.toBeInstanceOf(EpochSettledElsewhereError);
    expect(await store.epoch(2)).toBeUndefined();
  });

  it('counts unminted emission until a mint is recorded, and publishing supersedes epochs only computed', async () => {
    await store.saveEpoch({ ...first, epoch: 2, minted: 7n, episodes: null, credits: [], purchaseIds: [] });
    expect(await store.unmintedEmission(2)).toBe(67n);
    await store.recordMint(2, '0xm2');
    expect(await store.unmintedEmission(2)).toBe(60n);
    await store.markPublished(2, { publishTx: '0xt2', episodesTx: null });
    expect(await store.epoch(1)).toMatchObject({ state: 'superseded', publishTx: null });
    expect(await store.epoch(2)).toMatchObject({ state: 'published', mintTx: '0xm2', publishTx: '0xt2', episodes: null, publishedAt: expect.any(String) });
    expect((await store.latestEpoch('published'))?.epoch).toBe(2);
    expect(await store.latestEpoch('computed')).toBeUndefined();
    expect((await store.epochs()).map((e) => e.epoch)).toEqual([2, 1]);
  });
});

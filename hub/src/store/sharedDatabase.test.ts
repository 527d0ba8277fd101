// Two hubs on one PostgreSQL database: each opens its own stores (its own
// connection pool), and what both may do at once has one outcome. Dataset
// version numbers are allocated under a row lock (every version gets the next
// number, none fails); two settlements of the same reward epoch leave one
// epoch, the winner's, and the other is told so; the last review an episode
// wants goes to one reviewer however many hubs hand it out at once. SQLite is one hub per file, so
// this runs on PostgreSQL only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EpochSettledElsewhereError, type NewEpoch } from './RewardStore.ts';
import { openStores, type HubStores } from './stores.ts';
import { TEST_ENGINES, testDatabases } from './testing/engines.ts';

const BY = '0x000000000000000000000000000000000000a11c';
const AT = '2026-11-01T00:00:00.000Z';

describe.skipIf(!TEST_ENGINES.includes('postgres'))('two hubs on one PostgreSQL database', () => {
  const databases = testDatabases('postgres');
  let hubA: HubStores;
  let hubB: HubStores;
  let removeDir: () => void;

  beforeAll(async () => {
    const target = await databases.fresh();
    removeDir = target.removeDir;
    hubA = await openStores(target);
    hubB = await openStores(target);
  });
  afterAll(async () => {
    await hubA?.close();
    await hubB?.close();
    removeDir?.();
  });

  it('numbers the versions both add at once one after another, each once', async () => {
    const version = { parent_version: null, selection: {}, episode_ids: [], created_by: BY, created_at: AT, price: '0', license: 'CC-BY-4.0', allowed_buyers: null };
    await hubA.datasets.createDataset({ id: 'd-1', name: 'picks', title: 'picks', description: '', license: 'CC-BY-4.0', price: '0', created_by: BY, created_at: AT, allowed_buyers: null, units: 'radians' }, version);
    // Ten from each hub, all in flight together: each reads the highest number and inserts the next one.
    const adds = Array.from({ length: 20 }, (_, i) => (i % 2 ? hubA : hubB).datasets.addVersion({ ...version, dataset_id: 'd-1' }));
    const results = await Promise.allSettled(adds);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const numbers = results.map((r) => (r as PromiseFulfilledResult<number>).value).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect((await hubB.datasets.versions('d-1')).map((v) => v.version)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('keeps one of two settlements of the same epoch, and tells the other', async () => {
    const purchase = { tokenId: 3, datasetId: 'd-1', version: 1, buyer: BY, paid: 100n, fee: 5n, purpose: 'training', blockNumber: 12, at: AT };
    await hubA.rewards.recordPurchase({ id: '0xp1:0', ...purchase });
    const epoch = (hub: string, amount: bigint): NewEpoch => ({
      epoch: 1,
      cutoff: AT,
      root: `0x${hub}`,
      totalCumulative: amount,
      minted: 0n,
      tree: [],
      episodes: null,
      credits: [{ account: BY, amount, role: 'owner', source: 'purchase', episodeId: 'e-1', purchaseId: '0xp1:0' }],
      purchaseIds: ['0xp1:0'],
    });
    const results = await Promise.allSettled([hubA.rewards.saveEpoch(epoch('aa', 95n)), hubB.rewards.saveEpoch(epoch('bb', 95n))]);
    const won = results.findIndex((r) => r.status === 'fulfilled');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results[1 - won] as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(EpochSettledElsewhereError);
    expect((await hubB.rewards.epoch(1))?.root).toBe(won === 0 ? '0xaa' : '0xbb');
    expect(await hubA.rewards.creditCount(1)).toBe(1);
    expect(await hubA.rewards.creditedAmounts()).toEqual([{ account: BY, amount: 95n }]);
  });

  it('gives the one review an episode wants to one of the reviewers both hubs hand it to at once', async () => {
    expect(await hubA.episodes.insertRecording({ id: 'e-1', robotId: 'r-1', operator: BY, task: 'pick', leaseId: 'l-1' })).toBe(true);
    expect(await hubA.episodes.move('e-1', ['recording'], 'in_review', { reviewsWanted: 1 })).toBe(true);
    const reviewers = Array.from({ length: 10 }, (_, i) => `0x${String(i).padStart(40, '0')}`);
    const given = await Promise.all(reviewers.map((r, i) => (i % 2 ? hubA : hubB).reviews.assignIfWanted('e-1', r)));
    expect(given.filter(Boolean)).toHaveLength(1);
    const winner = reviewers[given.indexOf(true)]!;
    expect(await hubB.reviews.openAssignment(winner)).toBe('e-1');
    expect((await Promise.all(reviewers.map((r) => hubA.reviews.openAssignment(r)))).filter((e) => e !== null)).toEqual(['e-1']);
  });
});

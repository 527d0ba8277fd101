// Settlement rules on a real store (SQLite, then PostgreSQL) and a real anvil chain: an account
// that contributed in several roles is one leaf with the amounts merged;
// reviewers share by agreement with verdicts; an epoch computed while the chain
// was away is published later with the same root, and its mint is not
// repeated; settling twice changes nothing.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, createWalletClient, http, type Address, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { ANVIL_DEV_KEYS, deployContracts, RewardDistributorAbi, RewardTokenAbi, startAnvil, type ContractAddresses, type RunningAnvil } from '@teleop/contracts';
import { ChainService } from '../chain/ChainService.ts';
import { createLogger } from '../log.ts';
import { reviewerAgreement } from '../episodes/ReviewService.ts';
import type { RewardStore } from '../store/RewardStore.ts';
import { openStoresWithRows, type HubStores } from '../store/stores.ts';
import { RewardService, type RewardConfig } from './RewardService.ts';
import { TEST_ENGINES, testDatabases } from '../store/testing/engines.ts';

const RATE = 10n ** 15n;
const WEIGHTS = { operator: 6000, owner: 2500, reviewers: 1500 };
const [alice, bob, carol, dave] = [3, 4, 5, 6].map((i) => privateKeyToAccount(ANVIL_DEV_KEYS[i]!).address) as [Address, Address, Address, Address];
const logger = createLogger('silent');

describe.each(TEST_ENGINES)('RewardService on %s', (engine) => {
  const databases = testDatabases(engine);
  let dir: string;
  // Episodes, robots and reviews are seeded as rows (accepted or rejected outright, with fixed times); rewards are read through the store.
  let stores: HubStores;
  let insertRows: Awaited<ReturnType<typeof openStoresWithRows>>['insertRows'];
  let store: RewardStore;
  let anvil: RunningAnvil;
  let client: PublicClient;
  let contracts: ContractAddresses;
  let chain: ChainService;

  /** An accepted episode the hub verified as `seconds` long; its signed manifest may claim other (`claimedSeconds`). */
  const episode = async (id: string, o: { operator: Address; robot: string; seconds: number; claimedSeconds?: number; score: number; updatedAt?: string }): Promise<void> => {
    await insertRows('episodes', [
      {
        id,
        robot_id: o.robot,
        operator: o.operator,
        task: 'pick',
        state: 'accepted',
        outcome: 'success',
        lease_id: 'l',
        started_at: '2026-11-01T00:00:00Z',
        ended_at: '2026-11-01T00:01:00Z',
        manifest: JSON.stringify({ manifest: { episodeId: id, robotId: o.robot, operator: o.operator, startNs: '1000000000', endNs: String(1_000_000_000 + (o.claimedSeconds ?? o.seconds) * 1e9) } }),
        verified_ms: o.seconds * 1000,
        quality: null,
        checks: null,
        score: o.score,
        reason: null,
        reviews_wanted: 0,
        updated_at: o.updatedAt ?? '2026-11-01T00:02:00Z',
      },
    ]);
  };
  const review = async (episodeId: string, reviewer: Address, pass: boolean): Promise<void> => {
    const v = pass ? 1 : 0;
    await insertRows('reviews', [{ episode_id: episodeId, reviewer, assigned_at: '2026-11-01T00:01:00Z', submitted_at: '2026-11-01T00:01:30Z', task_done: v, cameras_clear: v, robot_safe: v, score: pass ? 5 : 1, comment: null }]);
  };

  const service = (on: ChainService | null, config: RewardConfig = { ratePerSecond: RATE, weights: WEIGHTS }): RewardService =>
    new RewardService({ store, reviewerAgreement: (r) => reviewerAgreement(stores.reviews, r), chain: on, config, logger });

  beforeAll(async () => {
    const target = await databases.fresh();
    dir = target.dataDir;
    ({ stores, insertRows } = await openStoresWithRows(target));
    store = stores.rewards;
    anvil = await startAnvil();
    const c = { id: anvil.chainId, name: 'anvil', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [anvil.rpcUrl] } } } as const;
    client = createPublicClient({ chain: c, transport: http(anvil.rpcUrl) }) as PublicClient;
    const admin = createWalletClient({ account: privateKeyToAccount(ANVIL_DEV_KEYS[0]), chain: c, transport: http(anvil.rpcUrl) });
    contracts = await deployContracts(admin, client, { hub: privateKeyToAccount(ANVIL_DEV_KEYS[1]).address, guardian: privateKeyToAccount(ANVIL_DEV_KEYS[2]).address });
    chain = await ChainService.connect({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId, hubKey: ANVIL_DEV_KEYS[1], contracts }, logger);
    // Alice owns robot r-a and operates on it too; bob operates; carol and dave review.
    for (const [id, owner] of [['r-a', alice], ['r-b', bob]] as const) {
      await insertRows('robots', [{ id, name: id, model: 'so101', owner, secret_hash: 'x', created_at: '2026-11-01T00:00:00Z', revoked_at: null, secret_rotated_at: null, signing_address: null, data_policy: 'open', allowed_buyers: null }]);
    }
  });

  afterAll(async () => {
    await stores?.close();
    await anvil?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('merges an account that earns in several roles into one leaf, and weights reviewers by agreement', async () => {
    await episode('e-1', { operator: alice, robot: 'r-a', seconds: 10, score: 1 });
    // e-2's robot signed a manifest claiming ten minutes; the hub verified 20 s, and that is what pays.
    await episode('e-2', { operator: bob, robot: 'r-a', seconds: 20, claimedSeconds: 600, score: 0.5 });
    // A rejected episode dave passed: dave agrees with verdicts half the time, carol always.
    await insertRows('episodes', [{ id: 'e-x', robot_id: 'r-b', operator: bob, task: 'pick', state: 'rejected', outcome: 'success', lease_id: 'l', started_at: '2026-11-01T00:00:00Z', ended_at: null, manifest: null, quality: null, checks: null, score: null, reason: 'r', reviews_wanted: 0, updated_at: '2026-11-01T00:02:00Z' }]);
    await review('e-x', dave, true);
    await review('e-1', carol, true);
    await review('e-1', dave, true);

    // No chain yet: the epoch is computed, not published.
    const offline = service(null);
    const e1 = await offline.settle();
    expect(e1).toMatchObject({ epoch: 1, state: 'computed' });
    const tree = (await store.rewardTree(1))!;
    // e-1: 10 s x 1.0 = 10 units; e-2: 20 s x 0.5 = 10 units (1 unit = RATE).
    const unit = RATE;
    const aliceWants = (10n * unit * 6000n) / 10_000n + (10n * unit * 2500n) / 10_000n + (10n * unit * 2500n) / 10_000n; // operator e-1, owner of e-1 and e-2
    expect(tree.filter((l) => l.account === alice)).toEqual([{ account: alice, cumulative: aliceWants.toString(), proof: expect.any(Array) }]);
    expect(tree.find((l) => l.account === bob)!.cumulative).toBe(((10n * unit * 6000n) / 10_000n).toString());
    // e-1's reviewer pool (1.5 units) split 1 : 0.5 between carol and dave.
    const pool = (10n * unit * 1500n) / 10_000n;
    expect(BigInt(tree.find((l) => l.account === carol)!.cumulative)).toBe((pool * 2n) / 3n);
    expect(BigInt(tree.find((l) => l.account === dave)!.cumulative)).toBe(pool - (pool * 2n) / 3n);
    expect(tree.length).toBe(4);
    // With no chain, settling again finds nothing new.
    expect(await offline.settle()).toBeNull();
  });

  it('publishes an epoch computed while the chain was away with the same root, once', async () => {
    const stored = (await store.epoch(1))!;
    const online = service(chain);
    const published = await online.settle();
    expect(published).toMatchObject({ epoch: 1, state: 'published', root: stored.root });
    expect(await client.readContract({ address: contracts.rewardDistributor, abi: RewardDistributorAbi, functionName: 'merkleRoot' })).toBe(stored.root);
    expect(await client.readContract({ address: contracts.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [contracts.rewardDistributor] })).toBe(stored.minted);
    // Again: nothing new, nothing minted, same root.
    expect(await online.settle()).toBeNull();
    expect(await client.readContract({ address: contracts.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [contracts.rewardDistributor] })).toBe(stored.minted);
    expect((await online.epochs()).map((e) => [e.epoch, e.root, e.state])).toEqual([[1, stored.root, 'published']]);
  });

  it('recovers from a crash between the mint and the root: the root is published, nothing is minted twice', async () => {
    await episode('e-3', { operator: bob, robot: 'r-b', seconds: 4, score: 1 });
    const offline = service(null);
    const e2 = await offline.settle();
    expect(e2).toMatchObject({ epoch: 2, state: 'computed' });
    const row = (await store.epoch(2))!;
    // The mint landed and was recorded; then the hub died before publishing the root.
    const mintTx = await chain.mintRewards(row.minted);
    await store.recordMint(2, mintTx ?? 'none');
    const before = await client.readContract({ address: contracts.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [contracts.rewardDistributor] });
    const online = service(chain);
    expect(await online.settle()).toMatchObject({ epoch: 2, state: 'published', root: row.root });
    expect(await client.readContract({ address: contracts.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [contracts.rewardDistributor] })).toBe(before);
    expect(await client.readContract({ address: contracts.rewardDistributor, abi: RewardDistributorAbi, functionName: 'epoch' })).toBe(2n);
    // Cumulative: bob's leaf holds both epochs (e-3 on his own robot: operator and owner shares; no reviewers, so their share is not minted).
    const bobNow = await online.forAccount(bob);
    expect(bobNow.cumulative).toBe(((10n * RATE * 6000n) / 10_000n + (4n * RATE * 6000n) / 10_000n + (4n * RATE * 2500n) / 10_000n).toString());
    expect(row.minted).toBe((4n * RATE * 8500n) / 10_000n);
    expect(bobNow.epochs.map((e) => e.epoch)).toEqual([1, 2]);
  });

  it('refuses weights that do not add up to 1 and bad addresses', async () => {
    expect(() => service(null, { ratePerSecond: RATE, weights: { operator: 6000, owner: 2500, reviewers: 1000 } })).toThrow(/add up to 1/);
    const s = service(null);
    await expect(s.forAccount('0x1234')).rejects.toThrow(/not an address/);
  });
});

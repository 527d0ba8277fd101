// Every contract function, revert path and event, against a real anvil chain
// (the binary from @foundry-rs/anvil), through viem with the generated ABIs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  http,
  parseEventLogs,
  stringToHex,
  zeroAddress,
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { datasetFileProof, datasetMerkleRoot, type DatasetFile } from '@teleop/proto';
import { ANVIL_DEV_KEYS, deployContracts, rewardsTree, startAnvil, type ContractAddresses, type RunningAnvil } from './index.ts';
import { DatasetRegistryAbi, EpisodeRegistryAbi, RewardDistributorAbi, RewardTokenAbi, RobotRegistryAbi } from './generated/index.ts';

type Wallet = WalletClient<Transport, Chain, Account>;

/** The custom error a call reverts with (its name), or null when it succeeds. */
async function revertName(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (err) {
    if (err instanceof BaseError) {
      const revert = err.walk((e) => e instanceof ContractFunctionRevertedError);
      if (revert instanceof ContractFunctionRevertedError) return revert.data?.errorName ?? revert.reason ?? 'reverted';
    }
    throw err;
  }
}

describe('contracts on anvil', () => {
  let anvil: RunningAnvil;
  let client: PublicClient;
  let c: ContractAddresses;
  const w: Wallet[] = [];
  const [admin, hub, guardian, alice, bob, carol] = ANVIL_DEV_KEYS.slice(0, 6).map((k) => privateKeyToAccount(k));

  const wallet = (a: Account): Wallet => w.find((x) => x.account.address === a.address)!;
  /** Sends a contract write (simulated first, so reverts come back as custom errors) and returns its logs. */
  async function send(from: Account, address: Address, abi: Abi, functionName: string, args: readonly unknown[]) {
    const { request } = await client.simulateContract({ account: from, address, abi, functionName, args } as never);
    const hash = await wallet(from).writeContract(request as never);
    const receipt = await client.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
    return { receipt, logs: parseEventLogs({ abi, logs: receipt.logs }) as { eventName: string; args: Record<string, unknown> }[] };
  }
  // Errors raised inside the token (e.g. a missing allowance) decode too.
  const tokenErrors = RewardTokenAbi.filter((e) => e.type === 'error');
  const fails = (from: Account, address: Address, abi: Abi, functionName: string, args: readonly unknown[]) =>
    revertName(client.simulateContract({ account: from, address, abi: [...abi, ...tokenErrors], functionName, args } as never));

  beforeAll(async () => {
    anvil = await startAnvil();
    client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) }) as PublicClient;
    for (const a of [admin, hub, guardian, alice, bob, carol]) w.push(createWalletClient({ account: a!, chain: foundry, transport: http(anvil.rpcUrl) }));
    c = await deployContracts(wallet(admin!), client, { hub: hub!.address, guardian: guardian!.address });
  });

  afterAll(async () => {
    await anvil?.stop();
  });

  it('runs on a funded development chain', async () => {
    expect(await client.getChainId()).toBe(31337);
    for (const a of [admin, hub, alice]) expect(await client.getBalance({ address: a!.address })).toBeGreaterThan(0n);
  });

  describe('RobotRegistry', () => {
    const id = stringToHex('r-abcdefghij', { size: 32 });
    it('enrolls, rotates and retires, with events, only by the owner', async () => {
      const enrolled = await send(alice!, c.robotRegistry, RobotRegistryAbi, 'enroll', [id, bob!.address]);
      expect(enrolled.logs[0]).toMatchObject({ eventName: 'RobotEnrolled', args: { robotId: id, owner: alice!.address, signer: bob!.address } });
      expect(await client.readContract({ address: c.robotRegistry, abi: RobotRegistryAbi, functionName: 'isSigner', args: [id, bob!.address] })).toBe(true);
      expect(await fails(bob!, c.robotRegistry, RobotRegistryAbi, 'enroll', [id, bob!.address])).toBe('AlreadyEnrolled');
      expect(await fails(alice!, c.robotRegistry, RobotRegistryAbi, 'enroll', [stringToHex('r-zero', { size: 32 }), zeroAddress])).toBe('ZeroSigner');
      expect(await fails(bob!, c.robotRegistry, RobotRegistryAbi, 'rotateKey', [id, carol!.address])).toBe('NotRobotOwner');
      expect(await fails(alice!, c.robotRegistry, RobotRegistryAbi, 'rotateKey', [stringToHex('r-unknown', { size: 32 }), carol!.address])).toBe('UnknownRobot');
      expect(await fails(alice!, c.robotRegistry, RobotRegistryAbi, 'rotateKey', [id, zeroAddress])).toBe('ZeroSigner');
      const rotated = await send(alice!, c.robotRegistry, RobotRegistryAbi, 'rotateKey', [id, carol!.address]);
      expect(rotated.logs[0]).toMatchObject({ eventName: 'RobotKeyRotated', args: { previousSigner: bob!.address, newSigner: carol!.address } });
      expect(await client.readContract({ address: c.robotRegistry, abi: RobotRegistryAbi, functionName: 'isSigner', args: [id, bob!.address] })).toBe(false);
      expect(await fails(bob!, c.robotRegistry, RobotRegistryAbi, 'retire', [id])).toBe('NotRobotOwner');
      const retired = await send(alice!, c.robotRegistry, RobotRegistryAbi, 'retire', [id]);
      expect(retired.logs[0]).toMatchObject({ eventName: 'RobotRetired', args: { robotId: id, owner: alice!.address } });
      expect(await client.readContract({ address: c.robotRegistry, abi: RobotRegistryAbi, functionName: 'isSigner', args: [id, carol!.address] })).toBe(false);
      expect(await fails(alice!, c.robotRegistry, RobotRegistryAbi, 'rotateKey', [id, bob!.address])).toBe('RobotIsRetired');
      expect(await fails(alice!, c.robotRegistry, RobotRegistryAbi, 'retire', [id])).toBe('RobotIsRetired');
      const r = await client.readContract({ address: c.robotRegistry, abi: RobotRegistryAbi, functionName: 'robot', args: [id] });
      expect(r).toMatchObject({ owner: alice!.address, signer: carol!.address, retired: true });
    });
  });

  describe('RewardToken and RewardDistributor', () => {
    it('mints only by the minter', async () => {
      expect(await fails(alice!, c.rewardToken, RewardTokenAbi, 'mint', [alice!.address, 1n])).toBe('AccessControlUnauthorizedAccount');
      const minted = await send(hub!, c.rewardToken, RewardTokenAbi, 'mint', [c.rewardDistributor, 1_000_000n]);
      expect(minted.logs[0]).toMatchObject({ eventName: 'Transfer', args: { from: zeroAddress, to: c.rewardDistributor, value: 1_000_000n } });
    });

    it('pays cumulative claims once, to the account in the leaf, and refuses every bad claim', async () => {
      expect(await fails(alice!, c.rewardDistributor, RewardDistributorAbi, 'claim', [alice!.address, 1n, []])).toBe('NoRoot');
      const epoch1 = rewardsTree([
        [alice!.address, 100n],
        [bob!.address, 50n],
        [alice!.address, 20n], // listed twice: merged, not duplicated
      ]);
      expect(epoch1.entries.get(alice!.address)!.cumulative).toBe(120n);
      expect(await fails(alice!, c.rewardDistributor, RewardDistributorAbi, 'publishRoot', [1n, epoch1.root, epoch1.total])).toBe('AccessControlUnauthorizedAccount');
      const published = await send(hub!, c.rewardDistributor, RewardDistributorAbi, 'publishRoot', [1n, epoch1.root, epoch1.total]);
      expect(published.logs[0]).toMatchObject({ eventName: 'RootPublished', args: { epoch: 1n, root: epoch1.root, totalCumulative: 170n } });
      expect(await fails(hub!, c.rewardDistributor, RewardDistributorAbi, 'publishRoot', [1n, epoch1.root, epoch1.total])).toBe('EpochNotAfter');

      const a = epoch1.entries.get(alice!.address)!;
      const b = epoch1.entries.get(bob!.address)!;
      // Wrong proof, someone else's proof, above the cumulative amount.
      expect(await fails(alice!, c.rewardDistributor, RewardDistributorAbi, 'claim', [alice!.address, a.cumulative, b.proof])).toBe('InvalidProof');
      expect(await fails(carol!, c.rewardDistributor, RewardDistributorAbi, 'claim', [carol!.address, b.cumulative, b.proof])).toBe('InvalidProof');
      expect(await fails(alice!, c.rewardDistributor, RewardDistributorAbi, 'claim', [alice!.address, a.cumulative + 1n, a.proof])).toBe('InvalidProof');
      // Submitted by carol for bob: bob is paid, carol gets nothing.
      const carolBefore = await client.readContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [carol!.address] });
      const relayed = await send(carol!, c.rewardDistributor, RewardDistributorAbi, 'claim', [bob!.address, b.cumulative, b.proof]);
      expect(relayed.logs.find((l) => l.eventName === 'Claimed')).toMatchObject({ args: { account: bob!.address, amount: 50n, cumulativeAmount: 50n } });
      expect(await client.readContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [bob!.address] })).toBe(50n);
      expect(await client.readContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [carol!.address] })).toBe(carolBefore);
      // Twice.
      await send(alice!, c.rewardDistributor, RewardDistributorAbi, 'claim', [alice!.address, a.cumulative, a.proof]);
      expect(await fails(alice!, c.rewardDistributor, RewardDistributorAbi, 'claim', [alice!.address, a.cumulative, a.proof])).toBe('NothingToClaim');

      // Next epoch: only the difference is paid.
      const epoch2 = rewardsTree([
        [alice!.address, 150n],
        [bob!.address, 50n],
        [carol!.address, 10n],
      ]);
      await send(hub!, c.rewardDistributor, RewardDistributorAbi, 'publishRoot', [2n, epoch2.root, epoch2.total]);
      const a2 = epoch2.entries.get(alice!.address)!;
      const paid = await send(alice!, c.rewardDistributor, RewardDistributorAbi, 'claim', [alice!.address, a2.cumulative, a2.proof]);
      expect(paid.logs.find((l) => l.eventName === 'Claimed')).toMatchObject({ args: { amount: 30n, cumulativeAmount: 150n } });
      expect(await client.readContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [alice!.address] })).toBe(150n);
      const b2 = epoch2.entries.get(bob!.address)!;
      expect(await fails(bob!, c.rewardDistributor, RewardDistributorAbi, 'claim', [bob!.address, b2.cumulative, b2.proof])).toBe('NothingToClaim');

      // The guardian pauses and unpauses; nobody else can.
      expect(await fails(alice!, c.rewardDistributor, RewardDistributorAbi, 'pause', [])).toBe('AccessControlUnauthorizedAccount');
      const paused = await send(guardian!, c.rewardDistributor, RewardDistributorAbi, 'pause', []);
      expect(paused.logs[0]).toMatchObject({ eventName: 'Paused' });
      const k = epoch2.entries.get(carol!.address)!;
      expect(await fails(carol!, c.rewardDistributor, RewardDistributorAbi, 'claim', [carol!.address, k.cumulative, k.proof])).toBe('EnforcedPause');
      expect(await fails(guardian!, c.rewardDistributor, RewardDistributorAbi, 'pause', [])).toBe('EnforcedPause');
      expect(await client.readContract({ address: c.rewardDistributor, abi: RewardDistributorAbi, functionName: 'merkleRoot' })).toBe(epoch2.root);
      expect(await fails(hub!, c.rewardDistributor, RewardDistributorAbi, 'unpause', [])).toBe('AccessControlUnauthorizedAccount');
      const unpaused = await send(guardian!, c.rewardDistributor, RewardDistributorAbi, 'unpause', []);
      expect(unpaused.logs[0]).toMatchObject({ eventName: 'Unpaused', args: { account: guardian!.address } });
      expect(await fails(guardian!, c.rewardDistributor, RewardDistributorAbi, 'unpause', [])).toBe('ExpectedPause');
      await send(carol!, c.rewardDistributor, RewardDistributorAbi, 'claim', [carol!.address, k.cumulative, k.proof]);
      expect(await client.readContract({ address: c.rewardDistributor, abi: RewardDistributorAbi, functionName: 'claimed', args: [carol!.address] })).toBe(10n);
    });

    it('keeps publishing while paused; the new root takes effect on unpause', async () => {
      const tree = rewardsTree([[alice!.address, 1000n]]);
      await send(guardian!, c.rewardDistributor, RewardDistributorAbi, 'pause', []);
      await send(hub!, c.rewardDistributor, RewardDistributorAbi, 'publishRoot', [10n, tree.root, tree.total]);
      expect(await client.readContract({ address: c.rewardDistributor, abi: RewardDistributorAbi, functionName: 'merkleRoot' })).toBe(tree.root);
      const e = tree.entries.get(alice!.address)!;
      expect(await fails(alice!, c.rewardDistributor, RewardDistributorAbi, 'claim', [alice!.address, e.cumulative, e.proof])).toBe('EnforcedPause');
      await send(guardian!, c.rewardDistributor, RewardDistributorAbi, 'unpause', []);
      expect(await fails(alice!, c.rewardDistributor, RewardDistributorAbi, 'claim', [alice!.address, e.cumulative, e.proof])).toBeNull();
    });

    it('agrees with the TypeScript tree on 1,000 random accounts', async () => {
      const accounts = Array.from({ length: 1000 }, (_, i) => [privateKeyToAccount(`0x${(BigInt(i + 1) * 7919n + 123456789n).toString(16).padStart(64, '0')}` as Hex).address, BigInt(1 + ((i * 7_654_321) % 1_000_003))] as [string, bigint]);
      const tree = rewardsTree(accounts);
      await send(hub!, c.rewardDistributor, RewardDistributorAbi, 'publishRoot', [11n, tree.root, tree.total]);
      await send(hub!, c.rewardToken, RewardTokenAbi, 'mint', [c.rewardDistributor, tree.total]);
      // Every proof verifies on chain (a simulated claim passes the proof check); a few are claimed for real.
      let checked = 0;
      for (const [account, e] of tree.entries) {
        expect(await fails(alice!, c.rewardDistributor, RewardDistributorAbi, 'claim', [account, e.cumulative, e.proof])).toBeNull();
        checked++;
      }
      expect(checked).toBe(1000);
      const [first] = tree.entries;
      await send(alice!, c.rewardDistributor, RewardDistributorAbi, 'claim', [first![0], first![1].cumulative, first![1].proof]);
      expect(await client.readContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [first![0]] })).toBe(first![1].cumulative);
    });
  });

  describe('DatasetRegistry', () => {
    const files: DatasetFile[] = ['lerobot/meta/info.json', 'lerobot/data/chunk-000/file-000.parquet', 'raw/e-1/episode.mcap'].map((path, i) => ({ path, size: 1000 + i, sha256: `${String(i).repeat(64)}`.slice(0, 64) }));
    const root = datasetMerkleRoot(files);
    const manifestHash = `0x${'11'.repeat(32)}` as Hex;

    it('publishes versions as tokens, links parents, and proves files', async () => {
      expect(await fails(alice!, c.datasetRegistry, DatasetRegistryAbi, 'publish', [alice!.address, root, manifestHash, 'uri', 'CC-BY-4.0', 0n, 0n])).toBe('AccessControlUnauthorizedAccount');
      expect(await fails(hub!, c.datasetRegistry, DatasetRegistryAbi, 'publish', [alice!.address, `0x${'00'.repeat(32)}`, manifestHash, 'uri', 'CC-BY-4.0', 0n, 0n])).toBe('ZeroRoot');
      expect(await fails(hub!, c.datasetRegistry, DatasetRegistryAbi, 'publish', [alice!.address, root, manifestHash, 'uri', 'CC-BY-4.0', 0n, 99n])).toBe('UnknownParent');
      const v1 = await send(hub!, c.datasetRegistry, DatasetRegistryAbi, 'publish', [alice!.address, root, manifestHash, 'http://hub/api/v1/datasets/d/versions/1/manifest', 'CC-BY-4.0', 0n, 0n]);
      expect(v1.logs.find((l) => l.eventName === 'DatasetPublished')).toMatchObject({ args: { tokenId: 1n, parent: 0n, minter: hub!.address, merkleRoot: root, manifestHash, price: 0n, license: 'CC-BY-4.0' } });
      expect(await client.readContract({ address: c.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'ownerOf', args: [1n] })).toBe(alice!.address);
      expect(await client.readContract({ address: c.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'tokenURI', args: [1n] })).toBe('http://hub/api/v1/datasets/d/versions/1/manifest');
      const v2 = await send(hub!, c.datasetRegistry, DatasetRegistryAbi, 'publish', [alice!.address, root, manifestHash, 'uri2', 'CC-BY-4.0', 1000n, 1n]);
      expect(v2.logs.find((l) => l.eventName === 'DatasetPublished')).toMatchObject({ args: { tokenId: 2n, parent: 1n, price: 1000n } });
      for (const f of files) {
        const proof = datasetFileProof(files, f.path);
        expect(await client.readContract({ address: c.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'verifyFile', args: [1n, f.path, BigInt(f.size), `0x${f.sha256}`, proof] })).toBe(true);
        expect(await client.readContract({ address: c.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'verifyFile', args: [1n, f.path, BigInt(f.size + 1), `0x${f.sha256}`, proof] })).toBe(false);
      }
      expect(await fails(alice!, c.datasetRegistry, DatasetRegistryAbi, 'version', [42n])).toBe('UnknownDataset');
      expect(await fails(alice!, c.datasetRegistry, DatasetRegistryAbi, 'tokenURI', [42n])).toBe('ERC721NonexistentToken');
    });

    it('sells access to priced versions into the reward pool with the fee, with the declared purpose', async () => {
      // Open versions need no purchase.
      expect(await client.readContract({ address: c.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'hasAccess', args: [1n, carol!.address] })).toBe(true);
      expect(await fails(carol!, c.datasetRegistry, DatasetRegistryAbi, 'buyAccess', [1n, 'research'])).toBe('OpenDataset');
      expect(await fails(carol!, c.datasetRegistry, DatasetRegistryAbi, 'buyAccess', [7n, 'research'])).toBe('UnknownDataset');
      expect(await client.readContract({ address: c.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'hasAccess', args: [2n, carol!.address] })).toBe(false);
      expect(await fails(alice!, c.datasetRegistry, DatasetRegistryAbi, 'setFee', [bob!.address, 500])).toBe('AccessControlUnauthorizedAccount');
      expect(await fails(admin!, c.datasetRegistry, DatasetRegistryAbi, 'setFee', [bob!.address, 2001])).toBe('FeeTooHigh');
      const fee = await send(admin!, c.datasetRegistry, DatasetRegistryAbi, 'setFee', [guardian!.address, 500]);
      expect(fee.logs[0]).toMatchObject({ eventName: 'FeeChanged', args: { recipient: guardian!.address, feeBps: 500 } });
      await send(hub!, c.rewardToken, RewardTokenAbi, 'mint', [carol!.address, 5000n]);
      // Without an allowance the transfer fails.
      expect(await fails(carol!, c.datasetRegistry, DatasetRegistryAbi, 'buyAccess', [2n, 'train a grasping policy'])).toBe('ERC20InsufficientAllowance');
      await send(carol!, c.rewardToken, RewardTokenAbi, 'approve', [c.datasetRegistry, 1000n]);
      expect(await fails(carol!, c.datasetRegistry, DatasetRegistryAbi, 'buyAccess', [2n, ''])).toBe('EmptyPurpose');
      const poolBefore = await client.readContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [c.rewardDistributor] });
      const bought = await send(carol!, c.datasetRegistry, DatasetRegistryAbi, 'buyAccess', [2n, 'train a grasping policy']);
      expect(bought.logs.find((l) => l.eventName === 'AccessPurchased')).toMatchObject({ args: { tokenId: 2n, buyer: carol!.address, paid: 1000n, fee: 50n, purpose: 'train a grasping policy' } });
      expect(await client.readContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [c.rewardDistributor] })).toBe(poolBefore + 950n);
      expect(await client.readContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [guardian!.address] })).toBe(50n);
      expect(await client.readContract({ address: c.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'hasAccess', args: [2n, carol!.address] })).toBe(true);
      expect(await fails(carol!, c.datasetRegistry, DatasetRegistryAbi, 'buyAccess', [2n, 'again'])).toBe('AlreadyBought');
      expect(await client.readContract({ address: c.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'supportsInterface', args: ['0x80ac58cd'] })).toBe(true); // ERC-721
    });
  });

  describe('EpisodeRegistry', () => {
    it('commits a batch per epoch and proves single episodes in it', async () => {
      const leaves: [Hex, Address][] = [
        [`0x${'aa'.repeat(32)}`, alice!.address],
        [`0x${'bb'.repeat(32)}`, bob!.address],
        [`0x${'cc'.repeat(32)}`, alice!.address],
      ];
      const tree = StandardMerkleTree.of(leaves, ['bytes32', 'address']);
      expect(await fails(alice!, c.episodeRegistry, EpisodeRegistryAbi, 'commit', [1n, tree.root, 3])).toBe('AccessControlUnauthorizedAccount');
      expect(await fails(hub!, c.episodeRegistry, EpisodeRegistryAbi, 'commit', [1n, tree.root, 0])).toBe('EmptyBatch');
      const committed = await send(hub!, c.episodeRegistry, EpisodeRegistryAbi, 'commit', [1n, tree.root, 3]);
      expect(committed.logs[0]).toMatchObject({ eventName: 'EpisodesCommitted', args: { epoch: 1n, root: tree.root, episodes: 3 } });
      expect(await fails(hub!, c.episodeRegistry, EpisodeRegistryAbi, 'commit', [1n, tree.root, 3])).toBe('EpochCommitted');
      for (const [i, [hash, signer]] of tree.entries()) {
        expect(await client.readContract({ address: c.episodeRegistry, abi: EpisodeRegistryAbi, functionName: 'isCommitted', args: [1n, hash as Hex, signer as Address, tree.getProof(i) as Hex[]] })).toBe(true);
        expect(await client.readContract({ address: c.episodeRegistry, abi: EpisodeRegistryAbi, functionName: 'isCommitted', args: [1n, hash as Hex, carol!.address, tree.getProof(i) as Hex[]] })).toBe(false);
      }
      expect(await client.readContract({ address: c.episodeRegistry, abi: EpisodeRegistryAbi, functionName: 'batch', args: [1n] })).toMatchObject({ root: tree.root, episodes: 3 });
    });
  });
});

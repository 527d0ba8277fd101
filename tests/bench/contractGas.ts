// Gas of the reward contracts on a real anvil chain: publishing an epoch root
// and a claim, for reward trees of growing size (the proof grows with log2 of
// the accounts), a first claim and a later claim of the same account, plus a
// dataset purchase and a dataset publish. Prints JSON.
// Usage: npm run bench:gas --workspace tests
import { createPublicClient, createWalletClient, http, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { ANVIL_DEV_KEYS, DatasetRegistryAbi, deployContracts, EpisodeRegistryAbi, RewardDistributorAbi, RewardTokenAbi, rewardsTree, startAnvil } from '@teleop/contracts';
import { sampleLoad } from './stats.ts';

const load = sampleLoad();

const anvil = await startAnvil();
try {
  const client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) }) as PublicClient;
  const [admin, hub, guardian, claimer] = ANVIL_DEV_KEYS.slice(0, 4).map((k) => privateKeyToAccount(k));
  // A new token holder per tree size, for the worst-case first claim.
  const freshBySize = new Map([10, 1_000, 100_000].map((n, i) => [n, privateKeyToAccount(ANVIL_DEV_KEYS[4 + i]!)]));
  const wallet = (a: typeof admin) => createWalletClient({ account: a!, chain: foundry, transport: http(anvil.rpcUrl) });
  const c = await deployContracts(wallet(admin), client, { hub: hub!.address, guardian: guardian!.address });
  const gas = async (hash: `0x${string}`): Promise<number> => Number((await client.waitForTransactionReceipt({ hash })).gasUsed);
  await gas(await wallet(hub).writeContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'mint', args: [c.rewardDistributor, 10n ** 30n] }));

  const rows: { accounts: number; proofLength: number; publishGas: number; claimGas: number; laterClaimGas: number; firstClaimOfNewHolderGas: number }[] = [];
  let epoch = 0n;
  let cumulative = 0n;
  for (const n of [10, 1_000, 100_000]) {
    cumulative += 1000n;
    const fresh = freshBySize.get(n)!;
    const others = Array.from({ length: n - 1 }, (_, i) => [`0x${(BigInt(i) + 0x1000n).toString(16).padStart(40, '0')}`, BigInt(1000 + i)] as [string, bigint]);
    const first = rewardsTree([[claimer!.address, cumulative], [fresh.address, 777n], ...others]);
    const publishGas = await gas(await wallet(hub).writeContract({ address: c.rewardDistributor, abi: RewardDistributorAbi, functionName: 'publishRoot', args: [++epoch, first.root, first.total] }));
    const e1 = first.entries.get(claimer!.address)!;
    // The claimer claims at every size: its first claim ever (new storage slots) is the first size's.
    const claimGas = await gas(await wallet(claimer).writeContract({ address: c.rewardDistributor, abi: RewardDistributorAbi, functionName: 'claim', args: [claimer!.address, e1.cumulative, e1.proof] }));
    cumulative += 5000n;
    const later = rewardsTree([[claimer!.address, cumulative], [fresh.address, 777n], ...others]);
    await gas(await wallet(hub).writeContract({ address: c.rewardDistributor, abi: RewardDistributorAbi, functionName: 'publishRoot', args: [++epoch, later.root, later.total] }));
    const e2 = later.entries.get(claimer!.address)!;
    // A first claim by an account that has never held the token, on this tree (worst case).
    const f = later.entries.get(fresh.address)!;
    const freshClaimGas = await gas(await wallet(fresh).writeContract({ address: c.rewardDistributor, abi: RewardDistributorAbi, functionName: 'claim', args: [fresh.address, f.cumulative, f.proof] }));
    const laterClaimGas = await gas(await wallet(claimer).writeContract({ address: c.rewardDistributor, abi: RewardDistributorAbi, functionName: 'claim', args: [claimer!.address, e2.cumulative, e2.proof] }));
    rows.push({ accounts: n, proofLength: e2.proof.length, publishGas, claimGas, laterClaimGas, firstClaimOfNewHolderGas: freshClaimGas });
  }
  const publishDataset = await gas(
    await wallet(hub).writeContract({ address: c.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'publish', args: [admin!.address, `0x${'ab'.repeat(32)}`, `0x${'cd'.repeat(32)}`, 'http://127.0.0.1:8080/api/v1/datasets/demo/versions/1/manifest', 'CC-BY-4.0', 1000n, 0n] }),
  );
  await gas(await wallet(hub).writeContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'mint', args: [claimer!.address, 10_000n] }));
  await gas(await wallet(claimer).writeContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'approve', args: [c.datasetRegistry, 1000n] }));
  const buyAccess = await gas(await wallet(claimer).writeContract({ address: c.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'buyAccess', args: [1n, 'train a pick-and-place policy'] }));
  // What the hub sends per epoch besides the root: the mint of the epoch's emission into the distributor and
  // the commitment of the epoch's accepted episodes (one root whatever their number).
  const mintGas = await gas(await wallet(hub).writeContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'mint', args: [c.rewardDistributor, 10n ** 18n] }));
  const commitGas = await gas(await wallet(hub).writeContract({ address: c.episodeRegistry, abi: EpisodeRegistryAbi, functionName: 'commit', args: [1n, `0x${'ef'.repeat(32)}`, 500] }));
  const epochPublishGas = rows.at(-1)!.publishGas + mintGas + commitGas;
  console.log(JSON.stringify({ benchmark: 'contract_gas', claims: rows, epoch: { mintGas, publishRootGas: rows.at(-1)!.publishGas, commitEpisodesGas: commitGas, total: epochPublishGas }, datasetPublishGas: publishDataset, buyAccessGas: buyAccess, target: { claimGas: 90_000 }, machine: load.stop() }, null, 2));
} finally {
  await anvil.stop();
}
process.exit(0);

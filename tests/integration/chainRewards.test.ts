// The chain end to end, all real: anvil with the contracts deployed, a hub
// pointed at them, a simulated robot whose owner is a wallet, an operator and
// a reviewer. Accepted episodes are settled into an epoch (root on chain,
// episodes committed), the operator claims from the distributor with the
// hub's proof, a priced dataset version is published as a token, refused to
// a researcher until they buy access on chain with a declared purpose, then
// pulled and checked against the on-chain root; the contributors see that
// purchase and the downloads; the revenue reaches them in the next epoch;
// owners keep private robots out of datasets.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, createWalletClient, http, numberToHex, type Address, type Hex, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import {
  ANVIL_DEV_KEYS,
  DatasetRegistryAbi,
  deployContracts,
  EpisodeRegistryAbi,
  RewardDistributorAbi,
  RewardTokenAbi,
  startAnvil,
  type ContractAddresses,
  type RunningAnvil,
} from '@teleop/contracts';
import { OperatorClient } from '../harness/OperatorClient.ts';
import { keyFor, signIn, type SignedIn } from '../harness/signIn.ts';
import { grantCurator } from '../harness/curators.ts';
import { episode, recordAcceptedEpisodes } from '../harness/episodes.ts';
import { testBlobStore } from '../harness/blobs.ts';
import { eventually, runHubCli, startAgent, startHub, tempDir, type RunningHub, type TestProcess } from '../harness/processes.ts';

const RATE = 10n ** 16n;
const PRICE = 5n * 10n ** 18n;

interface Rewards {
  address: Address;
  epoch: number | null;
  root: Hex | null;
  cumulative: string;
  claimed: string | null;
  claimable: string | null;
  proof: Hex[];
  epochs: { epoch: number; amount: string; credits: { episodeId: string; role: string; source: string; amount: string }[] }[];
}

describe('chain: rewards, claims, paid access, usage, data policy', () => {
  const data = tempDir('chain');
  const pulled = tempDir('chain-pull');
  let anvil: RunningAnvil;
  let client: PublicClient;
  let c: ContractAddresses;
  let hub: RunningHub;
  let agent: TestProcess;
  let op: OperatorClient;
  let robotId: string;
  let owner: SignedIn;
  let reviewer: SignedIn;
  let researcher: SignedIn;
  let admin: SignedIn;
  let episodeIds: string[] = [];
  const hubAccount = privateKeyToAccount(ANVIL_DEV_KEYS[1]);

  const wallet = (key: Hex) => createWalletClient({ account: privateKeyToAccount(key), chain: client.chain!, transport: http(anvil.rpcUrl) });
  const api = async <T>(path: string, token?: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${hub.url}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } });
    return { status: res.status, body: (await res.json()) as T };
  };
  const send = async (key: Hex, address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[]): Promise<void> => {
    const w = wallet(key);
    const { request } = await client.simulateContract({ account: w.account, address, abi, functionName, args } as never);
    const hash = await w.writeContract(request as never);
    expect((await client.waitForTransactionReceipt({ hash })).status).toBe('success');
  };
  /** The custom error a call reverts with. */
  const revertOf = async (key: Hex, address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[]): Promise<string> => {
    try {
      await client.simulateContract({ account: privateKeyToAccount(key), address, abi, functionName, args } as never);
      return 'no revert';
    } catch (err) {
      return (err as { cause?: { data?: { errorName?: string } } }).cause?.data?.errorName ?? (err as Error).message;
    }
  };
  const settle = (token: string) => api<{ epoch: { epoch: number; root: Hex; state: string; episodesRoot: Hex | null; episodes: number } | null; message?: string }>('/api/v1/rewards/settle', token, { method: 'POST' });

  beforeAll(async () => {
    anvil = await startAnvil();
    client = createPublicClient({ chain: { id: anvil.chainId, name: 'anvil', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [anvil.rpcUrl] } } }, transport: http(anvil.rpcUrl) }) as PublicClient;
    c = await deployContracts(wallet(ANVIL_DEV_KEYS[0]), client, { hub: hubAccount.address, guardian: privateKeyToAccount(ANVIL_DEV_KEYS[2]).address });
    const contractsFile = join(data.path, 'contracts.json');
    writeFileSync(contractsFile, JSON.stringify({ contracts: c }));
    for (const name of ['chain-operator', 'chain-owner', 'chain-reviewer', 'chain-researcher']) {
      await client.request({ method: 'anvil_setBalance' as never, params: [privateKeyToAccount(keyFor(name)).address, numberToHex(10n ** 18n)] as never });
    }
    const ownerAddress = privateKeyToAccount(keyFor('chain-owner')).address;
    const enrolled = await runHubCli(['robots', 'enroll', '--data', data.path, '--name', 'owned arm', '--model', 'so101_follower', '--owner', ownerAddress, '--json']);
    expect(enrolled.code).toBe(0);
    const creds = JSON.parse(enrolled.stdout) as { robotId: string; secret: string };
    robotId = creds.robotId;
    const adminAddress = privateKeyToAccount(keyFor('chain-admin')).address;
    hub = await startHub(data.path, [
      '--ice-host-addresses', '127.0.0.1',
      '--reviews-per-episode', '1',
      '--rpc-url', anvil.rpcUrl,
      '--contracts', contractsFile,
      '--hub-key', ANVIL_DEV_KEYS[1],
      '--epoch-interval-s', '0',
      '--admin-addresses', adminAddress,
      '--reward-rate', RATE.toString(),
    ]);
    agent = await startAgent(hub.url, creds, ['--ice-host-addresses', '127.0.0.1', '--camera', 'name=front,source=test,size=160x120,fps=30,codec=vp8']);
    op = await OperatorClient.connect(hub.url, 'chain-operator');
    owner = await signIn(hub.url, keyFor('chain-owner'));
    reviewer = await signIn(hub.url, keyFor('chain-reviewer'));
    researcher = await signIn(hub.url, keyFor('chain-researcher'));
    admin = await signIn(hub.url, keyFor('chain-admin'));
    await eventually(async () => (await op.listRobots()).find((r) => r.robotId === robotId && r.online), undefined, 'robot online');
    await op.subscribe(robotId);
    expect((await op.requestLease(robotId)).status).toBe('granted');
    episodeIds = await recordAcceptedEpisodes(hub.url, op, robotId, ['pick the cube', 'push the block'], reviewer.token);
  });

  afterAll(async () => {
    op?.close();
    await agent?.stop();
    await hub?.process.stop();
    await anvil?.stop();
    data.remove();
    pulled.remove();
  });

  it('settles an epoch: credits split between operator, owner and reviewer, root on chain, episodes committed', async () => {
    expect((await api('/api/v1/chain')).body).toMatchObject({ chainId: anvil.chainId, contracts: c, hub: hubAccount.address });
    expect((await settle(op.token)).status).toBe(403);
    const { status, body } = await settle(admin.token);
    expect(status).toBe(200);
    expect(body.epoch).toMatchObject({ epoch: 1, state: 'published', episodes: 2 });
    const root = body.epoch!.root;
    expect(await client.readContract({ address: c.rewardDistributor, abi: RewardDistributorAbi, functionName: 'merkleRoot' })).toBe(root);
    expect(await client.readContract({ address: c.rewardDistributor, abi: RewardDistributorAbi, functionName: 'epoch' })).toBe(1n);

    // Each episode's value is its hub-verified duration x score x rate (never the manifest's own start and end);
    // the operator gets 60%, the owner 25%, the reviewer 15%.
    let expectedValue = 0n;
    for (const id of episodeIds) {
      const e = (await episode(hub.url, op.token, id)) as unknown as { score: number; verifiedMs: number; endedAt: string; startedAt: string; manifest: { manifest: { startNs: string; endNs: string } } };
      expect(e.verifiedMs).toBeGreaterThan(0);
      expect(e.verifiedMs).toBeLessThanOrEqual(Date.parse(e.endedAt) - Date.parse(e.startedAt));
      expectedValue += (BigInt(e.verifiedMs) * BigInt(Math.round(e.score * 1e6)) * RATE) / 1_000_000_000n;
    }
    const mine = async (who: Address) => (await api<Rewards>(`/api/v1/rewards/${who}`)).body;
    const operatorRewards = await mine(op.address as Address);
    const ownerRewards = await mine(owner.address);
    const reviewerRewards = await mine(reviewer.address);
    expect(operatorRewards.epoch).toBe(1);
    expect(operatorRewards.epochs[0]!.credits.map((x) => x.episodeId).sort()).toEqual([...episodeIds].sort());
    expect(operatorRewards.epochs[0]!.credits.every((x) => x.role === 'operator' && x.source === 'episode')).toBe(true);
    const total = BigInt(operatorRewards.cumulative) + BigInt(ownerRewards.cumulative) + BigInt(reviewerRewards.cumulative);
    expect(total).toBeLessThanOrEqual(expectedValue);
    expect(expectedValue - total).toBeLessThan(10n); // rounding of the split, per episode
    expect(Number(BigInt(operatorRewards.cumulative) * 1000n / expectedValue)).toBeCloseTo(600, -1);
    expect(Number(BigInt(ownerRewards.cumulative) * 1000n / expectedValue)).toBeCloseTo(250, -1);
    // What was minted into the distributor covers every claim.
    expect(await client.readContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [c.rewardDistributor] })).toBeGreaterThanOrEqual(total);

    // The epoch in full (every leaf and proof) over the API and as a file in the data directory.
    const doc = (await api<{ rewards: { root: Hex; leaves: { account: string; cumulative: string }[] }; episodes: { root: Hex; leaves: unknown[] } }>('/api/v1/rewards/epochs/1')).body;
    expect(doc.rewards.root).toBe(root);
    expect(doc.rewards.leaves.map((l) => l.account).sort()).toEqual([op.address, owner.address, reviewer.address].sort());
    expect(doc.episodes.leaves).toHaveLength(2);
    // The audit document sits in the hub's blob store (files under the data directory, or S3) beside episodes and datasets.
    const stored = await (await testBlobStore(data.path)).read('rewards/epoch-000001.json').toArray();
    expect(JSON.parse(Buffer.concat(stored).toString('utf8'))).toEqual(doc);
    expect((await api('/api/v1/rewards/epochs/99')).status).toBe(404);

    // Any accepted episode can be proven to be in the epoch's commitment, on chain.
    const commit = (await api<{ epoch: number; root: Hex; manifestHash: Hex; signer: Address; proof: Hex[] }>(`/api/v1/episodes/${episodeIds[0]}/commitment`)).body;
    expect(commit.epoch).toBe(1);
    expect(await client.readContract({ address: c.episodeRegistry, abi: EpisodeRegistryAbi, functionName: 'isCommitted', args: [1n, commit.manifestHash, commit.signer, commit.proof] })).toBe(true);
    expect(await client.readContract({ address: c.episodeRegistry, abi: EpisodeRegistryAbi, functionName: 'isCommitted', args: [1n, commit.manifestHash, owner.address, commit.proof] })).toBe(false);
  });

  it('settling again with nothing new changes nothing: same epoch, same root', async () => {
    const before = (await api<{ epochs: { epoch: number; root: string }[] }>('/api/v1/rewards/epochs')).body.epochs;
    const again = await settle(admin.token);
    expect(again.body.epoch).toBeNull();
    expect((await api<{ epochs: { epoch: number; root: string }[] }>('/api/v1/rewards/epochs')).body.epochs).toEqual(before);
    expect(await client.readContract({ address: c.rewardDistributor, abi: RewardDistributorAbi, functionName: 'epoch' })).toBe(1n);
  });

  it('lets a contributor claim with the proof the hub serves, once', async () => {
    const r = (await api<Rewards>(`/api/v1/rewards/${op.address}`)).body;
    expect(r.claimable).toBe(r.cumulative);
    const key = keyFor('chain-operator');
    // Someone else's amount, or more than the tree says, fails.
    expect(await revertOf(key, c.rewardDistributor, RewardDistributorAbi, 'claim', [op.address, BigInt(r.cumulative) + 1n, r.proof])).toBe('InvalidProof');
    expect(await revertOf(key, c.rewardDistributor, RewardDistributorAbi, 'claim', [owner.address, BigInt(r.cumulative), r.proof])).toBe('InvalidProof');
    await send(key, c.rewardDistributor, RewardDistributorAbi, 'claim', [op.address, BigInt(r.cumulative), r.proof]);
    expect(await client.readContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [op.address as Address] })).toBe(BigInt(r.cumulative));
    expect(await revertOf(key, c.rewardDistributor, RewardDistributorAbi, 'claim', [op.address, BigInt(r.cumulative), r.proof])).toBe('NothingToClaim');
    const after = (await api<Rewards>(`/api/v1/rewards/${op.address}`)).body;
    expect(after).toMatchObject({ claimed: r.cumulative, claimable: '0' });
  });

  let datasetName = '';
  let tokenId = 0;

  it('publishes a priced dataset version as a token, refuses downloads until access is bought, then serves and verifies against the chain', async () => {
    datasetName = 'paid-demos';
    // Building versions is for curators, whom admins name.
    const refused = await api<{ error: string }>('/api/v1/datasets', op.token, { method: 'POST', body: JSON.stringify({ name: datasetName, price: PRICE.toString(), selection: { robotId } }) });
    expect([refused.status, refused.body.error]).toEqual([403, 'forbidden']);
    await grantCurator(hub.url, op.address, admin.token);
    const created = await api<{ datasetId: string; version: number }>('/api/v1/datasets', op.token, { method: 'POST', body: JSON.stringify({ name: datasetName, license: 'CC-BY-NC-4.0', price: PRICE.toString(), selection: { robotId } }) });
    expect(created.status).toBe(202);
    const v = await eventually(async () => {
      const x = (await api<{ state: string; tokenId: number | null; merkleRoot: Hex; manifestHash: Hex }>(`/api/v1/datasets/${datasetName}/versions/1`)).body;
      return x.state === 'failed' ? x : x.tokenId !== null ? x : undefined;
    }, undefined, 'version built and published');
    expect(v.state).toBe('ready');
    tokenId = v.tokenId!;
    const onChain = await client.readContract({ address: c.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'version', args: [BigInt(tokenId)] });
    expect(onChain).toMatchObject({ merkleRoot: v.merkleRoot, manifestHash: v.manifestHash, price: PRICE, license: 'CC-BY-NC-4.0', parent: 0n });
    expect(await client.readContract({ address: c.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'ownerOf', args: [BigInt(tokenId)] })).toBe(op.address);

    const file = `/api/v1/datasets/${datasetName}/versions/1/files/lerobot/meta/info.json`;
    expect((await fetch(`${hub.url}${file}`)).status).toBe(402);
    expect((await fetch(`${hub.url}${file}`, { headers: { authorization: `Bearer ${researcher.token}` } })).status).toBe(402);
    expect((await fetch(`${hub.url}/api/v1/datasets/${datasetName}/versions/1/archive.tar`, { headers: { authorization: `Bearer ${researcher.token}` } })).status).toBe(402);

    // The researcher gets tokens (minted by the hub's account here) and buys access with a purpose.
    await send(ANVIL_DEV_KEYS[1], c.rewardToken, RewardTokenAbi, 'mint', [researcher.address, PRICE]);
    const key = keyFor('chain-researcher');
    // Without an allowance the token refuses (its errors decoded with its ABI).
    const withTokenErrors = [...DatasetRegistryAbi, ...RewardTokenAbi.filter((x) => x.type === 'error')];
    expect(await revertOf(key, c.datasetRegistry, withTokenErrors, 'buyAccess', [BigInt(tokenId), 'training a grasp policy'])).toBe('ERC20InsufficientAllowance');
    await send(key, c.rewardToken, RewardTokenAbi, 'approve', [c.datasetRegistry, PRICE]);
    await send(key, c.datasetRegistry, DatasetRegistryAbi, 'buyAccess', [BigInt(tokenId), 'training a grasp policy']);
    expect((await fetch(`${hub.url}${file}`, { headers: { authorization: `Bearer ${researcher.token}` } })).status).toBe(200);
    expect((await fetch(`${hub.url}${file}`, { headers: { authorization: `Bearer ${reviewer.token}` } })).status).toBe(402);

    const pull = await runHubCli(['dataset', 'pull', `${datasetName}@1`, '--hub', hub.url, '--out', pulled.path, '--token', researcher.token, '--rpc-url', anvil.rpcUrl, '--json']);
    expect(pull.stderr).toBe('');
    expect(pull.code).toBe(0);
    const report = JSON.parse(pull.stdout) as { root: string; onChain: { tokenId: number; root: string } };
    expect(report.onChain).toMatchObject({ tokenId, root: v.merkleRoot });
  });

  it('shows contributors every purchase (with its purpose) and download of datasets holding their episodes', async () => {
    await eventually(async () => {
      const u = (await api<{ datasets: { name: string; purchases: unknown[] }[] }>('/api/v1/me/usage', owner.token)).body;
      return u.datasets.find((d) => d.name === datasetName)?.purchases.length === 1;
    }, undefined, 'purchase followed from the chain');
    for (const who of [op.token, owner.token, reviewer.token]) {
      const u = (await api<{ datasets: { name: string; myEpisodes: { episodeId: string; as: string[] }[]; purchases: { buyer: string; purpose: string; paid: string }[]; downloads: { address: string | null; kind: string; path: string | null }[] }[] }>('/api/v1/me/usage', who)).body;
      const d = u.datasets.find((x) => x.name === datasetName)!;
      expect(d.myEpisodes.map((e) => e.episodeId).sort()).toEqual([...episodeIds].sort());
      expect(d.purchases).toEqual([expect.objectContaining({ buyer: researcher.address, purpose: 'training a grasp policy', paid: PRICE.toString() })]);
      expect(d.downloads).toContainEqual(expect.objectContaining({ address: researcher.address, kind: 'file', path: 'lerobot/meta/info.json', purpose: 'purchase' }));
    }
    // The hub keeps how far it read the chain (so a restart does not rescan it).
    const receipt = await client.getBlockNumber();
    const readTo = (await api<{ purchasesReadToBlock: number }>('/api/v1/chain')).body.purchasesReadToBlock;
    expect(readTo).toBeGreaterThan(0);
    expect(readTo).toBeLessThanOrEqual(Number(receipt));
    // Someone with no episodes in it sees nothing of it.
    const other = await signIn(hub.url);
    expect((await api<{ datasets: unknown[] }>('/api/v1/me/usage', other.token)).body.datasets).toEqual([]);
    expect((await api('/api/v1/me/usage')).status).toBe(401);
  });

  it('credits the purchase revenue to the contributors in the next epoch', async () => {
    const before = BigInt((await api<Rewards>(`/api/v1/rewards/${owner.address}`)).body.cumulative);
    const { body } = await settle(admin.token);
    expect(body.epoch).toMatchObject({ epoch: 2, state: 'published', episodes: 0 });
    const after = (await api<Rewards>(`/api/v1/rewards/${owner.address}`)).body;
    const fromPurchase = after.epochs.find((e) => e.epoch === 2)!.credits;
    expect(fromPurchase.every((x) => x.source === 'purchase' && x.role === 'owner')).toBe(true);
    // The owner's 25% of the revenue (no hub fee is set), split pro rata over the version's episodes.
    expect(BigInt(after.cumulative) - before).toBeLessThanOrEqual(PRICE / 4n);
    expect(PRICE / 4n - (BigInt(after.cumulative) - before)).toBeLessThan(10n);
    // The owner claims everything from both epochs in one transaction.
    await send(keyFor('chain-owner'), c.rewardDistributor, RewardDistributorAbi, 'claim', [owner.address, BigInt(after.cumulative), after.proof]);
    expect(await client.readContract({ address: c.rewardToken, abi: RewardTokenAbi, functionName: 'balanceOf', args: [owner.address] })).toBe(BigInt(after.cumulative));
  });

  it("keeps a private robot's episodes out of datasets, and a restricted one's to its listed buyers", async () => {
    const setPolicy = (token: string, body: unknown) => api<{ dataPolicy?: string; message?: string }>(`/api/v1/robots/${robotId}/data-policy`, token, { method: 'PUT', body: JSON.stringify(body) });
    expect((await setPolicy(op.token, { policy: 'private' })).status).toBe(403);
    expect((await setPolicy(owner.token, { policy: 'restricted' })).status).toBe(400);
    expect((await setPolicy(owner.token, { policy: 'private' })).body.dataPolicy).toBe('private');
    const create = (body: unknown) => api<{ error?: string; message?: string; datasetId?: string }>('/api/v1/datasets', op.token, { method: 'POST', body: JSON.stringify(body) });
    const refused = await create({ name: 'should-be-empty', selection: { robotId } });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/owners' terms let this version hold.*private/);
    const explicit = await create({ name: 'explicit-private', selection: { episodeIds } });
    expect([explicit.status, explicit.body.error]).toEqual([422, 'breaks_terms']);
    expect(explicit.body.message).toContain(`${episodeIds[0]} (private: robot ${robotId}'s owner keeps it private)`);

    expect((await setPolicy(owner.token, { policy: 'restricted', allowedBuyers: [researcher.address] })).body.dataPolicy).toBe('restricted');
    expect((await create({ name: 'open-to-all', selection: { robotId } })).status).toBe(422);
    expect((await create({ name: 'for-someone-else', selection: { robotId }, price: PRICE.toString(), allowedBuyers: [reviewer.address] })).status).toBe(422);
    // Free for the listed buyer would give away what paid-demos sells.
    const free = await create({ name: 'for-the-researcher-free', selection: { episodeIds }, allowedBuyers: [researcher.address] });
    expect([free.status, free.body.error]).toEqual([422, 'breaks_terms']);
    expect(free.body.message).toMatch(/sold: it is sold in paid-demos-v1/);
    const listed = await create({ name: 'for-the-researcher', selection: { robotId }, price: PRICE.toString(), allowedBuyers: [researcher.address] });
    expect(listed.status).toBe(202);
    expect((await setPolicy(owner.token, { policy: 'open' })).body.dataPolicy).toBe('open');
  });
});

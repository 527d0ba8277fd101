// The hub's side of the chain: it publishes dataset versions (DatasetRegistry
// tokens with their Merkle roots), mints each epoch's rewards into the
// distributor and publishes the epoch's root, commits accepted episodes per
// epoch, answers whether an address bought access to a priced version, and
// follows purchases. All through viem with the generated ABIs; one
// transaction at a time from the hub's account.
import { readFileSync } from 'node:fs';
import {
  createPublicClient,
  createWalletClient,
  getAddress,
  http,
  parseEventLogs,
  type Account,
  type Address,
  type Chain,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { DatasetRegistryAbi, EpisodeRegistryAbi, RewardDistributorAbi, RewardTokenAbi, type ContractAddresses } from '@teleop/contracts';
import type { Logger } from '../log.ts';

export class ChainError extends Error {
  override name = 'ChainError';
}

export interface ChainConfig {
  rpcUrl: string;
  chainId: number;
  /** The hub's account key (publisher / minter). */
  hubKey: Hex;
  contracts: ContractAddresses;
}

/** Reads a contracts file: { "contracts": { robotRegistry, rewardToken, rewardDistributor, datasetRegistry, episodeRegistry } }. */
export function readContractsFile(path: string): ContractAddresses {
  let parsed: { contracts?: Partial<ContractAddresses> };
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as { contracts?: Partial<ContractAddresses> };
  } catch (err) {
    throw new ChainError(`cannot read contract addresses from ${path}: ${(err as Error).message}`);
  }
  const c = parsed.contracts ?? {};
  const keys = ['robotRegistry', 'rewardToken', 'rewardDistributor', 'datasetRegistry', 'episodeRegistry'] as const;
  const missing = keys.filter((k) => typeof c[k] !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(c[k]!));
  if (missing.length) throw new ChainError(`${path} lacks contract addresses: ${missing.join(', ')}`);
  return Object.fromEntries(keys.map((k) => [k, getAddress(c[k]!)])) as unknown as ContractAddresses;
}

export interface PurchaseEvent {
  id: string;
  tokenId: bigint;
  buyer: Address;
  paid: bigint;
  fee: bigint;
  purpose: string;
  blockNumber: bigint;
}

export class ChainService {
  readonly account: Account;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly accessCache = new Map<string, number>();

  private constructor(
    readonly config: ChainConfig,
    readonly client: PublicClient,
    private readonly wallet: WalletClient<Transport, Chain, Account>,
    private readonly logger: Logger,
  ) {
    this.account = wallet.account;
  }

  static async connect(config: ChainConfig, logger: Logger): Promise<ChainService> {
    const chain: Chain = { id: config.chainId, name: `chain ${config.chainId}`, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [config.rpcUrl] } } };
    const client = createPublicClient({ chain, transport: http(config.rpcUrl) }) as PublicClient;
    let chainId: number;
    try {
      chainId = await client.getChainId();
    } catch (err) {
      throw new ChainError(`cannot reach the chain at ${config.rpcUrl}: ${(err as Error).message}`);
    }
    if (chainId !== config.chainId) throw new ChainError(`the chain at ${config.rpcUrl} is chain ${chainId}, not ${config.chainId}`);
    for (const [name, address] of Object.entries(config.contracts)) {
      const code = await client.getCode({ address: address as Address });
      if (!code || code === '0x') throw new ChainError(`no contract ${name} at ${address} on chain ${chainId}`);
    }
    const wallet = createWalletClient({ account: privateKeyToAccount(config.hubKey), chain, transport: http(config.rpcUrl) });
    logger.info({ rpcUrl: config.rpcUrl, chainId, hub: wallet.account.address }, 'connected to the chain');
    return new ChainService(config, client, wallet, logger);
  }

  /** Sends one transaction at a time (nonces stay in order), simulating first so reverts come back named. */
  private send(address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[]): Promise<{ hash: Hex; logs: { eventName: string; args: Record<string, unknown> }[] }> {
    const run = async (): Promise<{ hash: Hex; logs: { eventName: string; args: Record<string, unknown> }[] }> => {
      const { request } = await this.client.simulateContract({ account: this.account, address, abi, functionName, args } as never);
      const hash = await this.wallet.writeContract(request as never);
      const receipt = await this.client.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new ChainError(`${functionName} reverted (${hash})`);
      return { hash, logs: parseEventLogs({ abi: abi as never, logs: receipt.logs }) as never };
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async publishDataset(o: { to: Address; merkleRoot: Hex; manifestHash: Hex; uri: string; license: string; price: bigint; parentTokenId: bigint }): Promise<{ tokenId: bigint; hash: Hex }> {
    const { hash, logs } = await this.send(this.config.contracts.datasetRegistry, DatasetRegistryAbi, 'publish', [o.to, o.merkleRoot, o.manifestHash, o.uri, o.license, o.price, o.parentTokenId]);
    const ev = logs.find((l) => l.eventName === 'DatasetPublished');
    if (!ev) throw new ChainError(`publish ${hash} emitted no DatasetPublished`);
    return { tokenId: ev.args.tokenId as bigint, hash };
  }

  /** Whether `buyer` may download version `tokenId` (open versions: anyone). Positive answers are cached a minute. */
  async hasAccess(tokenId: bigint, buyer: Address): Promise<boolean> {
    const key = `${tokenId}:${buyer.toLowerCase()}`;
    if ((this.accessCache.get(key) ?? 0) > Date.now()) return true;
    const ok = await this.client.readContract({ address: this.config.contracts.datasetRegistry, abi: DatasetRegistryAbi, functionName: 'hasAccess', args: [tokenId, buyer] });
    if (ok) this.accessCache.set(key, Date.now() + 60_000);
    return ok;
  }

  async mintRewards(amount: bigint): Promise<Hex | null> {
    return this.mintTo(this.config.contracts.rewardDistributor, amount);
  }

  async mintTo(to: Address, amount: bigint): Promise<Hex | null> {
    if (amount === 0n) return null;
    return (await this.send(this.config.contracts.rewardToken, RewardTokenAbi, 'mint', [to, amount])).hash;
  }

  async publishRewardsRoot(epoch: bigint, root: Hex, totalCumulative: bigint): Promise<Hex> {
    return (await this.send(this.config.contracts.rewardDistributor, RewardDistributorAbi, 'publishRoot', [epoch, root, totalCumulative])).hash;
  }

  async publishedEpoch(): Promise<bigint> {
    return this.client.readContract({ address: this.config.contracts.rewardDistributor, abi: RewardDistributorAbi, functionName: 'epoch' });
  }

  async claimed(account: Address): Promise<bigint> {
    return this.client.readContract({ address: this.config.contracts.rewardDistributor, abi: RewardDistributorAbi, functionName: 'claimed', args: [account] });
  }

  async commitEpisodes(epoch: bigint, root: Hex, count: number): Promise<Hex> {
    return (await this.send(this.config.contracts.episodeRegistry, EpisodeRegistryAbi, 'commit', [epoch, root, count])).hash;
  }

  async episodesCommitted(epoch: bigint): Promise<boolean> {
    const b = await this.client.readContract({ address: this.config.contracts.episodeRegistry, abi: EpisodeRegistryAbi, functionName: 'batch', args: [epoch] });
    return BigInt(b.root) !== 0n;
  }

  /** AccessPurchased events from `fromBlock` on, and the block they were read up to. */
  async purchasesSince(fromBlock: bigint): Promise<{ purchases: PurchaseEvent[]; toBlock: bigint }> {
    const toBlock = await this.client.getBlockNumber();
    if (toBlock < fromBlock) return { purchases: [], toBlock: fromBlock - 1n };
    const logs = await this.client.getContractEvents({ address: this.config.contracts.datasetRegistry, abi: DatasetRegistryAbi, eventName: 'AccessPurchased', fromBlock, toBlock });
    return {
      toBlock,
      purchases: logs.map((l) => ({
        id: `${l.transactionHash}:${l.logIndex}`,
        tokenId: l.args.tokenId!,
        buyer: l.args.buyer!,
        paid: l.args.paid!,
        fee: l.args.fee!,
        purpose: l.args.purpose!,
        blockNumber: l.blockNumber,
      })),
    };
  }

  /** What the console needs to send transactions itself (claims, purchases). */
  describe(): { rpcUrl: string; chainId: number; contracts: ContractAddresses; hub: Address } {
    return { rpcUrl: this.config.rpcUrl, chainId: this.config.chainId, contracts: this.config.contracts, hub: this.account.address };
  }

  log(): Logger {
    return this.logger;
  }
}

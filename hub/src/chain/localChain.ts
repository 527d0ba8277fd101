// The embedded default's chain: a real anvil on a free local port whose state
// is kept in the data directory, with the contracts deployed once and their
// addresses kept in <data>/chain.json. Accounts are anvil's well-known dev
// keys: #0 deploys and administers, #1 is the hub (publisher, minter), #2 the
// guardian who may pause claims. Local development only.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPublicClient, createWalletClient, http, type Address, type Hex, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { ANVIL_DEV_KEYS, deployContracts, startAnvil, type ContractAddresses, type RunningAnvil } from '@teleop/contracts';
import type { Logger } from '../log.ts';

export interface LocalChainFile {
  rpcUrl: string;
  chainId: number;
  contracts: ContractAddresses;
  /** Which anvil dev account is the hub (its key is the public dev key of that index). */
  hubDevAccount: number;
  deployedAt: string;
}

export const LOCAL_HUB_KEY: Hex = ANVIL_DEV_KEYS[1];

export function localChainFile(dataDir: string): string {
  return join(dataDir, 'chain.json');
}

export function readLocalChain(dataDir: string): LocalChainFile | null {
  const file = localChainFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalChainFile;
  } catch {
    return null;
  }
}

export async function startLocalChain(o: { dataDir: string; chainId: number; logger: Logger }): Promise<{ anvil: RunningAnvil; contracts: ContractAddresses; hubKey: Hex; admin: Address }> {
  const anvil = await startAnvil({ chainId: o.chainId, statePath: join(o.dataDir, 'anvil-state.json') });
  try {
    const chain = { id: o.chainId, name: 'anvil', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [anvil.rpcUrl] } } } as const;
    const client = createPublicClient({ chain, transport: http(anvil.rpcUrl) }) as PublicClient;
    const admin = privateKeyToAccount(ANVIL_DEV_KEYS[0]);
    const saved = readLocalChain(o.dataDir);
    let contracts = saved && saved.chainId === o.chainId ? saved.contracts : null;
    if (contracts) {
      const codes = await Promise.all(Object.values(contracts).map((address) => client.getCode({ address })));
      if (codes.some((c) => !c || c === '0x')) {
        o.logger.warn({ file: localChainFile(o.dataDir) }, 'the local chain lost its contracts (anvil state missing); deploying them again — rewards and dataset tokens recorded before refer to the old chain');
        contracts = null;
      }
    }
    if (!contracts) {
      const wallet = createWalletClient({ account: admin, chain, transport: http(anvil.rpcUrl) });
      contracts = await deployContracts(wallet, client, { hub: privateKeyToAccount(LOCAL_HUB_KEY).address, guardian: privateKeyToAccount(ANVIL_DEV_KEYS[2]).address });
      o.logger.info({ contracts }, 'contracts deployed on the local chain');
    }
    const file: LocalChainFile = { rpcUrl: anvil.rpcUrl, chainId: o.chainId, contracts, hubDevAccount: 1, deployedAt: saved?.contracts === contracts ? saved.deployedAt : new Date().toISOString() };
    writeFileSync(localChainFile(o.dataDir), JSON.stringify(file, null, 2));
    return { anvil, contracts, hubKey: LOCAL_HUB_KEY, admin: admin.address };
  } catch (err) {
    await anvil.stop();
    throw err;
  }
}

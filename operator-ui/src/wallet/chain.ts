// Transactions from the console, sent by the signed-in wallet itself: claims
// and dataset purchases. An injected wallet (window.ethereum) signs and sends
// through its own node; the burner wallet of the embedded default signs here
// and sends through the hub's JSON-RPC relay. The hub never holds a user's key.
import { createPublicClient, createWalletClient, custom, formatUnits, getAddress, http, type Account, type Address, type Chain, type Hex, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { httpApi } from '@teleop/proto';
import { api } from '../hub/api.ts';
import { BURNER_KEY, injectedProvider } from './signIn.ts';

export type ChainInfo = httpApi.ChainInfo;

export class ChainUnavailableError extends Error {}

let info: Promise<ChainInfo | null> | null = null;

/** The chain the hub uses, or null when it runs without one. */
export function chainInfo(): Promise<ChainInfo | null> {
  info ??= api<httpApi.ChainAnswer>('/api/v1/chain').then((c) => (c.chainId === null ? null : c));
  return info;
}

function chainOf(c: ChainInfo): Chain {
  const rpc = new URL(c.rpcRelay, window.location.origin).toString();
  return { id: c.chainId, name: `chain ${c.chainId}`, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [rpc] } } };
}

export function publicClient(c: ChainInfo): PublicClient {
  const chain = chainOf(c);
  return createPublicClient({ chain, transport: http(chain.rpcUrls.default.http[0]) }) as PublicClient;
}

/** A wallet that can send for `address` (the signed-in one): the injected wallet if it holds it, else this browser's burner. */
async function walletFor(c: ChainInfo, address: string) {
  const chain = chainOf(c);
  const provider = injectedProvider();
  if (provider) {
    const accounts = ((await provider.request({ method: 'eth_accounts' })) as string[]).map((a) => getAddress(a));
    if (accounts.includes(getAddress(address))) {
      await provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: `0x${c.chainId.toString(16)}` }] }).catch(() => undefined);
      return createWalletClient({ account: getAddress(address), chain, transport: custom(provider) });
    }
  }
  const key = localStorage.getItem(BURNER_KEY) as Hex | null;
  const burner: Account | null = key ? privateKeyToAccount(key) : null;
  if (!burner || burner.address !== getAddress(address)) throw new ChainUnavailableError(`this browser holds no key for ${address}: connect the wallet you signed in with`);
  return createWalletClient({ account: burner, chain, transport: http(chain.rpcUrls.default.http[0]) });
}

/** Sends one contract call from the signed-in wallet (simulated first, so a revert comes back named) and waits for it. */
export async function sendFromWallet(c: ChainInfo, from: string, call: { address: Address; abi: readonly unknown[]; functionName: string; args: readonly unknown[] }): Promise<Hex> {
  const client = publicClient(c);
  const wallet = await walletFor(c, from);
  const { request } = await client.simulateContract({ ...call, account: wallet.account } as never);
  const hash = await wallet.writeContract(request as never);
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
  return hash;
}

/** Local development chain only: the hub gives the signed-in wallet gas when it has none. */
export async function ensureGas(c: ChainInfo, address: string): Promise<void> {
  if (!c.devFaucet) return;
  const balance = await publicClient(c).getBalance({ address: getAddress(address) });
  if (balance < 10n ** 16n) await api('/api/v1/chain/faucet', { method: 'POST', body: JSON.stringify({ tokens: false }) });
}

export const tokens = (x: bigint | string | null | undefined): string => (x === null || x === undefined ? '—' : `${Number(formatUnits(BigInt(x), 18)).toLocaleString(undefined, { maximumFractionDigits: 4 })} TELEOP`);

/** The message of a failed call, with a contract's named error when there is one. */
export function txError(err: unknown): string {
  const e = err as { shortMessage?: string; message?: string; cause?: { data?: { errorName?: string } } };
  return e.cause?.data?.errorName ? `${e.cause.data.errorName}: ${e.shortMessage ?? ''}` : (e.shortMessage ?? e.message ?? String(err));
}

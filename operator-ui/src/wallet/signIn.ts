// Sign-in with an Ethereum wallet (SIWE). An injected wallet (window.ethereum)
// signs when there is one; otherwise a local burner key kept in this browser
// signs (the embedded default's dev path). The hub sets an httpOnly session
// cookie on success.
import { getAddress, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import type { httpApi } from '@teleop/proto';

export const BURNER_KEY = 'teleop.burnerKey';

interface Eip1193 {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

export type WalletKind = 'injected' | 'burner';

export interface Signer {
  kind: WalletKind;
  address: `0x${string}`;
  sign(message: string): Promise<Hex>;
}

export function injectedProvider(): Eip1193 | null {
  return (window as unknown as { ethereum?: Eip1193 }).ethereum ?? null;
}

/** The burner wallet of this browser, created on first use. */
export function burnerSigner(): Signer {
  let key = localStorage.getItem(BURNER_KEY) as Hex | null;
  if (!key || !/^0x[0-9a-f]{64}$/i.test(key)) {
    key = generatePrivateKey();
    localStorage.setItem(BURNER_KEY, key);
  }
  const account = privateKeyToAccount(key);
  return { kind: 'burner', address: account.address, sign: (message) => account.signMessage({ message }) };
}

export async function injectedSigner(provider: Eip1193): Promise<Signer> {
  const accounts = (await provider.request({ method: 'eth_requestAccounts' })) as string[];
  const address = getAddress(accounts[0] ?? '');
  return { kind: 'injected', address, sign: async (message) => (await provider.request({ method: 'personal_sign', params: [message, address] })) as Hex };
}

export class SignInError extends Error {}

export async function signIn(signer: Signer): Promise<{ address: string }> {
  const res = await fetch('/api/v1/auth/nonce');
  if (!res.ok) throw new SignInError(`the hub did not give a sign-in nonce (${res.status})`);
  const n = (await res.json()) as httpApi.SignInNonce;
  const message = createSiweMessage({
    address: signer.address,
    chainId: n.chainId,
    domain: n.domain,
    nonce: n.nonce,
    uri: n.uri,
    version: '1',
    statement: n.statement,
    issuedAt: new Date(),
  });
  const signature = await signer.sign(message);
  const verify = await fetch('/api/v1/auth/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message, signature }) });
  const body = (await verify.json()) as Partial<httpApi.SignedIn & httpApi.ErrorBody>;
  if (!verify.ok || !body.address) throw new SignInError(body.message ?? `sign-in refused (${verify.status})`);
  return { address: body.address };
}

export async function currentSession(): Promise<string | null> {
  const res = await fetch('/api/v1/auth/me');
  if (!res.ok) return null;
  return ((await res.json()) as httpApi.Session).address;
}

export async function signOut(): Promise<void> {
  await fetch('/api/v1/auth/logout', { method: 'POST' });
}

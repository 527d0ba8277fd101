// Signs in to a hub with a wallet key the way the console does (SIWE), for
// Node clients in tests and benchmarks.
import { keccak256, toHex, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';

export interface SignedIn {
  token: string;
  address: `0x${string}`;
  /** The headers a browser would send from then on: `headers`, with a cookie the answers set (a load balancer's re-pinning). */
  headers: Record<string, string>;
}

/** A stable test key per name, so an operator called "alice" is the same wallet in every run. */
export function keyFor(name: string): Hex {
  return keccak256(toHex(`teleop-test-operator:${name}`));
}

/**
 * `headers` go with both requests (e.g. the load balancer's sticky cookie, as a browser sends it). As a browser, a
 * cookie the nonce's answer sets (a load balancer pinning this client to another hub) replaces the one sent.
 */
export async function signIn(hubUrl: string, privateKey: Hex = generatePrivateKey(), sent: Record<string, string> = {}): Promise<SignedIn> {
  const account = privateKeyToAccount(privateKey);
  const nonceRes = await fetch(`${hubUrl}/api/v1/auth/nonce`, { headers: sent });
  const set = nonceRes.headers.getSetCookie().map((c) => c.split(';')[0]!.trim());
  const cookies = new Map((sent.cookie ?? '').split(';').map((c) => c.trim()).filter(Boolean).map((c) => [c.split('=')[0]!, c] as const));
  for (const c of set) cookies.set(c.split('=')[0]!, c);
  const headers = cookies.size > 0 ? { ...sent, cookie: [...cookies.values()].join('; ') } : { ...sent };
  const n = (await nonceRes.json()) as { nonce: string; domain: string; uri: string; chainId: number; statement: string };
  const message = createSiweMessage({
    address: account.address,
    chainId: n.chainId,
    domain: n.domain,
    nonce: n.nonce,
    uri: n.uri,
    version: '1',
    statement: n.statement,
    issuedAt: new Date(),
  });
  const signature = await account.signMessage({ message });
  const res = await fetch(`${hubUrl}/api/v1/auth/verify`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ message, signature }) });
  const body = (await res.json()) as { token?: string; address?: `0x${string}`; message?: string };
  if (!res.ok || !body.token || !body.address) throw new Error(`sign-in failed (${res.status}): ${body.message ?? ''}`);
  return { token: body.token, address: body.address, headers };
}

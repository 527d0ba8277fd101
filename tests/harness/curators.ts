// Making a wallet a curator (who may build dataset versions), as an admin does.
import { privateKeyToAccount } from 'viem/accounts';
import { keyFor, signIn } from './signIn.ts';

/** The admin wallet tests start hubs with (--admin-addresses). */
export const TEST_ADMIN_KEY = keyFor('test-admin');
export const TEST_ADMIN_ADDRESS = privateKeyToAccount(TEST_ADMIN_KEY).address;

/** Has the test admin (or the admin signed in as `adminToken`) make `address` a curator. */
export async function grantCurator(hubUrl: string, address: string, adminToken?: string): Promise<void> {
  const token = adminToken ?? (await signIn(hubUrl, TEST_ADMIN_KEY)).token;
  const res = await fetch(`${hubUrl}/api/v1/curators/${address}`, { method: 'PUT', headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 201 && res.status !== 200) throw new Error(`granting curator to ${address} answered ${res.status}: ${await res.text()}`);
}

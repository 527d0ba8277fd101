// How robot secrets are kept. A secret is 256 random bits, so there is nothing
// to guess and nothing to stretch: one SHA-256 keeps it, and checking costs
// microseconds. Hashes older hubs stored (scrypt, slow on purpose) are still
// checked, and say so, so the caller can store the cheap form instead.
import { createHash, scrypt, timingSafeEqual } from 'node:crypto';
import { randomToken } from '../auth/randomToken.ts';

/** What checking a secret against its stored hash found. */
export interface SecretCheck {
  match: boolean;
  /** The stored hash is of an older, slow form: store hashSecret(secret) once it matched. */
  outdated: boolean;
}

/** A new random robot secret (256 bits, base64url). */
export function newSecret(): string {
  return randomToken();
}

const sha256 = (secret: string): Buffer => createHash('sha256').update(secret).digest();

/** `sha256$hash` (base64url). */
export function hashSecret(secret: string): string {
  return `sha256$${sha256(secret).toString('base64url')}`;
}

export async function verifySecret(secret: string, stored: string): Promise<SecretCheck> {
  const [scheme, ...fields] = stored.split('$');
  if (scheme === 'sha256') return { match: sameBytes(sha256(secret), Buffer.from(fields[0] ?? '', 'base64url')), outdated: false };
  if (scheme === 'scrypt') return { match: await verifyScrypt(secret, fields), outdated: true };
  return { match: false, outdated: false };
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `scrypt$N$r$p$salt$hash`, as hubs stored secrets before the SHA-256 form. */
async function verifyScrypt(secret: string, [n, r, p, salt, hash]: string[]): Promise<boolean> {
  if (!salt || !hash) return false;
  const N = Number(n);
  const R = Number(r);
  const key = await new Promise<Buffer>((resolve, reject) => {
    scrypt(secret, Buffer.from(salt, 'base64url'), 32, { N, r: R, p: Number(p), maxmem: 128 * N * R * 2 }, (err, k) => (err ? reject(err) : resolve(k)));
  });
  return sameBytes(key, Buffer.from(hash, 'base64url'));
}

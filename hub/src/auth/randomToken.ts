import { randomBytes } from 'node:crypto';

/**
 * A random base64url token (session tokens, robot secrets) that never starts with '-': these are
 * pasted on command lines (`--token T`, `--secret S`), where a leading dash reads as an option.
 * Redrawing the 1-in-64 case costs under 6 bits of the 256.
 */
export function randomToken(bytes = 32): string {
  for (;;) {
    const token = randomBytes(bytes).toString('base64url');
    if (!token.startsWith('-')) return token;
  }
}

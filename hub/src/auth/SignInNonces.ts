// Sign-in nonces that cost nothing to issue: each carries its expiry and an
// HMAC of it under a key of this hub, so issuing stores nothing and a flood of
// requests cannot push out a nonce a user is signing. Single use is kept by
// remembering the nonces that were spent, until they expire.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SignInNoncesOptions {
  /** How long a nonce is valid after it is issued. */
  ttlMs: number;
  /** HMAC key; a random one per process by default (a restart makes browsers ask for a new nonce). */
  key?: Buffer;
  nowMs?: () => number;
}

/** What checking a nonce found. */
export type NonceCheck = { ok: true } | { ok: false; reason: 'unknown' | 'expired' | 'spent' };

/** Hex digits of the expiry (ms since the epoch, 48 bits), the random part and the tag. */
const EXPIRY_HEX = 12;
const RANDOM_HEX = 16;
const TAG_HEX = 32;
const NONCE_PATTERN = new RegExp(`^[0-9a-f]{${EXPIRY_HEX + RANDOM_HEX + TAG_HEX}}$`);

/**
 * Issues and spends nonces. Hex keeps them within what SIWE allows (alphanumeric, 8 or more characters).
 * Memory grows only with nonces spent within their lifetime, i.e. with sign-in attempts, never with issuance.
 */
export class SignInNonces {
  private readonly key: Buffer;
  private readonly nowMs: () => number;
  /** Spent nonce -> its expiry; forgotten once expired (an expired nonce is refused by its own expiry). */
  private readonly spent = new Map<string, number>();

  constructor(private readonly options: SignInNoncesOptions) {
    this.key = options.key ?? randomBytes(32);
    this.nowMs = options.nowMs ?? Date.now;
  }

  issue(): string {
    const body = (this.nowMs() + this.options.ttlMs).toString(16).padStart(EXPIRY_HEX, '0') + randomBytes(RANDOM_HEX / 2).toString('hex');
    return body + this.tag(body);
  }

  /** Checks a nonce and, when it is valid, spends it: the same nonce never passes twice. */
  spend(nonce: string): NonceCheck {
    if (!NONCE_PATTERN.test(nonce)) return { ok: false, reason: 'unknown' };
    const body = nonce.slice(0, EXPIRY_HEX + RANDOM_HEX);
    const given = Buffer.from(nonce.slice(EXPIRY_HEX + RANDOM_HEX), 'hex');
    if (!timingSafeEqual(given, Buffer.from(this.tag(body), 'hex'))) return { ok: false, reason: 'unknown' };
    const now = this.nowMs();
    const expiresAt = parseInt(body.slice(0, EXPIRY_HEX), 16);
    if (expiresAt <= now) return { ok: false, reason: 'expired' };
    this.forgetExpired(now);
    if (this.spent.has(nonce)) return { ok: false, reason: 'spent' };
    this.spent.set(nonce, expiresAt);
    return { ok: true };
  }

  /** Nonces remembered as spent (for tests and metrics). */
  get spentCount(): number {
    return this.spent.size;
  }

  private tag(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('hex').slice(0, TAG_HEX);
  }

  private forgetExpired(now: number): void {
    // In the order spent, each expiring at most one lifetime after it was spent: stopping at the first live one
    // keeps an expired entry at most one more lifetime.
    for (const [nonce, expiresAt] of this.spent) {
      if (expiresAt > now) break;
      this.spent.delete(nonce);
    }
  }
}

// Sign-In with Ethereum (EIP-4361) for every user of the hub: single-use
// server nonces with expiry (stateless until spent, see SignInNonces), the message's domain and chain checked, the
// signature recovered with viem; a session is a random bearer token (also set
// as an httpOnly cookie) whose SHA-256 the session store keeps.
import { createHash } from 'node:crypto';
import { getAddress, recoverMessageAddress, type Hex } from 'viem';
import { parseSiweMessage, validateSiweMessage } from 'viem/siwe';
import type { SessionStore } from '../store/SessionStore.ts';
import { randomToken } from './randomToken.ts';
import { SignInNonces } from './SignInNonces.ts';

export type AuthErrorCode = 'bad_message' | 'wrong_domain' | 'wrong_chain' | 'unknown_nonce' | 'expired' | 'issued_in_future' | 'bad_signature' | 'no_session';

export class AuthError extends Error {
  override name = 'AuthError';
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface SiweAuthOptions {
  /** RFC 3986 authority the messages must name, e.g. "hub.example.org" or "127.0.0.1:8080". */
  domain: string;
  /** URI the console signs in to. */
  uri: string;
  chainId: number;
  /** How long a nonce is valid after it is issued; 5 minutes by default. */
  nonceTtlMs?: number;
  sessionTtlMs?: number;
  nowMs?: () => number;
}

export interface Session {
  address: `0x${string}`;
  expiresAt: string;
}

/** A message issued longer ago than this is refused even without an expiration time. */
const MAX_MESSAGE_AGE_MS = 10 * 60_000;
/** How far ahead of the hub's clock a wallet's clock may be: a message issued later than this is refused. */
export const MAX_CLOCK_SKEW_MS = 60_000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export class SiweAuth {
  private readonly nowMs: () => number;
  private readonly nonces: SignInNonces;

  constructor(
    private readonly sessions: SessionStore,
    readonly options: SiweAuthOptions,
  ) {
    this.nowMs = options.nowMs ?? Date.now;
    this.nonces = new SignInNonces({ ttlMs: options.nonceTtlMs ?? 5 * 60_000, nowMs: this.nowMs });
  }

  /** Sets the domain and URI once the hub knows its public URL (after listening); an explicit domain is kept. */
  setOrigin(publicUrl: string, explicitDomain?: string): void {
    this.options.domain = explicitDomain ?? new URL(publicUrl).host;
    this.options.uri = publicUrl;
  }

  /** A fresh single-use nonce, valid for a few minutes; issuing one keeps nothing on the hub. */
  async issueNonce(): Promise<string> {
    return this.nonces.issue();
  }

  /** Checks a signed SIWE message and opens a session; the nonce is spent whatever the outcome. */
  async verify(message: string, signature: string): Promise<{ token: string; session: Session }> {
    const now = this.nowMs();
    let parsed: ReturnType<typeof parseSiweMessage>;
    try {
      parsed = parseSiweMessage(message);
    } catch {
      throw new AuthError('bad_message', 'the sign-in message is not an EIP-4361 message');
    }
    if (!parsed.address || !parsed.nonce || !parsed.domain || !parsed.issuedAt) {
      throw new AuthError('bad_message', 'the sign-in message lacks an address, domain, nonce or issued-at time');
    }
    const nonce = this.nonces.spend(parsed.nonce);
    if (!nonce.ok && nonce.reason === 'expired') throw new AuthError('expired', 'the nonce expired; ask for a new one');
    if (!nonce.ok) throw new AuthError('unknown_nonce', 'the nonce was not issued by this hub or was already used; ask for a new one');
    if (parsed.domain !== this.options.domain) throw new AuthError('wrong_domain', `the message is for ${parsed.domain}, this hub is ${this.options.domain}`);
    if (parsed.chainId !== this.options.chainId) throw new AuthError('wrong_chain', `the message is for chain ${parsed.chainId}, this hub uses chain ${this.options.chainId}`);
    if (now - parsed.issuedAt.getTime() > MAX_MESSAGE_AGE_MS) throw new AuthError('expired', 'the message was issued too long ago');
    if (parsed.issuedAt.getTime() - now > MAX_CLOCK_SKEW_MS) {
      throw new AuthError('issued_in_future', `the message was issued ${Math.round((parsed.issuedAt.getTime() - now) / 1000)} s in the future; check this device's clock`);
    }
    if (!validateSiweMessage({ message: parsed, domain: this.options.domain, nonce: parsed.nonce, time: new Date(now) })) {
      throw new AuthError('expired', 'the message is expired or not yet valid');
    }
    let signer: string;
    try {
      signer = await recoverMessageAddress({ message, signature: signature as Hex });
    } catch {
      throw new AuthError('bad_signature', 'the signature is malformed');
    }
    if (getAddress(signer) !== getAddress(parsed.address)) throw new AuthError('bad_signature', `the message was signed by ${getAddress(signer)}, not by ${getAddress(parsed.address)}`);

    const token = randomToken();
    const session: Session = { address: getAddress(parsed.address), expiresAt: new Date(now + (this.options.sessionTtlMs ?? 7 * 24 * 3_600_000)).toISOString() };
    await this.sessions.create(hashToken(token), { address: session.address, createdAt: new Date(now).toISOString(), expiresAt: session.expiresAt });
    return { token, session };
  }

  /** The session of a bearer token, or null. */
  async session(token: string | undefined): Promise<Session | null> {
    if (!token || token.length > 200) return null;
    const row = await this.sessions.find(hashToken(token));
    if (!row || row.expiresAt <= new Date(this.nowMs()).toISOString()) return null;
    return { address: row.address as `0x${string}`, expiresAt: row.expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.sessions.delete(hashToken(token));
  }
}

export const SESSION_COOKIE = 'teleop_session';

/** The session token of a request: `Authorization: Bearer`, else the session cookie. */
export function tokenFrom(headers: { authorization?: string | undefined; cookie?: string | undefined }, authToken?: unknown): string | undefined {
  if (typeof authToken === 'string' && authToken) return authToken;
  const bearer = /^Bearer (\S+)$/.exec(headers.authorization ?? '')?.[1];
  if (bearer) return bearer;
  for (const part of (headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeCookieValue(v.join('='));
  }
  return undefined;
}

/** A malformed cookie value (bad percent-encoding) is no session, not an error. */
function decodeCookieValue(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

// Which web origins may use a signed-in wallet's session: the hub's public
// URL and the extra origins it was given (--allowed-origins). Browsers send the
// session cookie to any page of the same site, other ports included, so every
// cookie-bearing door checks the Origin a browser attaches: the operator
// socket (socket.io's handshake and its CORS answers) and every HTTP request
// that changes something. Clients that are not browsers send no Origin and
// prove themselves with a token.
import type { IncomingHttpHeaders } from 'node:http';

/** Requests that only read; browsers send no Origin on same-origin GETs, so these are left to CORS. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class OriginPolicy {
  private readonly allowed: Set<string>;

  /** @param extraOrigins Origins besides the hub's own allowed to send credentialed requests, e.g. "http://localhost:5173". */
  constructor(extraOrigins: string[]) {
    this.allowed = new Set(extraOrigins.map((o) => new URL(o).origin));
  }

  /** Adds the hub's own origin, once it knows its public URL (after listening). */
  setPublicUrl(publicUrl: string): void {
    this.allowed.add(new URL(publicUrl).origin);
  }

  /** The allowed origins, for CORS. */
  get origins(): string[] {
    return [...this.allowed];
  }

  allows(origin: string): boolean {
    return this.allowed.has(origin);
  }

  /** Why an HTTP request may not go on, or null: a browser write (any method but GET, HEAD, OPTIONS) from another origin. */
  httpRefusal(method: string, headers: IncomingHttpHeaders): string | null {
    return SAFE_METHODS.has(method) ? null : this.refusal(headers);
  }

  /**
   * Why a browser request may not use the session, or null: an Origin that is not allowed, or none where the
   * browser says the request comes from another site (Sec-Fetch-Site). Non-browser clients send neither.
   */
  refusal(headers: IncomingHttpHeaders): string | null {
    const origin = headers.origin;
    if (typeof origin === 'string' && origin !== '') {
      return this.allows(origin) ? null : `requests from origin ${origin} are not accepted: this hub serves ${this.origins.join(', ')} (add origins with --allowed-origins)`;
    }
    const site = headers['sec-fetch-site'];
    return site === 'cross-site' || site === 'same-site' ? `a ${site} request without an Origin header is not accepted` : null;
  }
}

// The headers every hub response carries. Anything the hub serves may hold
// text a robot or a user wrote (a URDF, a task, a dataset card): no response
// is sniffed into another type, framed, or leaks the console's URL, and none
// but the console's own page may run script.
import type { FastifyInstance } from 'fastify';

/**
 * The console's page: its own scripts and styles only (no inline script, no eval; WebAssembly may compile: the
 * protobuf runtime's 64-bit arithmetic uses a tiny module), data from the hub's origin ('self' covers its
 * WebSocket too), images, media and workers also from blob: URLs (textures, previews). WebRTC media does not
 * pass through CSP.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Everything else (JSON, files, metrics): nothing in it may load or run anything, even opened as a page. */
export const DOCUMENT_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Robot-written files opened directly: as above, in a sandbox (an opaque origin without the hub's cookies). */
export const SANDBOX_CSP = `${DOCUMENT_CSP}; sandbox`;

/** The headers besides the CSP, for every response. */
export const COMMON_SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Older browsers that do not read frame-ancestors.
  'x-frame-options': 'DENY',
};

/** Puts the headers on every response of `app`; a route that set its own CSP (the console, a sandboxed file) keeps it. */
export function attachSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.headers(COMMON_SECURITY_HEADERS);
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', DOCUMENT_CSP);
    return payload;
  });
}

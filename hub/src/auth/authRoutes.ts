// Sign-in endpoints: a nonce, the verification of a signed SIWE message (which
// opens a session: bearer token + httpOnly cookie), who am I, sign out.
import type { FastifyInstance } from 'fastify';
import type { httpApi } from '@teleop/proto';
import { walletAddress } from '../access/httpAccess.ts';
import { AuthError, SESSION_COOKIE, tokenFrom, type SiweAuth } from './SiweAuth.ts';

const PUBLIC = { config: { access: { action: 'public:read' } } } as const;

/** Where a sign-in came from: `loopback` when its TCP peer is this machine (never from a forwarded header). */
export interface SignInSource {
  loopback: boolean;
}

/** Whether a socket's peer address is this machine (127.0.0.0/8, ::1, or IPv4 loopback mapped into IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** `onSignedIn` hears of every wallet that signed in, and from where (the embedded default gives its robot to the first, from this machine). */
export function authRoutes(auth: SiweAuth, secureCookie: boolean, onSignedIn?: (address: string, from: SignInSource) => Promise<void>) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/v1/auth/nonce', PUBLIC, async () => ({
      nonce: await auth.issueNonce(),
      domain: auth.options.domain,
      uri: auth.options.uri,
      chainId: auth.options.chainId,
      statement: 'Sign in to Teleop Hub.',
    }) satisfies httpApi.SignInNonce);

    app.post<{ Body: { message: string; signature: string } }>(
      '/api/v1/auth/verify',
      {
        ...PUBLIC,
        schema: {
          body: {
            type: 'object',
            required: ['message', 'signature'],
            properties: { message: { type: 'string', maxLength: 4096 }, signature: { type: 'string', pattern: '^0x[0-9a-fA-F]+$', maxLength: 1000 } },
          },
        },
      },
      async (req, reply) => {
        try {
          const { token, session } = await auth.verify(req.body.message, req.body.signature);
          await onSignedIn?.(session.address, { loopback: isLoopbackAddress(req.socket.remoteAddress) });
          const maxAge = Math.floor((Date.parse(session.expiresAt) - Date.now()) / 1000);
          reply.header('set-cookie', `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${secureCookie ? '; Secure' : ''}`);
          return { token, address: session.address, expiresAt: session.expiresAt } satisfies httpApi.SignedIn;
        } catch (err) {
          if (err instanceof AuthError) return reply.code(401).send({ error: err.code, message: err.message });
          throw err;
        }
      },
    );

    app.get('/api/v1/auth/me', { config: { access: { action: 'self:act' } } }, async (req) => {
      const actor = req.actor;
      return { address: walletAddress(actor), expiresAt: actor.kind === 'wallet' ? actor.sessionExpiresAt : null } satisfies httpApi.Session;
    });

    // Anyone may end the session they hold.
    app.post('/api/v1/auth/logout', PUBLIC, async (req, reply) => {
      const token = tokenFrom(req.headers);
      if (token) await auth.logout(token);
      reply.header('set-cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
      return { ok: true };
    });
  };
}

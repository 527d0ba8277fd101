// Sign-in endpoints: a nonce, the verification of a signed SIWE message (which
// opens a session: bearer token + httpOnly cookie), who am I, sign out.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthError, SESSION_COOKIE, tokenFrom, type Session, type SiweAuth } from './SiweAuth.ts';

/** The session of a request, or a 401 reply saying how to get one. */
export async function requireSession(auth: SiweAuth, req: FastifyRequest, reply: FastifyReply): Promise<Session | null> {
  const session = await auth.session(tokenFrom(req.headers));
  if (!session) {
    await reply.code(401).send({ error: 'no_session', message: 'sign in with your wallet first (POST /api/v1/auth/verify)' });
    return null;
  }
  return session;
}

export function authRoutes(auth: SiweAuth, secureCookie: boolean) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/v1/auth/nonce', async () => ({
      nonce: auth.issueNonce(),
      domain: auth.options.domain,
      uri: auth.options.uri,
      chainId: auth.options.chainId,
      statement: 'Sign in to Teleop Hub.',
    }));

    app.post<{ Body: { message: string; signature: string } }>(
      '/api/v1/auth/verify',
      {
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
          const maxAge = Math.floor((Date.parse(session.expiresAt) - Date.now()) / 1000);
          reply.header('set-cookie', `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${secureCookie ? '; Secure' : ''}`);
          return { token, address: session.address, expiresAt: session.expiresAt };
        } catch (err) {
          if (err instanceof AuthError) return reply.code(401).send({ error: err.code, message: err.message });
          throw err;
        }
      },
    );

    app.get('/api/v1/auth/me', async (req, reply) => {
      const session = await requireSession(auth, req, reply);
      return session ? { address: session.address, expiresAt: session.expiresAt } : reply;
    });

    app.post('/api/v1/auth/logout', async (req, reply) => {
      const token = tokenFrom(req.headers);
      if (token) await auth.logout(token);
      reply.header('set-cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
      return { ok: true };
    });
  };
}

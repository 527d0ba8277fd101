// The access rule on every HTTP route. A route declares the action it performs
// (and, where the answer depends on what it touches, how to load that) in its
// config: `{ config: { access: { action: 'robot:manage', resource } } }`. One
// onRequest hook authenticates the caller and asks decide(); a denial is
// answered with its status and code before the route runs. A route that
// declares nothing stops the hub at start-up, so a new route cannot forget.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decide, DENIAL_STATUS, AccessDenied, type Action, type Actor, type Denial, type Resource } from './access.ts';

export interface RouteAccess {
  action: Action;
  /** What the action touches, loaded from the request (or a denial, e.g. not found). */
  resource?: (req: FastifyRequest, actor: Actor) => Promise<Resource | Denial>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** Who is asking, as the access hook authenticated them. */
    actor: Actor;
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  action: Action | null;
}

export interface HttpAccessOptions {
  /** The signed-in wallet of a request (session cookie or bearer token), if any. */
  walletOf: (req: FastifyRequest) => Promise<{ address: string; admin: boolean; curator: boolean; sessionExpiresAt: string } | null>;
  /** The robot a request authenticates as (HTTP Basic with its id and secret), if any. */
  robotOf: (req: FastifyRequest) => Promise<string | null>;
  /** Whether a request carries the external broker's token. */
  isBroker: (req: FastifyRequest) => boolean;
  /** Whether a request carries the cluster token (another hub); absent: no request does. */
  isHub?: (req: FastifyRequest) => boolean;
  /** Counts a denial (metrics). */
  denied?: (denial: Denial, action: Action) => void;
}

const ANONYMOUS: Actor = { kind: 'anonymous' };

/**
 * Puts the access hook on `app` (before any route is registered) and returns the route table it
 * keeps: every route registered after this call, with the action it declared.
 */
export function attachHttpAccess(app: FastifyInstance, o: HttpAccessOptions): { routes: RouteEntry[] } {
  const routes: RouteEntry[] = [];
  const configs: { entry: RouteEntry; config: { access?: RouteAccess } }[] = [];
  app.decorateRequest('actor', null as never);
  app.addHook('onRoute', (route) => {
    const config = ((route as { config?: { access?: RouteAccess } }).config ??= {});
    for (const method of [route.method].flat()) {
      const entry: RouteEntry = { method, url: route.url, action: null };
      routes.push(entry);
      configs.push({ entry, config });
    }
  });
  // Plugins (static files) may add their declaration in their own onRoute hook, after ours: checked once all are in.
  app.addHook('onReady', async () => {
    const missing: string[] = [];
    for (const { entry, config } of configs) {
      entry.action = config.access?.action ?? null;
      if (!entry.action) missing.push(`${entry.method} ${entry.url}`);
    }
    if (missing.length > 0) throw new Error(`routes without an access rule (config.access): ${missing.join(', ')}`);
  });
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const access = req.routeOptions.config.access;
    if (!access) return deny(reply, { code: 'not_found', message: `no route ${req.method} ${req.url}` });
    req.actor = await actorFor(req, access.action, o);
    let resource: Resource = null;
    if (access.resource) {
      const loaded = await access.resource(req, req.actor);
      if (isDenial(loaded)) return deny(reply, loaded, access.action, o);
      resource = loaded;
    }
    const denial = decide(req.actor, access.action, resource);
    if (denial) return deny(reply, denial, access.action, o);
  });
  // A handler that asks decide() itself for a finer answer throws AccessDenied. A resource loader that finds
  // no resource throws its service's typed error, which says its own status (`httpStatus`) and code.
  const previous = app.errorHandler;
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AccessDenied) return deny(reply, err.denial);
    if (isStatusError(err)) return reply.code(err.httpStatus).send({ error: err.code, message: err.message });
    return previous.call(app, err, req, reply);
  });
  return { routes };
}

/** Only the credential the action needs is checked (a robot's secret costs a key derivation). */
async function actorFor(req: FastifyRequest, action: Action, o: HttpAccessOptions): Promise<Actor> {
  if (action === 'robot:report') {
    const robotId = await o.robotOf(req);
    return robotId ? { kind: 'robot', robotId } : ANONYMOUS;
  }
  if (action === 'broker:auth') return o.isBroker(req) ? { kind: 'broker' } : ANONYMOUS;
  if (action === 'cluster:media') return o.isHub?.(req) ? { kind: 'hub' } : ANONYMOUS;
  const wallet = await o.walletOf(req);
  return wallet ? { kind: 'wallet', ...wallet } : ANONYMOUS;
}

/** A service's typed error that knows its HTTP status (e.g. DatasetError). */
function isStatusError(err: unknown): err is Error & { httpStatus: number; code: string } {
  return err instanceof Error && typeof (err as { httpStatus?: unknown }).httpStatus === 'number' && typeof (err as { code?: unknown }).code === 'string';
}

function isDenial(x: Resource | Denial): x is Denial {
  return x !== null && 'code' in x && 'message' in x && !('kind' in x);
}

function deny(reply: FastifyReply, denial: Denial, action?: Action, o?: HttpAccessOptions): FastifyReply {
  if (action) o?.denied?.(denial, action);
  // The broker's hooks read `result` (EMQX's HTTP auth shape).
  const body = action === 'broker:auth' ? { result: 'deny', error: denial.code, message: denial.message } : { error: denial.code, message: denial.message };
  return reply.code(DENIAL_STATUS[denial.code]).send(body);
}

/** The wallet address of an actor that decide() allowed an action needing a wallet. */
export function walletAddress(actor: Actor): string {
  if (actor.kind !== 'wallet') throw new AccessDenied({ code: 'unauthenticated', message: 'sign in with your wallet first (POST /api/v1/auth/verify)' });
  return actor.address;
}

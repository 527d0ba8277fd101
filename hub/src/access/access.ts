// Who may do what, decided in one place: decide(actor, action, resource)
// returns null (allowed) or a typed denial. Every HTTP route declares the
// action it performs (httpAccess.ts refuses to start a hub with a route that
// does not), and the operator gateway asks the same function. An actor is
// only what the hub itself authenticated: a wallet by its sign-in session, a
// robot by its secret, the external broker by its token.

import { datasetVersionGrant, episodeContentGrant, isGrant, type EpisodeContentFacts } from './contentRule.ts';

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'wallet'; address: string; admin: boolean; /** Granted by an admin: may build dataset versions. */ curator: boolean; sessionExpiresAt: string }
  | { kind: 'robot'; robotId: string }
  | { kind: 'broker' }
  /** Another hub of the cluster, by the shared cluster token (--cluster-token). */
  | { kind: 'hub' };

export type Action =
  /** Anyone: health, sign-in, public listings, the console, dataset manifests. */
  | 'public:read'
  /** Any signed-in wallet acting for itself: its profile, roles, usage, rewards faucet, sign-out. */
  | 'self:act'
  | 'robot:enroll'
  /** The robot's owner: data policy, revoke, rotate its secret, end a lease on it. */
  | 'robot:manage'
  /** Watching a robot's state, video and queue on the operator socket. */
  | 'robot:watch'
  /** Asking for a robot's control lease (driving needs the lease as well). */
  | 'robot:drive'
  /** Stopping any robot: every signed-in operator may, whoever holds the lease. */
  | 'robot:estop'
  /** Episodes: the list and an episode's page (its content only as contentRule.ts says; its metadata unless private). */
  | 'episode:read'
  /** An episode's own content: its files and trajectory (contentRule.ts). */
  | 'episode:content'
  | 'review:give'
  /** Making a decided episode a check episode with a known verdict: its robot's owner, or an admin. */
  | 'episode:gold'
  /** Building a dataset version: curators and admins. */
  | 'dataset:create'
  /** A version's files and archive (contentRule.ts). */
  | 'dataset:download'
  /** Naming and removing curators: admins. */
  | 'curators:manage'
  | 'rewards:settle'
  /** A robot reporting for itself: uploads, upload receipts. */
  | 'robot:report'
  /** The external broker asking whether a client may connect or use a topic. */
  | 'broker:auth'
  /** Another hub pulling a robot's video from this one (hub-to-hub relay). */
  | 'cluster:media';

export type Resource =
  | { kind: 'robot'; robotId: string; owner: string | null; enrolled: boolean }
  | ({ kind: 'dataset_version' } & Parameters<typeof datasetVersionGrant>[1])
  | ({ kind: 'episode_content' } & EpisodeContentFacts)
  | null;

export type DenialCode = 'unauthenticated' | 'payment_required' | 'forbidden' | 'not_found';

export interface Denial {
  code: DenialCode;
  message: string;
}

export const DENIAL_STATUS: Record<DenialCode, number> = { unauthenticated: 401, payment_required: 402, forbidden: 403, not_found: 404 };

/** A denial thrown by code that asked for one (handlers, the operator gateway). */
export class AccessDenied extends Error {
  override name = 'AccessDenied';
  constructor(readonly denial: Denial) {
    super(denial.message);
  }
}

const SIGN_IN = 'sign in with your wallet first (POST /api/v1/auth/verify)';

export function decide(actor: Actor, action: Action, resource: Resource = null): Denial | null {
  switch (action) {
    case 'public:read':
      return null;
    case 'self:act':
    case 'robot:enroll':
    case 'robot:watch':
    case 'robot:drive':
    case 'robot:estop':
    case 'episode:read':
    case 'review:give':
      return actor.kind === 'wallet' ? null : { code: 'unauthenticated', message: SIGN_IN };
    case 'dataset:create':
      if (actor.kind !== 'wallet') return { code: 'unauthenticated', message: SIGN_IN };
      return actor.admin || actor.curator ? null : { code: 'forbidden', message: 'building dataset versions is for curators: ask an admin to make your wallet one (PUT /api/v1/curators/:address)' };
    case 'curators:manage':
      if (actor.kind !== 'wallet') return { code: 'unauthenticated', message: SIGN_IN };
      return actor.admin ? null : { code: 'forbidden', message: 'naming curators is for admins (--admin-addresses)' };
    case 'episode:content': {
      if (resource?.kind !== 'episode_content') return { code: 'not_found', message: 'no such episode' };
      const g = episodeContentGrant(actor, resource);
      return isGrant(g) ? null : g;
    }
    case 'episode:gold': {
      if (actor.kind !== 'wallet') return { code: 'unauthenticated', message: SIGN_IN };
      if (actor.admin) return null;
      if (resource?.kind !== 'robot') return { code: 'not_found', message: 'no such episode' };
      if (resource.owner?.toLowerCase() !== actor.address.toLowerCase()) return { code: 'forbidden', message: `only the owner of robot ${resource.robotId} or an admin makes its episodes check episodes` };
      return null;
    }
    case 'robot:manage': {
      if (actor.kind !== 'wallet') return { code: 'unauthenticated', message: SIGN_IN };
      if (resource?.kind !== 'robot' || !resource.enrolled) return { code: 'not_found', message: `no robot "${resource?.kind === 'robot' ? resource.robotId : '?'}" is enrolled` };
      if (resource.owner?.toLowerCase() !== actor.address.toLowerCase()) return { code: 'forbidden', message: `robot ${resource.robotId} belongs to another owner` };
      return null;
    }
    case 'dataset:download': {
      if (resource?.kind !== 'dataset_version') return { code: 'not_found', message: 'no such dataset version' };
      const g = datasetVersionGrant(actor, resource);
      return isGrant(g) ? null : g;
    }
    case 'rewards:settle':
      if (actor.kind !== 'wallet') return { code: 'unauthenticated', message: SIGN_IN };
      return actor.admin ? null : { code: 'forbidden', message: 'settling rewards is for admins (--admin-addresses)' };
    case 'robot:report':
      return actor.kind === 'robot' ? null : { code: 'unauthenticated', message: 'authenticate with the robot id and secret (HTTP Basic)' };
    case 'broker:auth':
      return actor.kind === 'broker' ? null : { code: 'unauthenticated', message: 'the broker authenticates with its token (--broker-auth-token)' };
    case 'cluster:media':
      return actor.kind === 'hub' ? null : { code: 'unauthenticated', message: 'hub-to-hub requests need the cluster token (--cluster-token)' };
  }
}

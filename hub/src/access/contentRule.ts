// The one rule for episode content: who may read an episode's recording
// (files, trajectory, its full view in lists and on its page) and a dataset
// version's files, which hold its episodes' content. decide() asks these for
// episode:content and dataset:download; the episode list and page ask them to
// choose between the full view and the metadata; nothing else grants content.
//
// An episode's content is readable by its operator, its robot's owner, a
// reviewer while it is assigned to them, admins, and buyers of (or listed
// buyers for) a built version holding it, unless its owner keeps it private.
// A version is readable as its own terms say (free, listed buyers, bought on
// chain), by admins, and by whoever may read every episode in it as its
// operator or owner.
import type { Actor, Denial } from './access.ts';

/** Why content was served: what the access record says. */
export type ContentPurpose = 'admin' | 'operator' | 'owner' | 'review' | 'contributor' | 'purchase' | 'listed_buyer' | 'open_dataset';

export interface Grant {
  purpose: ContentPurpose;
  /** The dataset version that granted it, for purchase, listed_buyer and open_dataset. */
  via: string | null;
}

/** A built dataset version's terms, as they concern one actor. */
export interface VersionTermsFacts {
  /** e.g. "picks-v2". */
  label: string;
  /** Token base units (decimal string); "0" is free. */
  price: string;
  /** Lowercase addresses, or null: anyone (who pays, when priced). */
  allowedBuyers: string[] | null;
  /** Whether the chain records the actor's purchase of it. */
  purchased: boolean;
}

/** An episode, as the rule reads it. */
export interface EpisodeContentFacts {
  episodeId: string;
  robotId: string;
  operator: string;
  robotOwner: string | null;
  /** Its owner's terms (the episode's own, else its robot's): private, open, commercial or restricted. */
  policy: string;
  /** Reviewers it is assigned to who have not answered yet (lowercase). */
  assignedReviewers: string[];
  /** The built versions that hold it. */
  versions: VersionTermsFacts[];
}

const SIGN_IN = 'sign in with your wallet first (POST /api/v1/auth/verify)';

export const isGrant = (x: Grant | Denial): x is Grant => 'purpose' in x;

const same = (a: string | null, b: string | null): boolean => a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

/** What a dataset version's own terms grant the actor, or why not. */
export function versionTermsGrant(actor: Actor, v: VersionTermsFacts): Grant | Denial {
  const who = actor.kind === 'wallet' ? actor.address.toLowerCase() : null;
  const listed = v.allowedBuyers === null || (who !== null && v.allowedBuyers.includes(who));
  if (listed && v.price === '0') return { purpose: v.allowedBuyers === null ? 'open_dataset' : 'listed_buyer', via: v.label };
  if (listed && v.purchased) return { purpose: v.allowedBuyers === null ? 'purchase' : 'listed_buyer', via: v.label };
  if (!listed && v.price === '0') return { code: 'forbidden', message: `${v.label} is shared with listed buyers only: sign in with one of their wallets` };
  if (!listed) return { code: 'forbidden', message: `${v.label} is sold to listed buyers only: sign in with one of their wallets, then buy access` };
  return { code: 'payment_required', message: `${v.label} is a priced dataset: buy access with your wallet (DatasetRegistry.buyAccess), then sign in and download` };
}

/** Who the actor is to the episode itself, whatever its versions say. */
function personalGrant(actor: Actor, e: Pick<EpisodeContentFacts, 'operator' | 'robotOwner' | 'assignedReviewers'>): Grant | null {
  if (actor.kind !== 'wallet') return null;
  if (actor.admin) return { purpose: 'admin', via: null };
  if (same(actor.address, e.operator)) return { purpose: 'operator', via: null };
  if (same(actor.address, e.robotOwner)) return { purpose: 'owner', via: null };
  if (e.assignedReviewers.includes(actor.address.toLowerCase())) return { purpose: 'review', via: null };
  return null;
}

/** Whether the actor may read an episode's content, and as what; or a denial saying what would grant it. */
export function episodeContentGrant(actor: Actor, e: EpisodeContentFacts): Grant | Denial {
  if (actor.kind !== 'wallet') return { code: 'unauthenticated', message: SIGN_IN };
  const personal = personalGrant(actor, e);
  if (personal) return personal;
  const who = `its operator, the owner of robot ${e.robotId}, a reviewer while it is assigned to them, or an admin`;
  if (e.policy === 'private') return { code: 'forbidden', message: `the owner of robot ${e.robotId} keeps episode ${e.episodeId} private: only ${who} reads it` };
  const denials: Denial[] = [];
  for (const v of e.versions) {
    const g = versionTermsGrant(actor, v);
    if (isGrant(g)) return g;
    denials.push(g);
  }
  const priced = e.versions.filter((v) => v.price !== '0' && (v.allowedBuyers === null || v.allowedBuyers.includes(actor.address.toLowerCase())));
  if (priced.length > 0) {
    return { code: 'payment_required', message: `episode ${e.episodeId} is sold in ${priced.map((v) => v.label).join(', ')}: buy access to one of them with your wallet, or be ${who}` };
  }
  const forOthers = e.versions.length > 0 ? ` (the dataset versions holding it, ${e.versions.map((v) => v.label).join(', ')}, are for their listed buyers)` : ' (no dataset version holds it yet)';
  return { code: 'forbidden', message: `episode ${e.episodeId}'s content is for ${who}, or buyers of a dataset version holding it${forOthers}` };
}

/**
 * Whether the actor may download a built dataset version: by its own terms, as an admin, or as the operator or
 * robot owner of every episode in it.
 */
export function datasetVersionGrant(actor: Actor, v: VersionTermsFacts & { episodes: Pick<EpisodeContentFacts, 'operator' | 'robotOwner'>[] }): Grant | Denial {
  const byTerms = versionTermsGrant(actor, v);
  if (isGrant(byTerms)) return byTerms;
  if (actor.kind === 'wallet') {
    if (actor.admin) return { purpose: 'admin', via: v.label };
    if (v.episodes.length > 0 && v.episodes.every((e) => same(actor.address, e.operator) || same(actor.address, e.robotOwner))) return { purpose: 'contributor', via: v.label };
  }
  return byTerms;
}

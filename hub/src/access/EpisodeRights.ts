// Loads what the content rule (contentRule.ts) reads of episodes and dataset
// versions for one actor, asking the chain about purchases only when nothing
// else grants the content, and records each read of content with what
// allowed it.
import type { DataRightsStore, EpisodeRightsRecord, VersionTerms } from '../store/DataRightsStore.ts';
import type { Logger } from '../log.ts';
import type { Actor } from './access.ts';
import { episodeContentGrant, isGrant, type EpisodeContentFacts, type Grant, type VersionTermsFacts } from './contentRule.ts';
import type { Denial } from './access.ts';

export interface EpisodeRightsOptions {
  store: DataRightsStore;
  /** Whether the chain records `address`'s purchase of the version published as `tokenId` (false without a chain). */
  purchased: (o: { version: { token_id: number | null }; address: string }) => Promise<boolean>;
  logger: Logger;
}

/** An episode as the rule reads it, with its owner's terms in full (for the console). */
export interface EpisodeRightsView {
  facts: EpisodeContentFacts;
  record: EpisodeRightsRecord;
}

export class EpisodeRights {
  constructor(private readonly o: EpisodeRightsOptions) {}

  /** The rule's facts for each of these episodes that exists, for `actor`. */
  async load(actor: Actor, ids: string[]): Promise<Map<string, EpisodeRightsView>> {
    const records = await this.o.store.episodes([...new Set(ids)]);
    if (records.length === 0) return new Map();
    const ready = (await this.o.store.versionTerms()).filter((v) => v.state === 'ready');
    const bought = new Map<string, Promise<boolean>>();
    const purchased = (v: VersionTerms): Promise<boolean> => {
      if (actor.kind !== 'wallet' || v.price === '0') return Promise.resolve(false);
      const key = `${v.datasetId}@${v.version}`;
      let p = bought.get(key);
      if (!p) bought.set(key, (p = this.o.purchased({ version: { token_id: v.tokenId }, address: actor.address })));
      return p;
    };
    const out = new Map<string, EpisodeRightsView>();
    for (const r of records) {
      const holding = ready.filter((v) => v.episodeIds.includes(r.id));
      const base: EpisodeContentFacts = { episodeId: r.id, robotId: r.robotId, operator: r.operator, robotOwner: r.robotOwner, policy: r.terms.policy, assignedReviewers: r.assignedReviewers, versions: holding.map((v) => versionFacts(v, false)) };
      // The chain is asked only when the episode's own people and its free versions do not grant it.
      const first = episodeContentGrant(actor, base);
      if (!isGrant(first) && first.code === 'payment_required') {
        base.versions = await Promise.all(holding.map(async (v) => versionFacts(v, await purchased(v))));
      }
      out.set(r.id, { facts: base, record: r });
    }
    return out;
  }

  /** Whether `actor` may read the episode's content, and as what. */
  grant(actor: Actor, facts: EpisodeContentFacts): Grant | Denial {
    return episodeContentGrant(actor, facts);
  }

  /** Records a read of an episode's content (never fails the read). */
  recordAccess(a: { episodeId: string; address: string; kind: 'file' | 'trajectory'; path: string | null; purpose: string }): void {
    void this.o.store.recordEpisodeAccess({ ...a, at: new Date().toISOString() }).catch((err: Error) => this.o.logger.warn({ err: err.message, episodeId: a.episodeId }, 'could not record an episode access'));
  }
}

export function versionFacts(v: VersionTerms, purchased: boolean): VersionTermsFacts {
  return { label: `${v.name}-v${v.version}`, price: v.price, allowedBuyers: v.allowedBuyers, purchased };
}

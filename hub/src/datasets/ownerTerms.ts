// Whether a dataset version may hold an episode under its owner's terms, and
// the laundering rule: an episode already sold in a priced version enters no
// free one. A build that breaks a term fails naming the episodes and the term.
import type { DataTerms } from '../store/RobotStore.ts';

/** What a version being created offers its episodes' owners. */
export interface VersionOffer {
  /** Token base units (decimal string); "0" is free. */
  price: string;
  license: string;
  /** Lowercase addresses, or null: anyone (who pays, when priced). */
  allowedBuyers: string[] | null;
}

/** An episode as the terms check reads it. */
export interface EpisodeUnderTerms {
  id: string;
  robotId: string;
  terms: DataTerms;
  durationMs: number;
  /** Priced versions (ready or being built) that already hold it, e.g. "picks-v1". */
  soldIn: string[];
}

export interface TermsBreach {
  episodeId: string;
  /** The term broken: private, open, commercial, restricted, or sold (the laundering rule). */
  term: string;
  why: string;
}

/** The terms of one episode a version would break (the floor price, which depends on the whole version, aside). */
export function breachOf(offer: VersionOffer, e: EpisodeUnderTerms): TermsBreach | null {
  const t = e.terms;
  const at = (term: string, why: string): TermsBreach => ({ episodeId: e.id, term, why });
  const free = BigInt(offer.price) === 0n;
  if (t.policy === 'private') return at('private', `robot ${e.robotId}'s owner keeps it private`);
  // Open data goes free under its owner's license; a priced version sells it under its own.
  if (t.policy === 'open' && free && t.license !== offer.license) return at('open', `its owner gives it away under ${t.license}, not ${offer.license}`);
  if (free && e.soldIn.length > 0) return at('sold', `it is sold in ${e.soldIn.join(', ')}, so it enters only priced versions`);
  if (t.policy === 'commercial' && free) return at('commercial', `its owner sells it only in priced versions (at least ${t.floorPricePerHour} per hour of data)`);
  if (t.policy === 'restricted') {
    const listed = new Set(t.allowedBuyers);
    if (offer.allowedBuyers === null || offer.allowedBuyers.length === 0) return at('restricted', `its owner allows only listed buyers (${t.allowedBuyers.join(', ')}); name them in allowedBuyers`);
    const others = offer.allowedBuyers.filter((b) => !listed.has(b.toLowerCase()));
    if (others.length) return at('restricted', `its owner does not list ${others.join(', ')} as buyers`);
  }
  return null;
}

/**
 * Commercial episodes whose owner's floor price per hour the version's price does not reach: the version's price
 * per hour of all its data must be at least each floor.
 */
export function floorBreaches(offer: VersionOffer, episodes: EpisodeUnderTerms[]): TermsBreach[] {
  const totalMs = BigInt(Math.round(episodes.reduce((a, e) => a + e.durationMs, 0)));
  const price = BigInt(offer.price);
  return episodes
    .filter((e) => e.terms.policy === 'commercial' && e.terms.floorPricePerHour !== null)
    .filter((e) => price * 3_600_000n < BigInt(e.terms.floorPricePerHour!) * totalMs)
    .map((e) => {
      const least = (BigInt(e.terms.floorPricePerHour!) * totalMs + 3_599_999n) / 3_600_000n;
      return { episodeId: e.id, term: 'commercial', why: `its owner's floor is ${e.terms.floorPricePerHour} per hour of data: for the version's ${(Number(totalMs) / 3.6e6).toFixed(4)} h the price must be at least ${least}` };
    });
}

export function describeBreaches(breaches: TermsBreach[]): string {
  return breaches.map((b) => `${b.episodeId} (${b.term}: ${b.why})`).join('; ');
}

// Owners' terms as a version being built meets them: each term, the laundering
// rule, and the floor price per hour of the whole version.
import { describe, expect, it } from 'vitest';
import type { DataTerms } from '../store/RobotStore.ts';
import { breachOf, floorBreaches, type EpisodeUnderTerms, type VersionOffer } from './ownerTerms.ts';

const BUYER = '0x00000000000000000000000000000000000000b1';
const OTHER = '0x00000000000000000000000000000000000000b2';
const terms = (t: Partial<DataTerms> = {}): DataTerms => ({ policy: 'open', license: 'CC-BY-4.0', floorPricePerHour: null, allowedBuyers: [], ...t });
const ep = (t: Partial<DataTerms> = {}, o: Partial<EpisodeUnderTerms> = {}): EpisodeUnderTerms => ({ id: 'e-1', robotId: 'r-1', terms: terms(t), durationMs: 1_800_000, soldIn: [], ...o });
const free: VersionOffer = { price: '0', license: 'CC-BY-4.0', allowedBuyers: null };
const priced: VersionOffer = { price: '100', license: 'CC-BY-NC-4.0', allowedBuyers: null };

describe('owners\' terms', () => {
  it('keeps private episodes out of every version', () => {
    expect(breachOf(free, ep({ policy: 'private' }))).toMatchObject({ term: 'private' });
    expect(breachOf(priced, ep({ policy: 'private' }))).toMatchObject({ term: 'private' });
  });

  it('gives open data away only under its license, and lets priced versions sell it', () => {
    expect(breachOf(free, ep())).toBeNull();
    expect(breachOf({ ...free, license: 'MIT' }, ep())).toMatchObject({ term: 'open', why: 'its owner gives it away under CC-BY-4.0, not MIT' });
    expect(breachOf(priced, ep())).toBeNull();
  });

  it('refuses a free version of an episode a priced version sells (laundering)', () => {
    expect(breachOf(free, ep({}, { soldIn: ['picks-v1'] }))).toMatchObject({ term: 'sold', why: expect.stringContaining('picks-v1') });
    expect(breachOf({ ...free, allowedBuyers: [BUYER] }, ep({}, { soldIn: ['picks-v1'] }))).toMatchObject({ term: 'sold' });
    expect(breachOf(priced, ep({}, { soldIn: ['picks-v1'] }))).toBeNull();
  });

  it('sells commercial data only in priced versions at or above the floor per hour of all their data', () => {
    const c = { policy: 'commercial' as const, floorPricePerHour: '150' };
    expect(breachOf(free, ep(c))).toMatchObject({ term: 'commercial' });
    expect(breachOf(priced, ep(c))).toBeNull();
    // Half an hour at 150 per hour: at least 75.
    expect(floorBreaches({ ...priced, price: '75' }, [ep(c)])).toEqual([]);
    expect(floorBreaches({ ...priced, price: '74' }, [ep(c)])).toEqual([expect.objectContaining({ episodeId: 'e-1', term: 'commercial', why: expect.stringContaining('at least 75') })]);
    // An open episode beside it adds hours the price must cover too.
    expect(floorBreaches({ ...priced, price: '75' }, [ep(c), ep({}, { id: 'e-2' })])).toHaveLength(1);
  });

  it('lets restricted data only into versions for buyers the owner listed', () => {
    const r = { policy: 'restricted' as const, allowedBuyers: [BUYER] };
    expect(breachOf(priced, ep(r))).toMatchObject({ term: 'restricted', why: expect.stringContaining('name them in allowedBuyers') });
    expect(breachOf({ ...priced, allowedBuyers: [BUYER, OTHER] }, ep(r))).toMatchObject({ term: 'restricted', why: expect.stringContaining(OTHER) });
    expect(breachOf({ ...priced, allowedBuyers: [BUYER] }, ep(r))).toBeNull();
    expect(breachOf({ ...free, allowedBuyers: [BUYER] }, ep(r))).toBeNull();
  });
});

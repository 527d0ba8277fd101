// Review is itself checked: check episodes with a known verdict (two with
// planted defects, rejected; one clean, accepted) are mixed into reviewers'
// queues and look like any episode in review. A reviewer who passes
// everything is found out after a few of them, gets no more reviews and earns
// nothing for the epoch's reviews; a careful one keeps earning. Check
// episodes never earn. Real stores (SQLite, then PostgreSQL) and services; the fleet is a
// recorder of what would be sent to robots (no robot is needed here).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAddress } from 'viem';
import { createLogger } from '../log.ts';
import { RewardService } from '../rewards/RewardService.ts';
import type { RobotFleet } from '../robots/RobotFleet.ts';
import { RobotRegistry } from '../robots/RobotRegistry.ts';
import { FileBlobStore } from '../store/BlobStore.ts';
import { openStoresWithRows, type HubStores } from '../store/stores.ts';
import { EpisodeService } from './EpisodeService.ts';
import { ReviewError, ReviewService } from './ReviewService.ts';
import { TEST_ENGINES, testDatabases } from '../store/testing/engines.ts';

const OWNER = '0x00000000000000000000000000000000000000a1';
const OPERATOR = '0x00000000000000000000000000000000000000b2';
const LAZY = '0x00000000000000000000000000000000000000c3';
const CAREFUL = '0x00000000000000000000000000000000000000d4';
const ADMIN = '0x00000000000000000000000000000000000000e5';
const AT = '2026-11-01T00:00:00.000Z';

describe.each(TEST_ENGINES)('check episodes in the review queue on %s', (engine) => {
  const databases = testDatabases(engine);
  let dir: string;
  let stores: HubStores;
  let episodes: EpisodeService;
  let reviews: ReviewService;
  let seed = 42;
  const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const gold = new Map<string, 'accepted' | 'rejected'>();
  let lazyReal = 0;
  let carefulReal = 0;

  beforeAll(async () => {
    const target = await databases.fresh();
    dir = target.dataDir;
    const rows = await openStoresWithRows(target);
    stores = rows.stores;
    await rows.insertRows('robots', [{ id: 'r-1', name: 'arm', model: 'so101', owner: OWNER, secret_hash: 'x', created_at: AT, revoked_at: null, secret_rotated_at: null, signing_address: null, data_policy: 'open', allowed_buyers: null }]);
    const episode = (id: string, state: string): Parameters<typeof rows.insertRows<'episodes'>>[1][number] => ({
      id, robot_id: 'r-1', operator: OPERATOR, task: 'pick', state, outcome: 'success', lease_id: 'l', started_at: AT, ended_at: AT,
      manifest: JSON.stringify({ manifest: { episodeId: id }, signer: '0x0', signature: '0x0' }), quality: null, checks: null, score: 1, reason: null,
      reviews_wanted: state === 'in_review' ? 1 : 0, updated_at: AT, verified_ms: 10_000, quarantined: null,
    });
    await rows.insertRows('episodes', [
      ...['e-g1', 'e-g2', 'e-g3'].map((id) => episode(id, id === 'e-g3' ? 'accepted' : 'rejected')),
      ...Array.from({ length: 12 }, (_, i) => episode(`e-real${String(i).padStart(2, '0')}`, 'in_review')),
    ]);
    const fleet = { sendSession: () => undefined, get: () => undefined } as unknown as RobotFleet;
    episodes = new EpisodeService({ store: stores.episodes, blobs: new FileBlobStore(join(dir, 'blobs')), registry: new RobotRegistry(stores.robots), fleet, logger: createLogger('silent'), chainId: 31337, thresholds: {} as never, reviewsPerEpisode: 1, fps: 30 });
    reviews = new ReviewService(stores.reviews, episodes, async () => OWNER, { rate: 0.5, minAnswers: 3, minAccuracy: 0.75, random });
    // Two with planted defects (their verdict: rejected), one clean (accepted).
    for (const [id, verdict, note] of [['e-g1', 'rejected', 'planted: the gripper drops the cube'], ['e-g2', 'rejected', 'planted: the front camera is black'], ['e-g3', 'accepted', 'a clean pick']] as const) {
      await reviews.addGold(id, verdict, note, ADMIN);
      gold.set(id, verdict);
    }
  });

  afterAll(async () => {
    await episodes?.close();
    await stores?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Reviews until none is given; `answer` says pass or fail. Returns how many check episodes the reviewer got, and why it stopped. */
  async function reviewAll(reviewer: string, answer: (episodeId: string) => boolean): Promise<{ checks: number; stopped: string }> {
    let checks = 0;
    for (;;) {
      let next: { episodeId: string };
      try {
        next = await reviews.next(reviewer);
      } catch (err) {
        return { checks, stopped: (err as ReviewError).code };
      }
      if (gold.has(next.episodeId)) checks++;
      else if (reviewer === LAZY) lazyReal++;
      else carefulReal++;
      const pass = answer(next.episodeId);
      const res = await reviews.submit(reviewer, next.episodeId, { taskDone: pass, camerasClear: pass, robotSafe: pass, score: pass ? 4 : 2 });
      // A check episode answers as any episode in review would.
      if (gold.has(next.episodeId)) expect(res).toEqual({ state: 'in_review' });
    }
  }

  it('finds out a reviewer who passes everything within a few check episodes, and gives them no more reviews', async () => {
    const lazy = await reviewAll(LAZY, () => true);
    expect(lazy.stopped).toBe('suspended');
    expect(lazy.checks).toBe(3);
    expect(await reviews.goldRecord(LAZY)).toEqual({ answered: 3, right: 1, accuracy: 1 / 3, suspended: true });
    await expect(reviews.next(LAZY)).rejects.toMatchObject({ code: 'suspended', message: 'you answered 1 of 3 check episodes as their known verdict; reviews need at least 75%, so no more are given to you' });
    expect(await reviews.rewardWeight(LAZY)).toEqual({ rate: 0 });
    // Their reviews decided nothing about the check episodes.
    expect((await episodes.get('e-g1'))?.state).toBe('rejected');
  });

  it('shows a reviewer the check episodes they were given as episodes in review, in every list', async () => {
    const checks = ['e-g1', 'e-g2', 'e-g3'];
    const seen = (list: { id: string; state: string; reason: string | null; score: number | null }[]): unknown[] =>
      list.filter((v) => checks.includes(v.id)).map((v) => [v.id, v.state, v.reason, v.score]).sort();
    const asInReview = checks.map((id) => [id, 'in_review', null, null]);
    expect(seen(await reviews.listFor(LAZY, {}))).toEqual(asInReview);
    expect(seen(await reviews.listFor(LAZY, { state: 'in_review' }))).toEqual(asInReview);
    expect(seen(await reviews.listFor(LAZY, { state: 'in_review', robotId: 'r-2' }))).toEqual([]);
    expect(seen(await reviews.listFor(LAZY, { state: 'rejected' }))).toEqual([]);
    expect(seen(await reviews.listFor(LAZY, { state: 'accepted' }))).toEqual([]);
    // Anyone they were not given to sees them as they are.
    expect(seen(await reviews.listFor(OPERATOR, { state: 'rejected' }))).toEqual([['e-g1', 'rejected', null, 1], ['e-g2', 'rejected', null, 1]]);
    expect(seen(await reviews.listFor(null, {})).map((v) => (v as unknown[])[1])).toEqual(['rejected', 'rejected', 'accepted']);
  });

  it('keeps a careful reviewer, and pays the epoch to them, not to the one found out, nor for check episodes', async () => {
    const careful = await reviewAll(CAREFUL, (id) => gold.get(id) !== 'rejected');
    expect(careful.stopped).toBe('nothing_to_review');
    expect(careful.checks).toBe(3);
    expect(await reviews.goldRecord(CAREFUL)).toMatchObject({ answered: 3, right: 3, suspended: false });
    expect(await reviews.rewardWeight(CAREFUL)).toEqual({ rate: 1 });
    const rewards = new RewardService({ store: stores.rewards, reviewerAgreement: (r) => reviews.rewardWeight(r), chain: null, config: { ratePerSecond: 10n ** 15n, weights: { operator: 6000, owner: 2500, reviewers: 1500 } }, logger: createLogger('silent') });
    expect(await rewards.settle()).toMatchObject({ epoch: 1 });
    // Credits are kept under checksummed addresses.
    const lazyCredits = await stores.rewards.creditsOf(getAddress(LAZY));
    expect(lazyCredits).toEqual([]);
    const carefulCredits = await stores.rewards.creditsOf(getAddress(CAREFUL));
    // The lazy reviewer's real reviews (given before they were found out) pay them nothing; the careful one's pay.
    expect(lazyReal).toBeGreaterThan(0);
    expect(carefulCredits.length).toBe(carefulReal);
    expect(carefulCredits.every((c) => c.role === 'reviewer' && !gold.has(c.episodeId ?? ''))).toBe(true);
    for (const account of [OPERATOR, OWNER]) {
      const credits = await stores.rewards.creditsOf(getAddress(account));
      expect(credits.length).toBeGreaterThan(0);
      expect(credits.some((c) => gold.has(c.episodeId ?? ''))).toBe(false);
    }
  });
});

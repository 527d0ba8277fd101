// Peer review: an episode in review goes to k reviewers (never its operator
// or its robot's owner), handed out at random among the episodes waiting when
// a reviewer asks for work. Each answers three pass/fail gates and a 1-5
// score; consensus decides, a split brings in one more reviewer, and the
// majority of all reviews settles it. Each reviewer's agreement with final
// verdicts is tracked. Gold episodes, whose verdict is known, are mixed into
// the queue at a set rate, looking like any episode in review; a reviewer's
// record on them weighs their reward share, and one who gets too many wrong
// gets no more reviews and earns nothing for their reviews.
import type { ReviewStore, SubmittedReview } from '../store/ReviewStore.ts';
import type { EpisodeService, EpisodeView } from './EpisodeService.ts';

export interface ReviewAnswer {
  taskDone: boolean;
  camerasClear: boolean;
  robotSafe: boolean;
  /** 1 (poor) to 5 (excellent). */
  score: number;
  comment?: string;
}

export class ReviewError extends Error {
  override name = 'ReviewError';
  constructor(
    readonly code: 'nothing_to_review' | 'not_assigned' | 'bad_request' | 'forbidden' | 'suspended' | 'unknown_episode',
    message: string,
  ) {
    super(message);
  }
}

const passes = (r: { taskDone: boolean; camerasClear: boolean; robotSafe: boolean }): boolean => r.taskDone && r.camerasClear && r.robotSafe;

export interface GoldOptions {
  /** Share of handed-out reviews that are gold episodes (when one is left for the reviewer). */
  rate: number;
  /** Gold answers before a reviewer's record counts. */
  minAnswers: number;
  /** Below this share of gold answers right, a reviewer gets no more reviews and earns nothing for reviews. */
  minAccuracy: number;
  random?: () => number;
}

export const DEFAULT_GOLD: GoldOptions = { rate: 0.1, minAnswers: 3, minAccuracy: 0.75 };

export interface GoldRecord {
  answered: number;
  right: number;
  /** right / answered, null before any gold answer. */
  accuracy: number | null;
  /** The record counts and is below the bar. */
  suspended: boolean;
}

export class ReviewService {
  constructor(
    private readonly store: ReviewStore,
    private readonly episodes: EpisodeService,
    /** Owner of a robot, to keep owners off their own robots' episodes. */
    private readonly ownerOf: (robotId: string) => Promise<string | null>,
    private readonly gold: GoldOptions = DEFAULT_GOLD,
  ) {}

  /** An episode for `reviewer` to review (an open assignment of theirs first), or an error when none waits. */
  async next(reviewer: string): Promise<{ episodeId: string }> {
    const open = await this.store.openAssignment(reviewer);
    if (open) return { episodeId: open };
    const record = await this.goldRecord(reviewer);
    if (record.suspended) {
      throw new ReviewError('suspended', `you answered ${record.right} of ${record.answered} check episodes as their known verdict; reviews need at least ${Math.round(this.gold.minAccuracy * 100)}%, so no more are given to you`);
    }
    if ((this.gold.random ?? Math.random)() < this.gold.rate) {
      for (const g of await this.store.goldCandidates(reviewer, 50)) {
        if ((await this.ownerOf(g.robotId)) === reviewer) continue;
        await this.store.assign(g.episodeId, reviewer);
        return { episodeId: g.episodeId };
      }
    }
    const eligible: string[] = [];
    for (const c of await this.store.candidates(reviewer, 200)) {
      if (c.reviewers.length >= c.reviewsWanted || c.reviewers.includes(reviewer)) continue;
      if ((await this.ownerOf(c.robotId)) === reviewer) continue;
      eligible.push(c.episodeId);
    }
    // In random order; one another reviewer (on this hub or another) took meanwhile is passed over.
    while (eligible.length > 0) {
      const [episodeId] = eligible.splice(Math.floor(Math.random() * eligible.length), 1);
      if (await this.store.assignIfWanted(episodeId!, reviewer)) return { episodeId: episodeId! };
    }
    throw new ReviewError('nothing_to_review', 'no episode is waiting for a review you may give');
  }

  async submit(reviewer: string, episodeId: string, a: ReviewAnswer): Promise<{ state: string }> {
    if (!Number.isInteger(a.score) || a.score < 1 || a.score > 5) throw new ReviewError('bad_request', 'score must be an integer from 1 to 5');
    const stored = await this.store.submit(episodeId, reviewer, { taskDone: a.taskDone, camerasClear: a.camerasClear, robotSafe: a.robotSafe, score: a.score, comment: a.comment?.slice(0, 2000) ?? null });
    if (!stored) throw new ReviewError('not_assigned', `episode ${episodeId} is not assigned to you for review (or you already reviewed it)`);
    // A gold episode's review decides nothing, and says nothing a real one would not.
    if (await this.store.goldVerdict(episodeId)) return { state: 'in_review' };
    return { state: await this.decide(episodeId) };
  }

  /** An episode's submitted reviews, for its page. */
  submitted(episodeId: string): Promise<SubmittedReview[]> {
    return this.store.submitted(episodeId);
  }

  /** Applies consensus once every wanted review is in. */
  private async decide(episodeId: string): Promise<string> {
    const ep = await this.episodes.get(episodeId);
    if (!ep || ep.state !== 'in_review') return ep?.state ?? 'unknown';
    const done = await this.store.submitted(episodeId);
    if (done.length < ep.reviewsWanted) return ep.state;
    const pass = done.filter(passes).length;
    const fail = done.length - pass;
    if (pass > 0 && fail > 0 && pass === fail) {
      // A split: one more reviewer settles it.
      await this.episodes.askOneMoreReview(episodeId);
      return ep.state;
    }
    const accepted = pass > fail;
    const meanScore = done.reduce((s, r) => s + r.score, 0) / done.length;
    // Final quality: the automatic checks' score weighted by the reviewers' (1-5 mapped to 0..1).
    const quality = (ep.score ?? 1) * ((meanScore - 1) / 4);
    const reasons = done.filter((r) => !passes(r)).map((r) => [r.taskDone ? null : 'task not done', r.camerasClear ? null : 'cameras not clear', r.robotSafe ? null : 'robot not safe'].filter(Boolean).join(', '));
    const verdict = accepted ? 'accepted' : 'rejected';
    // Two last reviews submitted at once both get here: the first verdict stands.
    if (!(await this.episodes.decide(episodeId, verdict, { score: quality, ...(accepted ? {} : { reason: `reviewers: ${[...new Set(reasons)].join('; ')}` }) }))) {
      return (await this.episodes.get(episodeId))?.state ?? 'unknown';
    }
    return verdict;
  }

  /** Makes a decided episode a gold one with its known verdict (its owner or an admin); it leaves datasets and rewards. */
  async addGold(episodeId: string, verdict: 'accepted' | 'rejected', note: string | null, by: string): Promise<void> {
    const ep = await this.episodes.get(episodeId);
    if (!ep) throw new ReviewError('unknown_episode', `no episode ${episodeId}`);
    if (ep.state !== 'accepted' && ep.state !== 'rejected') throw new ReviewError('bad_request', `episode ${episodeId} is ${ep.state}; only a decided episode can be a check episode`);
    if (!(await this.store.addGold({ episodeId, verdict, note, by }))) throw new ReviewError('bad_request', `episode ${episodeId} is already a check episode`);
  }

  /** Whether `reviewer` was given `episodeId` as a check episode (what they see of it is then masked). */
  async isCheckFor(reviewer: string, episodeId: string): Promise<boolean> {
    return (await this.store.goldVerdict(episodeId)) !== null && (await this.store.wasAssigned(episodeId, reviewer));
  }

  /**
   * Episodes as `viewer` may see them: a check episode they were given looks like any episode in review (its verdict,
   * reason and score hidden), in the list of episodes in review and out of the lists of its real state.
   */
  async listFor(viewer: string | null, filter: { robotId?: string; operator?: string; state?: string; limit?: number }): Promise<EpisodeView[]> {
    const given = new Set(viewer ? await this.store.goldGivenTo(viewer) : []);
    const list = await this.episodes.list(filter);
    if (given.size === 0) return list;
    const shown = list.filter((v) => !given.has(v.id) || filter.state === undefined || filter.state === 'in_review').map((v) => (given.has(v.id) ? asInReview(v) : v));
    if (filter.state === 'in_review') {
      for (const id of given) {
        if (shown.some((v) => v.id === id) || (filter.limit !== undefined && shown.length >= filter.limit)) continue;
        const v = await this.episodes.view(id);
        if (v && (!filter.robotId || v.robotId === filter.robotId) && (!filter.operator || v.operator === filter.operator)) shown.push(asInReview(v));
      }
    }
    return shown;
  }

  /** A reviewer's answers on gold episodes. */
  async goldRecord(reviewer: string): Promise<GoldRecord> {
    const answers = await this.store.goldAnswers(reviewer);
    const right = answers.filter((x) => x.passed === (x.verdict === 'accepted')).length;
    const accuracy = answers.length ? right / answers.length : null;
    return { answered: answers.length, right, accuracy, suspended: accuracy !== null && answers.length >= this.gold.minAnswers && accuracy < this.gold.minAccuracy };
  }

  /**
   * What a reviewer's reward share is weighed by: their gold accuracy once it counts (nothing when they are below the
   * bar), before that their agreement with final verdicts (1 with none decided yet).
   */
  async rewardWeight(reviewer: string): Promise<{ rate: number }> {
    const gold = await this.goldRecord(reviewer);
    if (gold.suspended) return { rate: 0 };
    if (gold.accuracy !== null && gold.answered >= this.gold.minAnswers) return { rate: gold.accuracy };
    return { rate: (await this.agreement(reviewer)).rate ?? 1 };
  }

  /** How often a reviewer's verdict matched the final one. */
  agreement(reviewer: string): Promise<{ reviewed: number; decided: number; agreed: number; rate: number | null }> {
    return reviewerAgreement(this.store, reviewer);
  }
}

/** How often a reviewer's pass/fail agreed with the final verdicts of episodes they reviewed. */
export async function reviewerAgreement(store: ReviewStore, reviewer: string): Promise<{ reviewed: number; decided: number; agreed: number; rate: number | null }> {
  const rows = await store.answersWithOutcome(reviewer);
  const decided = rows.filter((r) => r.episodeState === 'accepted' || r.episodeState === 'rejected');
  const agreed = decided.filter((r) => r.passed === (r.episodeState === 'accepted')).length;
  return { reviewed: rows.length, decided: decided.length, agreed, rate: decided.length ? agreed / decided.length : null };
}

/** A check episode as the reviewer it was given to sees it: one more episode in review. */
export function asInReview(v: EpisodeView): EpisodeView {
  return { ...v, state: 'in_review', reason: null, score: null };
}

// Peer review: an episode in review goes to k reviewers (never its operator
// or its robot's owner), handed out at random among the episodes waiting when
// a reviewer asks for work. Each answers three pass/fail gates and a 1-5
// score; consensus decides, a split brings in one more reviewer, and the
// majority of all reviews settles it. Each reviewer's agreement with final
// verdicts is tracked (it will weigh their rewards).
import type { ReviewStore, SubmittedReview } from '../store/ReviewStore.ts';
import type { EpisodeService } from './EpisodeService.ts';

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
    readonly code: 'nothing_to_review' | 'not_assigned' | 'bad_request' | 'forbidden',
    message: string,
  ) {
    super(message);
  }
}

const passes = (r: { taskDone: boolean; camerasClear: boolean; robotSafe: boolean }): boolean => r.taskDone && r.camerasClear && r.robotSafe;

export class ReviewService {
  constructor(
    private readonly store: ReviewStore,
    private readonly episodes: EpisodeService,
    /** Owner of a robot, to keep owners off their own robots' episodes. */
    private readonly ownerOf: (robotId: string) => Promise<string | null>,
  ) {}

  /** An episode for `reviewer` to review (an open assignment of theirs first), or an error when none waits. */
  async next(reviewer: string): Promise<{ episodeId: string }> {
    const open = await this.store.openAssignment(reviewer);
    if (open) return { episodeId: open };
    const eligible: string[] = [];
    for (const c of await this.store.candidates(reviewer, 200)) {
      if (c.reviewers.length >= c.reviewsWanted || c.reviewers.includes(reviewer)) continue;
      if ((await this.ownerOf(c.robotId)) === reviewer) continue;
      eligible.push(c.episodeId);
    }
    if (eligible.length === 0) throw new ReviewError('nothing_to_review', 'no episode is waiting for a review you may give');
    const episodeId = eligible[Math.floor(Math.random() * eligible.length)]!;
    await this.store.assign(episodeId, reviewer);
    return { episodeId };
  }

  async submit(reviewer: string, episodeId: string, a: ReviewAnswer): Promise<{ state: string }> {
    if (!Number.isInteger(a.score) || a.score < 1 || a.score > 5) throw new ReviewError('bad_request', 'score must be an integer from 1 to 5');
    const stored = await this.store.submit(episodeId, reviewer, { taskDone: a.taskDone, camerasClear: a.camerasClear, robotSafe: a.robotSafe, score: a.score, comment: a.comment?.slice(0, 2000) ?? null });
    if (!stored) throw new ReviewError('not_assigned', `episode ${episodeId} is not assigned to you for review (or you already reviewed it)`);
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

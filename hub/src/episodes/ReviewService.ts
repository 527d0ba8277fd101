// Peer review: an episode in review goes to k reviewers (never its operator
// or its robot's owner), handed out at random among the episodes waiting when
// a reviewer asks for work. Each answers three pass/fail gates and a 1-5
// score; consensus decides, a split brings in one more reviewer, and the
// majority of all reviews settles it. Each reviewer's agreement with final
// verdicts is tracked (it will weigh their rewards).
import type { HubDb } from '../store/database.ts';
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

const passes = (r: { task_done: number | null; cameras_clear: number | null; robot_safe: number | null }): boolean => r.task_done === 1 && r.cameras_clear === 1 && r.robot_safe === 1;

export class ReviewService {
  constructor(
    private readonly db: HubDb,
    private readonly episodes: EpisodeService,
    /** Owner of a robot, to keep owners off their own robots' episodes. */
    private readonly ownerOf: (robotId: string) => Promise<string | null>,
  ) {}

  /** An episode for `reviewer` to review (an open assignment of theirs first), or an error when none waits. */
  async next(reviewer: string): Promise<{ episodeId: string }> {
    const open = await this.db.selectFrom('reviews').select('episode_id').where('reviewer', '=', reviewer).where('submitted_at', 'is', null).executeTakeFirst();
    if (open) return { episodeId: open.episode_id };
    const candidates = await this.db
      .selectFrom('episodes')
      .select(['id', 'robot_id', 'operator', 'reviews_wanted'])
      .where('state', '=', 'in_review')
      .where('operator', '!=', reviewer)
      .orderBy('updated_at')
      .limit(200)
      .execute();
    const eligible: string[] = [];
    for (const c of candidates) {
      const reviews = await this.db.selectFrom('reviews').select(['reviewer']).where('episode_id', '=', c.id).execute();
      if (reviews.length >= c.reviews_wanted || reviews.some((r) => r.reviewer === reviewer)) continue;
      if ((await this.ownerOf(c.robot_id)) === reviewer) continue;
      eligible.push(c.id);
    }
    if (eligible.length === 0) throw new ReviewError('nothing_to_review', 'no episode is waiting for a review you may give');
    const episodeId = eligible[Math.floor(Math.random() * eligible.length)]!;
    await this.db.insertInto('reviews').values({ episode_id: episodeId, reviewer, assigned_at: new Date().toISOString(), submitted_at: null, task_done: null, cameras_clear: null, robot_safe: null, score: null, comment: null }).execute();
    return { episodeId };
  }

  async submit(reviewer: string, episodeId: string, a: ReviewAnswer): Promise<{ state: string }> {
    if (!Number.isInteger(a.score) || a.score < 1 || a.score > 5) throw new ReviewError('bad_request', 'score must be an integer from 1 to 5');
    const res = await this.db
      .updateTable('reviews')
      .set({ submitted_at: new Date().toISOString(), task_done: a.taskDone ? 1 : 0, cameras_clear: a.camerasClear ? 1 : 0, robot_safe: a.robotSafe ? 1 : 0, score: a.score, comment: a.comment?.slice(0, 2000) ?? null })
      .where('episode_id', '=', episodeId)
      .where('reviewer', '=', reviewer)
      .where('submitted_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new ReviewError('not_assigned', `episode ${episodeId} is not assigned to you for review (or you already reviewed it)`);
    return { state: await this.decide(episodeId) };
  }

  /** Applies consensus once every wanted review is in. */
  private async decide(episodeId: string): Promise<string> {
    const ep = await this.episodes.get(episodeId);
    if (!ep || ep.state !== 'in_review') return ep?.state ?? 'unknown';
    const done = await this.db.selectFrom('reviews').selectAll().where('episode_id', '=', episodeId).where('submitted_at', 'is not', null).execute();
    if (done.length < ep.reviews_wanted) return ep.state;
    const pass = done.filter(passes).length;
    const fail = done.length - pass;
    if (pass > 0 && fail > 0 && pass === fail) {
      // A split: one more reviewer settles it.
      await this.episodes.askOneMoreReview(episodeId);
      return ep.state;
    }
    const accepted = pass > fail;
    const meanScore = done.reduce((s, r) => s + (r.score ?? 0), 0) / done.length;
    // Final quality: the automatic checks' score weighted by the reviewers' (1-5 mapped to 0..1).
    const quality = (ep.score ?? 1) * ((meanScore - 1) / 4);
    const reasons = done.filter((r) => !passes(r)).map((r) => [r.task_done ? null : 'task not done', r.cameras_clear ? null : 'cameras not clear', r.robot_safe ? null : 'robot not safe'].filter(Boolean).join(', '));
    const verdict = accepted ? 'accepted' : 'rejected';
    // Two last reviews submitted at once both get here: the first verdict stands.
    if (!(await this.episodes.decide(episodeId, verdict, { score: quality, ...(accepted ? {} : { reason: `reviewers: ${[...new Set(reasons)].join('; ')}` }) }))) {
      return (await this.episodes.get(episodeId))?.state ?? 'unknown';
    }
    return verdict;
  }

  /** How often a reviewer's verdict matched the final one. */
  agreement(reviewer: string): Promise<{ reviewed: number; decided: number; agreed: number; rate: number | null }> {
    return reviewerAgreement(this.db, reviewer);
  }
}

/** How often a reviewer's pass/fail agreed with the final verdicts of episodes they reviewed. */
export async function reviewerAgreement(db: HubDb, reviewer: string): Promise<{ reviewed: number; decided: number; agreed: number; rate: number | null }> {
  const rows = await db
    .selectFrom('reviews')
    .innerJoin('episodes', 'episodes.id', 'reviews.episode_id')
    .select(['reviews.task_done', 'reviews.cameras_clear', 'reviews.robot_safe', 'episodes.state'])
    .where('reviews.reviewer', '=', reviewer)
    .where('reviews.submitted_at', 'is not', null)
    .execute();
  const decided = rows.filter((r) => r.state === 'accepted' || r.state === 'rejected');
  const agreed = decided.filter((r) => passes(r) === (r.state === 'accepted')).length;
  return { reviewed: rows.length, decided: decided.length, agreed, rate: decided.length ? agreed / decided.length : null };
}

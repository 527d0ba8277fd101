// Peer reviews: the only module that reads or writes the reviews and
// gold_episodes tables. A review is an assignment (reviewer, episode) until
// its answers are submitted. Gold episodes have a known verdict; reviews of
// them check the reviewer and decide nothing about the episode.
import type { HubDb } from './database.ts';
import { lockRows } from './dialect.ts';

export interface ReviewAnswers {
  taskDone: boolean;
  camerasClear: boolean;
  robotSafe: boolean;
  /** 1 (poor) to 5 (excellent). */
  score: number;
  comment: string | null;
}

export interface SubmittedReview extends ReviewAnswers {
  reviewer: string;
  submittedAt: string;
}

/** A review waiting episode, for handing out work. */
export interface ReviewCandidate {
  episodeId: string;
  robotId: string;
  reviewsWanted: number;
  /** Reviewers already assigned (submitted or not). */
  reviewers: string[];
}

const now = (): string => new Date().toISOString();

export class ReviewStore {
  constructor(private readonly db: HubDb) {}

  /** The episode a reviewer was assigned and has not answered yet, if any. */
  async openAssignment(reviewer: string): Promise<string | null> {
    const row = await this.db.selectFrom('reviews').select('episode_id').where('reviewer', '=', reviewer).where('submitted_at', 'is', null).executeTakeFirst();
    return row?.episode_id ?? null;
  }

  /**
   * Episodes in review, oldest change first, that someone other than `notOperator` recorded, with who is
   * assigned to each (reads the episodes table, which the episode store owns).
   */
  async candidates(notOperator: string, limit: number): Promise<ReviewCandidate[]> {
    const episodes = await this.db
      .selectFrom('episodes')
      .select(['id', 'robot_id', 'reviews_wanted'])
      .where('state', '=', 'in_review')
      .where('operator', '!=', notOperator)
      .orderBy('updated_at')
      .limit(limit)
      .execute();
    if (episodes.length === 0) return [];
    const assigned = await this.db
      .selectFrom('reviews')
      .select(['episode_id', 'reviewer'])
      .where('episode_id', 'in', episodes.map((e) => e.id))
      .execute();
    return episodes.map((e) => ({
      episodeId: e.id,
      robotId: e.robot_id,
      reviewsWanted: e.reviews_wanted,
      reviewers: assigned.filter((a) => a.episode_id === e.id).map((a) => a.reviewer),
    }));
  }

  async assign(episodeId: string, reviewer: string): Promise<void> {
    await this.db
      .insertInto('reviews')
      .values({ episode_id: episodeId, reviewer, assigned_at: now(), submitted_at: null, task_done: null, cameras_clear: null, robot_safe: null, score: null, comment: null })
      .execute();
  }

  /**
   * Assigns an episode in review to a reviewer if it still wants a review from someone new; false when it is no
   * longer in review, has every reviewer it wants, or has this one. The episode's row is locked meanwhile, so
   * two hubs handing out the last review of an episode at once give it once.
   */
  async assignIfWanted(episodeId: string, reviewer: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await lockRows(trx, 'episodes', 'id', episodeId);
      const episode = await trx.selectFrom('episodes').select(['state', 'reviews_wanted']).where('id', '=', episodeId).executeTakeFirst();
      if (episode?.state !== 'in_review') return false;
      const assigned = await trx.selectFrom('reviews').select('reviewer').where('episode_id', '=', episodeId).execute();
      if (assigned.length >= episode.reviews_wanted || assigned.some((a) => a.reviewer === reviewer)) return false;
      await new ReviewStore(trx).assign(episodeId, reviewer);
      return true;
    });
  }

  /** Stores a reviewer's answers to their open assignment; false when they have none for this episode. */
  async submit(episodeId: string, reviewer: string, a: ReviewAnswers): Promise<boolean> {
    const res = await this.db
      .updateTable('reviews')
      .set({ submitted_at: now(), task_done: a.taskDone ? 1 : 0, cameras_clear: a.camerasClear ? 1 : 0, robot_safe: a.robotSafe ? 1 : 0, score: a.score, comment: a.comment })
      .where('episode_id', '=', episodeId)
      .where('reviewer', '=', reviewer)
      .where('submitted_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** An episode's submitted reviews, by reviewer. */
  async submitted(episodeId: string): Promise<SubmittedReview[]> {
    const rows = await this.db.selectFrom('reviews').selectAll().where('episode_id', '=', episodeId).where('submitted_at', 'is not', null).orderBy('reviewer').execute();
    return rows.map((r) => ({
      reviewer: r.reviewer,
      submittedAt: r.submitted_at!,
      taskDone: r.task_done === 1,
      camerasClear: r.cameras_clear === 1,
      robotSafe: r.robot_safe === 1,
      score: r.score ?? 0,
      comment: r.comment,
    }));
  }

  // Gold episodes

  /** Marks a decided episode as gold with its known verdict; false when it already is. */
  async addGold(g: { episodeId: string; verdict: 'accepted' | 'rejected'; note: string | null; by: string }): Promise<boolean> {
    const res = await this.db
      .insertInto('gold_episodes')
      .values({ episode_id: g.episodeId, verdict: g.verdict, note: g.note, added_by: g.by, added_at: now() })
      .onConflict((oc) => oc.column('episode_id').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async wasAssigned(episodeId: string, reviewer: string): Promise<boolean> {
    return (await this.db.selectFrom('reviews').select('id').where('episode_id', '=', episodeId).where('reviewer', '=', reviewer).executeTakeFirst()) !== undefined;
  }

  /** The gold episodes `reviewer` was given. */
  async goldGivenTo(reviewer: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('reviews')
      .innerJoin('gold_episodes', 'gold_episodes.episode_id', 'reviews.episode_id')
      .select('reviews.episode_id')
      .where('reviews.reviewer', '=', reviewer)
      .execute();
    return rows.map((r) => r.episode_id);
  }

  /** The known verdict of a gold episode, or null for any other episode. */
  async goldVerdict(episodeId: string): Promise<'accepted' | 'rejected' | null> {
    const row = await this.db.selectFrom('gold_episodes').select('verdict').where('episode_id', '=', episodeId).executeTakeFirst();
    return (row?.verdict as 'accepted' | 'rejected' | undefined) ?? null;
  }

  /** Gold episodes `reviewer` was never given and did not operate, with their robot (for the owner rule). */
  async goldCandidates(reviewer: string, limit: number): Promise<{ episodeId: string; robotId: string }[]> {
    const given = this.db.selectFrom('reviews').select('episode_id').where('reviewer', '=', reviewer);
    const rows = await this.db
      .selectFrom('gold_episodes')
      .innerJoin('episodes', 'episodes.id', 'gold_episodes.episode_id')
      .select(['episodes.id', 'episodes.robot_id'])
      .where('episodes.operator', '!=', reviewer)
      .where('gold_episodes.episode_id', 'not in', given)
      .limit(limit)
      .execute();
    return rows.map((r) => ({ episodeId: r.id, robotId: r.robot_id }));
  }

  /** A reviewer's submitted answers on gold episodes, each with the known verdict. */
  async goldAnswers(reviewer: string): Promise<{ passed: boolean; verdict: 'accepted' | 'rejected' }[]> {
    const rows = await this.db
      .selectFrom('reviews')
      .innerJoin('gold_episodes', 'gold_episodes.episode_id', 'reviews.episode_id')
      .select(['reviews.task_done', 'reviews.cameras_clear', 'reviews.robot_safe', 'gold_episodes.verdict'])
      .where('reviews.reviewer', '=', reviewer)
      .where('reviews.submitted_at', 'is not', null)
      .execute();
    return rows.map((r) => ({ passed: r.task_done === 1 && r.cameras_clear === 1 && r.robot_safe === 1, verdict: r.verdict as 'accepted' | 'rejected' }));
  }

  /** A reviewer's submitted answers with the state each episode is in now (reads the episodes table; gold episodes left out). */
  async answersWithOutcome(reviewer: string): Promise<{ passed: boolean; episodeState: string }[]> {
    const rows = await this.db
      .selectFrom('reviews')
      .innerJoin('episodes', 'episodes.id', 'reviews.episode_id')
      .select(['reviews.task_done', 'reviews.cameras_clear', 'reviews.robot_safe', 'episodes.state'])
      .where('reviews.reviewer', '=', reviewer)
      .where('reviews.submitted_at', 'is not', null)
      .where('reviews.episode_id', 'not in', this.db.selectFrom('gold_episodes').select('episode_id'))
      .execute();
    return rows.map((r) => ({ passed: r.task_done === 1 && r.cameras_clear === 1 && r.robot_safe === 1, episodeState: r.state }));
  }
}

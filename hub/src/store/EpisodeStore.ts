// Episodes and their uploaded files: the only module that reads or writes the
// episodes and episode_files tables. It turns rows into typed records (the
// signed manifest, the hub's quality measurements and check results are JSON
// in their columns) and back; a state moves only through move(), one
// conditional update from the states the caller expects.
import type { httpApi, SignedManifest } from '@teleop/proto';
import type { CheckResult } from '../episodes/automaticChecks.ts';
import type { EpisodeState } from '../episodes/episodeStates.ts';
import type { HubDb } from './database.ts';
import type { EpisodesTable } from './schema.ts';

/** Teleoperation quality the hub measured while the episode recorded (as the API answers it). */
export type TeleopQuality = httpApi.TeleopQuality;

/** The automatic checks' results, and the trajectory signature later episodes are compared with. */
export interface EpisodeChecks {
  results: CheckResult[];
  signature?: number[][];
}

export interface EpisodeRecord {
  id: string;
  robotId: string;
  /** Operator wallet address. */
  operator: string;
  task: string;
  state: EpisodeState;
  /** success, failure or failed, once known. */
  outcome: string | null;
  leaseId: string;
  startedAt: string;
  endedAt: string | null;
  /** The signed manifest, once verification read it. */
  manifest: SignedManifest | null;
  quality: TeleopQuality | null;
  checks: EpisodeChecks | null;
  /** Quality score 0..1 from the soft checks and reviews. */
  score: number | null;
  /** Why it was rejected or failed, for the operator. */
  reason: string | null;
  /** Reviews wanted before a verdict. */
  reviewsWanted: number;
  updatedAt: string;
  /** Milliseconds the hub verified in the files, capped by the time it saw the episode recording; what rewards pay for. */
  verifiedMs: number | null;
  /** Why it may no longer enter datasets or rewards (a stored file changed after verification); null: usable. */
  quarantined: string | null;
}

export interface EpisodeFile {
  name: string;
  size: number;
  sha256: string;
}

/** What may be set along with a state move. */
export type EpisodeChange = Partial<Pick<EpisodeRecord, 'outcome' | 'endedAt' | 'quality' | 'reason' | 'manifest' | 'checks' | 'score' | 'reviewsWanted' | 'verifiedMs'>>;

export interface EpisodeFilter {
  robotId?: string;
  operator?: string;
  state?: string;
  limit?: number;
}

const now = (): string => new Date().toISOString();

function toRecord(r: EpisodesTable): EpisodeRecord {
  return {
    id: r.id,
    robotId: r.robot_id,
    operator: r.operator,
    task: r.task,
    state: r.state as EpisodeState,
    outcome: r.outcome,
    leaseId: r.lease_id,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    manifest: r.manifest ? (JSON.parse(r.manifest) as SignedManifest) : null,
    quality: r.quality ? (JSON.parse(r.quality) as TeleopQuality) : null,
    checks: r.checks ? (JSON.parse(r.checks) as EpisodeChecks) : null,
    score: r.score,
    reason: r.reason,
    reviewsWanted: r.reviews_wanted,
    updatedAt: r.updated_at,
    verifiedMs: r.verified_ms,
    quarantined: r.quarantined,
  };
}

function toColumns(c: EpisodeChange): Partial<EpisodesTable> {
  const out: Partial<EpisodesTable> = {};
  if (c.outcome !== undefined) out.outcome = c.outcome;
  if (c.endedAt !== undefined) out.ended_at = c.endedAt;
  if (c.quality !== undefined) out.quality = c.quality === null ? null : JSON.stringify(c.quality);
  if (c.reason !== undefined) out.reason = c.reason;
  if (c.manifest !== undefined) out.manifest = c.manifest === null ? null : JSON.stringify(c.manifest);
  if (c.checks !== undefined) out.checks = c.checks === null ? null : JSON.stringify(c.checks);
  if (c.score !== undefined) out.score = c.score;
  if (c.reviewsWanted !== undefined) out.reviews_wanted = c.reviewsWanted;
  if (c.verifiedMs !== undefined) out.verified_ms = c.verifiedMs;
  return out;
}

export class EpisodeStore {
  constructor(private readonly db: HubDb) {}

  /** A new episode in `recording`; false when the robot already records one (a unique index settles two racing starts). */
  async insertRecording(e: { id: string; robotId: string; operator: string; task: string; leaseId: string }): Promise<boolean> {
    const inserted = await this.db
      .insertInto('episodes')
      .values({
        id: e.id,
        robot_id: e.robotId,
        operator: e.operator,
        task: e.task,
        state: 'recording',
        outcome: null,
        lease_id: e.leaseId,
        started_at: now(),
        ended_at: null,
        manifest: null,
        quality: null,
        checks: null,
        score: null,
        reason: null,
        reviews_wanted: 0,
        updated_at: now(),
        verified_ms: null,
        quarantined: null,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** Moves an episode from one of `from` to `to`, with `change`, in one conditional update; false when it was in none of them. */
  async move(id: string, from: readonly EpisodeState[], to: EpisodeState, change: EpisodeChange = {}): Promise<boolean> {
    const res = await this.db
      .updateTable('episodes')
      .set({ ...toColumns(change), state: to, updated_at: now() })
      .where('id', '=', id)
      .where('state', 'in', [...from])
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  /** Takes an episode out of datasets and rewards, saying why (its state stays: what was decided was decided). */
  async quarantine(id: string, reason: string): Promise<void> {
    await this.db.updateTable('episodes').set({ quarantined: reason, updated_at: now() }).where('id', '=', id).where('quarantined', 'is', null).execute();
  }

  /** One more review wanted, while the episode is still in review. */
  async wantOneMoreReview(id: string): Promise<void> {
    await this.db
      .updateTable('episodes')
      .set((eb) => ({ reviews_wanted: eb('reviews_wanted', '+', 1), updated_at: now() }))
      .where('id', '=', id)
      .where('state', '=', 'in_review')
      .execute();
  }

  async get(id: string): Promise<EpisodeRecord | undefined> {
    const row = await this.db.selectFrom('episodes').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  /** Episodes by id, in no particular order (missing ids are left out). */
  async getMany(ids: readonly string[]): Promise<EpisodeRecord[]> {
    if (ids.length === 0) return [];
    return (await this.db.selectFrom('episodes').selectAll().where('id', 'in', [...ids]).execute()).map(toRecord);
  }

  /** The episode a robot records now, if any. */
  async recordingOf(robotId: string): Promise<EpisodeRecord | undefined> {
    const row = await this.db.selectFrom('episodes').selectAll().where('robot_id', '=', robotId).where('state', '=', 'recording').executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async idsInStates(states: readonly EpisodeState[]): Promise<string[]> {
    return (await this.db.selectFrom('episodes').select('id').where('state', 'in', [...states]).execute()).map((r) => r.id);
  }

  /** Verified episodes in one of `states` without a verified duration (checked before the hub measured durations). */
  async idsWithoutVerifiedMs(states: readonly EpisodeState[]): Promise<string[]> {
    return (await this.db.selectFrom('episodes').select('id').where('state', 'in', [...states]).where('verified_ms', 'is', null).execute()).map((r) => r.id);
  }

  /** Sets the verified duration of an episode that has none. */
  async setVerifiedMsOnce(id: string, ms: number): Promise<void> {
    await this.db.updateTable('episodes').set({ verified_ms: ms, updated_at: now() }).where('id', '=', id).where('verified_ms', 'is', null).execute();
  }

  /** Episodes in one of `states` whose manifest file arrived but was never read (verification never started). */
  async idsWithUnreadManifest(states: readonly EpisodeState[]): Promise<string[]> {
    const rows = await this.db
      .selectFrom('episodes')
      .innerJoin('episode_files', 'episode_files.episode_id', 'episodes.id')
      .select('episodes.id')
      .where('episode_files.name', '=', 'manifest.json')
      .where('episodes.state', 'in', [...states])
      .where('episodes.manifest', 'is', null)
      .execute();
    return rows.map((r) => r.id);
  }

  async list(filter: EpisodeFilter): Promise<EpisodeRecord[]> {
    let q = this.db.selectFrom('episodes').selectAll().orderBy('started_at', 'desc').limit(Math.min(filter.limit ?? 100, 1000));
    if (filter.robotId) q = q.where('robot_id', '=', filter.robotId);
    if (filter.operator) q = q.where('operator', '=', filter.operator);
    if (filter.state) q = q.where('state', '=', filter.state);
    return (await q.execute()).map(toRecord);
  }

  /** The trajectory signatures of a robot's latest checked episodes (newest first), other than `exceptId`. */
  async recentSignatures(robotId: string, exceptId: string, limit: number): Promise<{ episodeId: string; signature: number[][] }[]> {
    const rows = await this.db
      .selectFrom('episodes')
      .select(['id', 'checks'])
      .where('robot_id', '=', robotId)
      .where('id', '!=', exceptId)
      .where('checks', 'is not', null)
      .orderBy('started_at', 'desc')
      .limit(limit)
      .execute();
    const out: { episodeId: string; signature: number[][] }[] = [];
    for (const r of rows) {
      const sig = (JSON.parse(r.checks!) as EpisodeChecks).signature;
      if (sig) out.push({ episodeId: r.id, signature: sig });
    }
    return out;
  }

  /** How many of a robot's episodes there are, and how many were accepted. */
  async countsOfRobot(robotId: string): Promise<{ total: number; accepted: number }> {
    const rows = await this.db.selectFrom('episodes').select(['state']).where('robot_id', '=', robotId).execute();
    return { total: rows.length, accepted: rows.filter((r) => r.state === 'accepted').length };
  }

  // Files

  async files(episodeId: string): Promise<EpisodeFile[]> {
    return this.db.selectFrom('episode_files').select(['name', 'size', 'sha256']).where('episode_id', '=', episodeId).orderBy('name').execute();
  }

  async file(episodeId: string, name: string): Promise<EpisodeFile | undefined> {
    return this.db.selectFrom('episode_files').select(['name', 'size', 'sha256']).where('episode_id', '=', episodeId).where('name', '=', name).executeTakeFirst();
  }

  /** A file that finished uploading (a retried upload replaces the earlier record). */
  async recordFile(episodeId: string, f: EpisodeFile): Promise<void> {
    await this.db
      .insertInto('episode_files')
      .values({ episode_id: episodeId, name: f.name, size: f.size, sha256: f.sha256, received_at: now() })
      .onConflict((oc) => oc.columns(['episode_id', 'name']).doUpdateSet({ size: f.size, sha256: f.sha256, received_at: now() }))
      .execute();
  }

  /** Another episode that holds a file with one of these digests, if any (a replayed upload). */
  async episodeHoldingAny(sha256s: readonly string[], exceptId: string): Promise<string | null> {
    if (sha256s.length === 0) return null;
    const row = await this.db.selectFrom('episode_files').select(['episode_id']).where('sha256', 'in', [...sha256s]).where('episode_id', '!=', exceptId).executeTakeFirst();
    return row?.episode_id ?? null;
  }
}

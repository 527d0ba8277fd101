// The life of an episode on the hub: recording -> uploading -> verifying ->
// checks -> in_review -> accepted / rejected (or discarded, failed). One
// owner of each transition; every step is stored, with the reason an
// operator can read.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { describedJoints, type SignedManifest } from '@teleop/proto';
import type { Logger } from '../log.ts';
import type { RobotFleet } from '../robots/RobotFleet.ts';
import type { RobotRegistry } from '../robots/RobotRegistry.ts';
import { episodeBlobKey, type BlobStore } from '../store/BlobStore.ts';
import type { HubDb } from '../store/database.ts';
import type { EpisodesTable } from '../store/schema.ts';
import { qualityScore, runChecks, trajectorySignature, type CheckResult, type CheckThresholds } from './automaticChecks.ts';
import { verifyEpisode } from './verifyEpisode.ts';

export type EpisodeState = 'recording' | 'uploading' | 'verifying' | 'checks' | 'in_review' | 'accepted' | 'rejected' | 'discarded' | 'failed';

export interface TeleopQuality {
  controlRoundTripMs: { p50: number; p95: number } | null;
  videoCaptureToHubMs: { p50: number; p95: number } | null;
  videoPacketsLost: number;
  /** Watchdog holds (the command stream stopped) and lease losses during the episode. */
  holds: number;
  leaseInterruptions: number;
}

export interface EpisodeView {
  id: string;
  robotId: string;
  operator: string;
  task: string;
  state: EpisodeState;
  outcome: string | null;
  startedAt: string;
  endedAt: string | null;
  score: number | null;
  reason: string | null;
  quality: TeleopQuality | null;
  checks: CheckResult[] | null;
  manifest: SignedManifest | null;
  files: { name: string; size: number; sha256: string }[];
}

export class EpisodeError extends Error {
  override name = 'EpisodeError';
  constructor(
    readonly code: 'unknown_episode' | 'not_lease_holder' | 'already_recording' | 'not_recording' | 'bad_request' | 'forbidden',
    message: string,
  ) {
    super(message);
  }
}

export interface EpisodeServiceOptions {
  db: HubDb;
  blobs: BlobStore;
  registry: RobotRegistry;
  fleet: RobotFleet;
  logger: Logger;
  chainId: number;
  thresholds: CheckThresholds;
  /** Reviewers each episode goes to. */
  reviewsPerEpisode: number;
  /** Dataset frame rate asked of robots. */
  fps: number;
}

interface EpisodeEvents {
  changed: [episode: { id: string; robotId: string; operator: string; state: EpisodeState }];
}

const now = (): string => new Date().toISOString();

/** Samples collected while an episode records, for its teleoperation quality. */
interface Collector {
  rtts: number[];
  holds: number;
  leaseInterruptions: number;
  lostAtStart: number;
}

function pct(values: number[]): { p50: number; p95: number } | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number): number => Number(s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(2));
  return { p50: at(0.5), p95: at(0.95) };
}

export class EpisodeService extends EventEmitter<EpisodeEvents> {
  private readonly recording = new Map<string, { episodeId: string; startedAtMs: number; collector: Collector }>();
  /** Episodes being verified, so a second manifest upload does not start a second run. */
  private readonly verifying = new Set<string>();

  constructor(private readonly o: EpisodeServiceOptions) {
    super();
  }

  /** The episode a robot records now, if any. */
  recordingOf(robotId: string): string | null {
    return this.recording.get(robotId)?.episodeId ?? null;
  }

  /** Feeds the quality collector (called by the fleet/relay wiring in Hub). */
  observeRoundTrip(robotId: string, ms: number): void {
    const r = this.recording.get(robotId);
    if (r && r.collector.rtts.length < 100_000) r.collector.rtts.push(ms);
  }

  observeHold(robotId: string): void {
    const r = this.recording.get(robotId);
    if (r) r.collector.holds++;
  }

  async start(p: { robotId: string; operator: string; leaseId: string; task: string; videoLost: number }): Promise<string> {
    const task = p.task.trim();
    if (!task || task.length > 200) throw new EpisodeError('bad_request', 'an episode needs a task of 1 to 200 characters');
    if (this.recording.has(p.robotId)) throw new EpisodeError('already_recording', `robot ${p.robotId} is already recording episode ${this.recording.get(p.robotId)!.episodeId}`);
    const id = `e-${randomUUID()}`;
    await this.o.db
      .insertInto('episodes')
      .values({
        id,
        robot_id: p.robotId,
        operator: p.operator,
        task,
        state: 'recording',
        outcome: null,
        lease_id: p.leaseId,
        started_at: now(),
        ended_at: null,
        manifest: null,
        quality: null,
        checks: null,
        score: null,
        reason: null,
        reviews_wanted: 0,
        updated_at: now(),
      })
      .execute();
    this.recording.set(p.robotId, { episodeId: id, startedAtMs: Date.now(), collector: { rtts: [], holds: 0, leaseInterruptions: 0, lostAtStart: p.videoLost } });
    this.o.fleet.sendSession(p.robotId, { episodeStart: { episodeId: id, task, leaseId: p.leaseId, operator: p.operator, fps: this.o.fps } });
    this.o.logger.info({ episodeId: id, robotId: p.robotId, task }, 'episode started');
    this.emit('changed', { id, robotId: p.robotId, operator: p.operator, state: 'recording' });
    return id;
  }

  /** Ends the robot's recording: success/failure go on to upload, discard drops it. */
  async stop(robotId: string, outcome: 'success' | 'failure' | 'discard', video: { captureToHubMs: { p50: number; p95: number } | null; lost: number }, leaseLost = false): Promise<string> {
    const r = this.recording.get(robotId);
    if (!r) throw new EpisodeError('not_recording', `robot ${robotId} is not recording an episode`);
    this.recording.delete(robotId);
    this.o.fleet.sendSession(robotId, { episodeStop: { episodeId: r.episodeId, outcome } });
    const quality: TeleopQuality = {
      controlRoundTripMs: pct(r.collector.rtts),
      videoCaptureToHubMs: video.captureToHubMs,
      videoPacketsLost: Math.max(0, video.lost - r.collector.lostAtStart),
      holds: r.collector.holds,
      leaseInterruptions: r.collector.leaseInterruptions + (leaseLost ? 1 : 0),
    };
    const state: EpisodeState = outcome === 'discard' ? 'discarded' : 'uploading';
    await this.o.db
      .updateTable('episodes')
      .set({ state, outcome: outcome === 'discard' ? null : outcome, ended_at: now(), quality: JSON.stringify(quality), updated_at: now() })
      .where('id', '=', r.episodeId)
      .execute();
    await this.changed(r.episodeId);
    return r.episodeId;
  }

  /** The robot's connection or lease ended while recording: the episode ends as a failure. */
  async abortRecording(robotId: string, why: string): Promise<void> {
    if (!this.recording.has(robotId)) return;
    const id = await this.stop(robotId, 'failure', { captureToHubMs: null, lost: 0 }, true);
    await this.o.db.updateTable('episodes').set({ reason: why }).where('id', '=', id).execute();
    this.o.logger.warn({ episodeId: id, robotId }, `episode ended: ${why}`);
  }

  private readonly reconciledAt = new Map<string, number>();

  /**
   * The robot says which episode it is recording (`episodeId`, empty for none). An episode the hub
   * started more than 5 s ago that the robot is not recording failed to start. An episode the robot
   * records that the hub has ended (its stop was lost) or lost track of (the hub restarted) is
   * stopped again: at most every 2 s per robot.
   */
  async reconcile(robotId: string, episodeId: string): Promise<void> {
    const current = this.recording.get(robotId);
    if (current && current.episodeId !== episodeId && Date.now() - current.startedAtMs > 5000) {
      // The robot is not recording the episode the hub started seconds ago (it could not start it): that episode failed.
      this.recording.delete(robotId);
      await this.o.db
        .updateTable('episodes')
        .set({ state: 'failed', outcome: 'failed', reason: 'the robot did not record this episode (it could not start the recording)', ended_at: now(), updated_at: now() })
        .where('id', '=', current.episodeId)
        .execute();
      await this.changed(current.episodeId);
      this.o.logger.warn({ robotId, episodeId: current.episodeId }, 'the robot is not recording the episode the hub started; marked failed');
    }
    if (!episodeId || current?.episodeId === episodeId) return;
    const last = this.reconciledAt.get(robotId) ?? 0;
    if (Date.now() - last < 2000) return;
    const row = await this.get(episodeId);
    // A stop sent moments ago may still be on its way.
    if (row?.ended_at && Date.now() - Date.parse(row.ended_at) < 3000) return;
    this.reconciledAt.set(robotId, Date.now());
    if (!row || row.robot_id !== robotId) {
      this.o.fleet.sendSession(robotId, { episodeStop: { episodeId, outcome: 'discard' } });
      this.o.logger.warn({ robotId, episodeId }, 'the robot records an episode the hub does not know; told it to discard it');
      return;
    }
    let outcome = row.state === 'discarded' ? 'discard' : (row.outcome ?? 'failure');
    if (row.state === 'recording') {
      // The hub restarted during the episode: nobody holds its recording any more.
      outcome = 'failure';
      await this.o.db.updateTable('episodes').set({ state: 'uploading', outcome, reason: 'the hub restarted during the recording', ended_at: now(), updated_at: now() }).where('id', '=', episodeId).execute();
      await this.changed(episodeId);
    }
    this.o.fleet.sendSession(robotId, { episodeStop: { episodeId, outcome } });
    this.o.logger.warn({ robotId, episodeId, outcome }, 'the robot is still recording an episode the hub has ended; stop sent again');
  }

  async get(id: string): Promise<EpisodesTable | undefined> {
    return this.o.db.selectFrom('episodes').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async view(id: string): Promise<EpisodeView | null> {
    const row = await this.get(id);
    if (!row) return null;
    const files = await this.o.db.selectFrom('episode_files').select(['name', 'size', 'sha256']).where('episode_id', '=', id).orderBy('name').execute();
    return toView(row, files);
  }

  async list(filter: { robotId?: string; operator?: string; state?: string; limit?: number }): Promise<EpisodeView[]> {
    let q = this.o.db.selectFrom('episodes').selectAll().orderBy('started_at', 'desc').limit(Math.min(filter.limit ?? 100, 1000));
    if (filter.robotId) q = q.where('robot_id', '=', filter.robotId);
    if (filter.operator) q = q.where('operator', '=', filter.operator);
    if (filter.state) q = q.where('state', '=', filter.state);
    return (await q.execute()).map((r) => toView(r, []));
  }

  /** Whether a robot may upload `name` for `episodeId` now. */
  async canUpload(robotId: string, episodeId: string, name: string): Promise<string | null> {
    const row = await this.get(episodeId);
    if (!row || row.robot_id !== robotId) return `episode ${episodeId} is not one of robot ${robotId}'s`;
    if (!/^(episode\.mcap|manifest\.json|[a-z][a-z0-9_]{0,31}\.mp4)$/.test(name)) return `"${name}" is not a file an episode has`;
    if (!['uploading', 'failed', 'recording'].includes(row.state)) return `episode ${episodeId} is ${row.state}; it takes no more files`;
    return null;
  }

  /** A file finished uploading (already in the blob store). */
  async fileReceived(episodeId: string, name: string, size: number, sha256: string): Promise<void> {
    await this.o.db
      .insertInto('episode_files')
      .values({ episode_id: episodeId, name, size, sha256, received_at: now() })
      .onConflict((oc) => oc.columns(['episode_id', 'name']).doUpdateSet({ size, sha256, received_at: now() }))
      .execute();
    if (name === 'manifest.json') void this.process(episodeId);
  }

  /** What a robot is told about an upload: done (it may delete its copy), rejected (keep it), or pending. */
  async receipt(robotId: string, episodeId: string): Promise<{ status: 'pending' | 'received' | 'rejected'; state: string; reason: string | null }> {
    const row = await this.get(episodeId);
    if (!row || row.robot_id !== robotId) throw new EpisodeError('unknown_episode', `episode ${episodeId} is not one of robot ${robotId}'s`);
    // Verified files are the hub's to keep (even for a rejected or failed episode); only a failed verification sends them back.
    const rejected = row.state === 'rejected' && (row.reason ?? '').startsWith('verification failed');
    const received = !rejected && ['checks', 'in_review', 'accepted', 'rejected', 'failed'].includes(row.state) && row.manifest !== null;
    return { status: rejected ? 'rejected' : received ? 'received' : 'pending', state: row.state, reason: row.reason };
  }

  /** Verification, then checks, then review (or a verdict). */
  private async process(episodeId: string): Promise<void> {
    if (this.verifying.has(episodeId)) return;
    this.verifying.add(episodeId);
    try {
      await this.setState(episodeId, 'verifying');
      const row = (await this.get(episodeId))!;
      const signed = JSON.parse(await readText(this.o.blobs.localPath(episodeBlobKey(episodeId, 'manifest.json')))) as SignedManifest;
      await this.o.db.updateTable('episodes').set({ manifest: JSON.stringify(signed) }).where('id', '=', episodeId).execute();
      let recording;
      try {
        recording = await verifyEpisode({
          signed,
          episodeId,
          robotId: row.robot_id,
          operator: row.operator,
          chainId: this.o.chainId,
          signingAddress: await this.o.registry.signingAddress(row.robot_id),
          filePath: (name) => this.o.blobs.localPath(episodeBlobKey(episodeId, name)),
        });
      } catch (err) {
        await this.setState(episodeId, 'rejected', `verification failed: ${(err as Error).message}`);
        this.o.logger.warn({ episodeId }, `episode rejected: verification failed: ${(err as Error).message}`);
        return;
      }
      await this.setState(episodeId, 'checks');
      const m = signed.manifest;
      if (row.outcome === null && row.ended_at === null) {
        // The hub never saw this episode end (it was down or restarted meanwhile): the robot's signed word stands.
        await this.o.db
          .updateTable('episodes')
          .set({ outcome: m.outcome, ended_at: new Date(Number(BigInt(m.endNs) / 1_000_000n)).toISOString(), ...(m.failure ? { reason: m.failure } : {}) })
          .where('id', '=', episodeId)
          .execute();
        this.recording.forEach((r, robotId) => r.episodeId === episodeId && this.recording.delete(robotId));
      }
      const files = await this.o.db.selectFrom('episode_files').select(['sha256', 'episode_id']).where('sha256', 'in', m.files.map((f) => f.sha256)).where('episode_id', '!=', episodeId).execute();
      const earlier: { episodeId: string; signature: number[][] }[] = [];
      for (const e of await this.o.db.selectFrom('episodes').select(['id', 'checks']).where('robot_id', '=', row.robot_id).where('id', '!=', episodeId).where('checks', 'is not', null).orderBy('started_at', 'desc').limit(200).execute()) {
        const sig = (JSON.parse(e.checks!) as { signature?: number[][] }).signature;
        if (sig) earlier.push({ episodeId: e.id, signature: sig });
      }
      const description = this.o.fleet.get(row.robot_id)?.description;
      const limits = description ? describedJoints(description).map((j) => ({ min: j.minPosition, max: j.maxPosition })) : [];
      const results = runChecks({ manifest: m, recording, limits, thresholds: this.o.thresholds, fileSeenBefore: files[0]?.episode_id ?? null, earlier });
      const score = qualityScore(results);
      const failedHard = results.filter((r) => r.hard && !r.passed);
      await this.o.db
        .updateTable('episodes')
        .set({ checks: JSON.stringify({ results, signature: trajectorySignature(recording.actions) }), score, updated_at: now() })
        .where('id', '=', episodeId)
        .execute();
      if (m.outcome === 'failed') {
        await this.setState(episodeId, 'failed', m.failure ?? 'the recording did not end properly');
      } else if (failedHard.length > 0) {
        await this.setState(episodeId, 'rejected', failedHard.map((r) => `${r.name}: ${r.reason}`).join('; '));
      } else {
        await this.o.db.updateTable('episodes').set({ reviews_wanted: this.o.reviewsPerEpisode }).where('id', '=', episodeId).execute();
        await this.setState(episodeId, 'in_review');
      }
    } catch (err) {
      this.o.logger.error({ err, episodeId }, 'processing an episode failed');
      await this.setState(episodeId, 'rejected', `verification failed: ${(err as Error).message}`).catch(() => undefined);
    } finally {
      this.verifying.delete(episodeId);
    }
  }

  async setState(episodeId: string, state: EpisodeState, reason?: string): Promise<void> {
    await this.o.db
      .updateTable('episodes')
      .set({ state, updated_at: now(), ...(reason !== undefined ? { reason } : {}) })
      .where('id', '=', episodeId)
      .execute();
    await this.changed(episodeId);
  }

  private async changed(id: string): Promise<void> {
    const row = await this.get(id);
    if (row) this.emit('changed', { id, robotId: row.robot_id, operator: row.operator, state: row.state as EpisodeState });
  }
}

async function readText(path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(path, 'utf8');
}

function toView(r: EpisodesTable, files: { name: string; size: number; sha256: string }[]): EpisodeView {
  return {
    id: r.id,
    robotId: r.robot_id,
    operator: r.operator,
    task: r.task,
    state: r.state as EpisodeState,
    outcome: r.outcome,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    score: r.score,
    reason: r.reason,
    quality: r.quality ? (JSON.parse(r.quality) as TeleopQuality) : null,
    checks: r.checks ? (JSON.parse(r.checks) as { results: CheckResult[] }).results : null,
    manifest: r.manifest ? (JSON.parse(r.manifest) as SignedManifest) : null,
    files,
  };
}


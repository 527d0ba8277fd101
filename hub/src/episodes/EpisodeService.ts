// The life of an episode on the hub: recording -> uploading -> verifying ->
// checks -> in_review -> accepted / rejected (or discarded, failed). Every
// move goes through transition(): one conditional update from the states the
// mover expects, along the edges of episodeStates.ts, stored with the reason
// an operator can read. What a restart interrupts (recordings, verification,
// checks) is in the database, and start() takes it up again; every task this
// service starts is tracked, and close() waits for them.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { httpApi, SignedManifest } from '@teleop/proto';
import type { Logger } from '../log.ts';
import type { RobotFleet } from '../robots/RobotFleet.ts';
import type { RobotRegistry } from '../robots/RobotRegistry.ts';
import { Readable } from 'node:stream';
import { episodeBlobKey, episodeSignatureKey, readBlobBytes, readBlobText, type BlobStore } from '../store/BlobStore.ts';
import type { EpisodeChange, EpisodeFile, EpisodeRecord, EpisodeStore, TeleopQuality } from '../store/EpisodeStore.ts';
import { motionSignature, qualityScore, runChecks, type CheckThresholds, type VideoSeenBefore } from './automaticChecks.ts';
import { THUMB_BYTES, videoLook, videoReplay, type VideoLook } from './videoReplay.ts';
import { cameraLag, type CameraLag } from './videoSync.ts';
import type { VerifiedEpisode } from './verifyEpisode.ts';
import { readRecording } from './readRecording.ts';
import { verifyEpisode } from './verifyEpisode.ts';
import { mayMove, RESUMABLE_STATES, UPLOADABLE_STATES, type EpisodeState } from './episodeStates.ts';

export type { EpisodeState } from './episodeStates.ts';
export type { EpisodeChange, EpisodeRecord, TeleopQuality } from '../store/EpisodeStore.ts';

/** An episode as the API answers it (its checks are the automatic checks' results). */
export type EpisodeView = httpApi.Episode;

/** Earlier episodes of the robot whose videos a new episode's are compared with. */
const VIDEO_HISTORY = 50;

export class EpisodeError extends Error {
  override name = 'EpisodeError';
  constructor(
    readonly code: 'unknown_episode' | 'not_lease_holder' | 'already_recording' | 'not_recording' | 'bad_request' | 'forbidden' | 'closing',
    message: string,
  ) {
    super(message);
  }
}

export interface EpisodeServiceOptions {
  store: EpisodeStore;
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
  /**
   * Hubs sharing a database: runs `work` only if no hub (this one included) is working on the key, else skips it
   * (the Hub gives it a lock per episode, freed when a hub dies). Absent on SQLite: one hub, nothing to share.
   */
  exclusive?: (key: string, work: () => Promise<void>) => Promise<void>;
}

/** Why a robot may not upload a file now: not its episode (403), not an episode's file (400), or sealed (409). */
export interface UploadRefusal {
  status: 403 | 400 | 409;
  message: string;
}

/** A move the state table does not have: a bug in the caller, not a race. */
export class EpisodeTransitionError extends Error {
  override name = 'EpisodeTransitionError';
}

interface EpisodeEvents {
  changed: [episode: { id: string; robotId: string; operator: string; state: EpisodeState; reason?: string | null }];
}

const now = (): string => new Date().toISOString();

/**
 * How much longer than the hub saw it (start to stop, on the hub's clock) a recording may be: the robot starts and
 * stops a moment after the hub tells it, and when the link drops, both ends notice at their own time.
 */
const RECORDING_SLACK_MS = 10_000;

/** Samples collected while an episode records, for its teleoperation quality. */
interface Collector {
  /** The robot reported recording this episode at least once (its status). */
  seenRecording?: boolean;
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

/** How long after a start the robot has to report recording the episode before the start counts as failed. */
const START_GRACE_MS = 5000;
/**
 * How long after its start a recording this service did not start is left to the hub that started it (which judges
 * it after START_GRACE_MS) before any hub ends it.
 */
const ORPHAN_GRACE_MS = 30_000;

export class EpisodeService extends EventEmitter<EpisodeEvents> {
  /**
   * Quality samples of the episodes recording now, by robot. Only measurements live here: which episode
   * a robot records is the database's `recording` row (at most one per robot, a unique index).
   */
  private readonly recording = new Map<string, { episodeId: string; collector: Collector }>();
  /** Every task this service started and has not finished (verifications, aborts, reconciliations). */
  private readonly tasks = new Set<Promise<unknown>>();
  /** Episodes this service is verifying and checking now. */
  private readonly processing = new Set<string>();
  private closed = false;

  constructor(private readonly o: EpisodeServiceOptions) {
    super();
  }

  /**
   * Takes up what a restart interrupted. Recordings: leases do not survive a restart, so each episode
   * still `recording` ended with the last run; it goes on to upload as a failure (when it ended is the
   * robot's manifest's to say). Verifications and checks are run again, and so are episodes whose
   * manifest arrived but whose verification never started. Where hubs share the database (`exclusive`), a
   * recording may be another live hub's: they are left to reconcile() (the robot's status says whether it still
   * records them) and to the robot's manifest.
   */
  async resume(): Promise<void> {
    for (const id of this.o.exclusive ? [] : await this.o.store.idsInStates(['recording'])) {
      if (await this.transition(id, ['recording'], 'uploading', { outcome: 'failure', reason: 'the hub restarted during the recording' })) {
        this.o.logger.warn({ episodeId: id }, 'the hub restarted during this recording: it ends as a failure');
      }
    }
    await this.recoverInterrupted();
    // Episodes checked before the hub measured durations are paid by what it measures in their files now.
    const unmeasured = await this.o.store.idsWithoutVerifiedMs(['in_review', 'accepted']);
    if (unmeasured.length > 0) this.track(this.measureOld(unmeasured), 'unmeasured episodes');
  }

  /**
   * Verifications and checks interrupted (by a restart, or a hub of several that died), and manifests never read,
   * are run again. Where hubs share a database, one that another hub is verifying is left to it (`exclusive`).
   */
  async recoverInterrupted(): Promise<void> {
    if (this.closed) return;
    const interrupted = await this.o.store.idsInStates(RESUMABLE_STATES);
    const waiting = await this.o.store.idsWithUnreadManifest(['uploading', 'failed']);
    const ids = [...interrupted, ...waiting];
    for (const id of ids) this.track(this.process(id), id);
    if (ids.length > 0 && !this.o.exclusive) this.o.logger.info({ episodes: ids.length }, 'verifying episodes a restart interrupted');
  }

  /** Measures the recorded span of earlier-checked episodes (never more than the hub saw them recording). */
  private async measureOld(ids: string[]): Promise<void> {
    for (const id of ids) {
      if (this.closed) return;
      const row = await this.get(id);
      if (!row) continue;
      let measuredMs = 0;
      try {
        const rec = await this.o.blobs.withLocalFile(episodeBlobKey(id, 'episode.mcap'), readRecording);
        const times = [...rec.states.map((x) => x.t), ...rec.actions.map((x) => x.t), ...[...rec.frames.values()].flatMap((f) => f.map((x) => x.t))];
        if (times.length > 0) measuredMs = Math.round(Number(times.reduce((a, b) => (b > a ? b : a)) - times.reduce((a, b) => (b < a ? b : a))) / 1e6);
      } catch (err) {
        this.o.logger.warn({ episodeId: id, err }, `its recording could not be read to measure it; it is paid for nothing: ${(err as Error).message}`);
      }
      const sawMs = row.endedAt === null ? null : Date.parse(row.endedAt) - Date.parse(row.startedAt);
      const ms = sawMs === null ? measuredMs : Math.max(0, Math.min(measuredMs, sawMs));
      await this.o.store.setVerifiedMsOnce(id, ms);
      this.o.logger.info({ episodeId: id, verifiedMs: ms }, 'measured an episode checked before durations were measured');
    }
  }

  /** Stops taking work and waits for every task started so far. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  /** Resolves once every task started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
  }

  /** Runs `work` as a tracked task: close() waits for it, and a failure is logged, never unhandled. */
  private track(work: Promise<unknown>, episodeOrRobot: string): void {
    const task = work.catch((err: unknown) => this.o.logger.error({ err, id: episodeOrRobot }, `episode work failed: ${(err as Error).message}`)).finally(() => this.tasks.delete(task));
    this.tasks.add(task);
  }

  /** For event handlers: runs `work` as a tracked task unless the service is closing. */
  later(id: string, work: () => Promise<unknown>): void {
    if (!this.closed) this.track(work(), id);
  }

  /**
   * Moves an episode from one of `from` to `to` in one conditional update, setting `change` with it.
   * False when the episode was in none of `from` (another party moved it first, or it does not exist).
   */
  async transition(id: string, from: readonly EpisodeState[], to: EpisodeState, change: EpisodeChange = {}): Promise<boolean> {
    for (const f of from) if (!mayMove(f, to)) throw new EpisodeTransitionError(`an episode does not go from ${f} to ${to}`);
    if (!(await this.o.store.move(id, from, to, change))) return false;
    await this.changed(id);
    return true;
  }

  /** The episode a robot records now, if any. */
  recordingOf(robotId: string): Promise<EpisodeRecord | undefined> {
    return this.o.store.recordingOf(robotId);
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
    if (this.closed) throw new EpisodeError('closing', 'the hub is shutting down');
    const task = p.task.trim();
    if (!task || task.length > 200) throw new EpisodeError('bad_request', 'an episode needs a task of 1 to 200 characters');
    const current = await this.recordingOf(p.robotId);
    if (current) throw new EpisodeError('already_recording', `robot ${p.robotId} is already recording episode ${current.id}`);
    const id = `e-${randomUUID()}`;
    // The unique index on a robot's recording row settles two starts racing.
    const inserted = await this.o.store.insertRecording({ id, robotId: p.robotId, operator: p.operator, task, leaseId: p.leaseId });
    if (!inserted) throw new EpisodeError('already_recording', `robot ${p.robotId} is already recording an episode`);
    this.recording.set(p.robotId, { episodeId: id, collector: { rtts: [], holds: 0, leaseInterruptions: 0, lostAtStart: p.videoLost } });
    this.o.fleet.sendSession(p.robotId, { episodeStart: { episodeId: id, task, leaseId: p.leaseId, operator: p.operator, fps: this.o.fps } });
    this.o.logger.info({ episodeId: id, robotId: p.robotId, task }, 'episode started');
    this.emit('changed', { id, robotId: p.robotId, operator: p.operator, state: 'recording' });
    return id;
  }

  /** Ends the robot's recording: success/failure go on to upload, discard drops it. */
  async stop(robotId: string, outcome: 'success' | 'failure' | 'discard', video: { captureToHubMs: { p50: number; p95: number } | null; lost: number }, abortedBecause?: string): Promise<string> {
    const row = await this.recordingOf(robotId);
    if (!row) throw new EpisodeError('not_recording', `robot ${robotId} is not recording an episode`);
    const samples = this.recording.get(robotId);
    const collector = samples?.episodeId === row.id ? samples.collector : { rtts: [], holds: 0, leaseInterruptions: 0, lostAtStart: video.lost };
    const quality: TeleopQuality = {
      controlRoundTripMs: pct(collector.rtts),
      videoCaptureToHubMs: video.captureToHubMs,
      videoPacketsLost: Math.max(0, video.lost - collector.lostAtStart),
      holds: collector.holds,
      leaseInterruptions: collector.leaseInterruptions + (abortedBecause !== undefined ? 1 : 0),
    };
    const moved = await this.transition(row.id, ['recording'], outcome === 'discard' ? 'discarded' : 'uploading', {
      outcome: outcome === 'discard' ? null : outcome,
      endedAt: now(),
      quality,
      ...(abortedBecause !== undefined ? { reason: abortedBecause } : {}),
    });
    // Someone else ended it first (the operator's stop and the lease ending race): theirs stands.
    if (!moved) throw new EpisodeError('not_recording', `episode ${row.id} has already ended`);
    if (this.recording.get(robotId)?.episodeId === row.id) this.recording.delete(robotId);
    this.o.fleet.sendSession(robotId, { episodeStop: { episodeId: row.id, outcome } });
    return row.id;
  }

  /** The robot's connection or lease ended while recording: the episode ends as a failure. */
  async abortRecording(robotId: string, why: string): Promise<void> {
    if (!(await this.recordingOf(robotId))) return;
    try {
      const id = await this.stop(robotId, 'failure', { captureToHubMs: null, lost: 0 }, why);
      this.o.logger.warn({ episodeId: id, robotId }, `episode ended: ${why}`);
    } catch (err) {
      if (!(err instanceof EpisodeError && err.code === 'not_recording')) throw err;
    }
  }

  private readonly reconciledAt = new Map<string, number>();

  /**
   * The robot says which episode it is recording (`episodeId`, empty for none). For an episode this service
   * started: once the robot has been seen recording it, its not recording it any more means the robot ended it
   * without the hub (it goes on to upload as a failure, its manifest says when and why); never seen recording it
   * more than 5 s after the start, it failed to start. An episode `recording` that this service did not start
   * (the last run of this hub, or another hub, started it) is not judged from memory this service lacks: the hub
   * that started it judges it, a restart's resume() ends it as a failure, and only if it is still recording 30 s
   * after its start (that hub is gone) does any hub end it as a failure for the robot's manifest to settle. An
   * episode the robot records that the hub has ended (its stop was lost) or lost track of (the hub restarted) is
   * stopped again: at most every 2 s per robot.
   */
  async reconcile(robotId: string, episodeId: string): Promise<void> {
    const current = await this.recordingOf(robotId);
    const ours = current ? this.recording.get(robotId) : undefined;
    const mine = ours?.episodeId === current?.id ? ours : undefined;
    if (mine && current?.id === episodeId) mine.collector.seenRecording = true;
    const age = current ? Date.now() - Date.parse(current.startedAt) : 0;
    if (current && current.id !== episodeId && mine && age > START_GRACE_MS) {
      const moved = mine.collector.seenRecording
        ? await this.transition(current.id, ['recording'], 'uploading', { outcome: 'failure', reason: 'the robot ended the recording without the hub' })
        : await this.transition(current.id, ['recording'], 'failed', {
            outcome: 'failed',
            reason: 'the robot did not record this episode (it could not start the recording)',
            endedAt: now(),
          });
      this.recording.delete(robotId);
      if (moved) {
        this.o.logger.warn(
          { robotId, episodeId: current.id },
          mine.collector.seenRecording ? 'the robot stopped recording the episode on its own; it ends as a failure' : 'the robot is not recording the episode the hub started; marked failed',
        );
      }
    } else if (current && current.id !== episodeId && !mine && age > ORPHAN_GRACE_MS) {
      if (await this.transition(current.id, ['recording'], 'uploading', { outcome: 'failure', reason: 'the hub that started this recording lost it (it stopped or restarted)' })) {
        this.o.logger.warn({ robotId, episodeId: current.id }, 'a recording another hub (or the last run) started is not being recorded: it ends as a failure');
      }
    }
    if (!episodeId || current?.id === episodeId) return;
    const last = this.reconciledAt.get(robotId) ?? 0;
    if (Date.now() - last < 2000) return;
    const row = await this.get(episodeId);
    // A stop sent moments ago may still be on its way.
    if (row?.endedAt && Date.now() - Date.parse(row.endedAt) < 3000) return;
    this.reconciledAt.set(robotId, Date.now());
    if (!row || row.robotId !== robotId) {
      this.o.fleet.sendSession(robotId, { episodeStop: { episodeId, outcome: 'discard' } });
      this.o.logger.warn({ robotId, episodeId }, 'the robot records an episode the hub does not know; told it to discard it');
      return;
    }
    const outcome = row.state === 'discarded' ? 'discard' : (row.outcome ?? 'failure');
    this.o.fleet.sendSession(robotId, { episodeStop: { episodeId, outcome } });
    this.o.logger.warn({ robotId, episodeId, outcome }, 'the robot is still recording an episode the hub has ended; stop sent again');
  }

  get(id: string): Promise<EpisodeRecord | undefined> {
    return this.o.store.get(id);
  }

  async view(id: string): Promise<EpisodeView | null> {
    const row = await this.get(id);
    if (!row) return null;
    return toView(row, await this.o.store.files(id));
  }

  async list(filter: { robotId?: string; operator?: string; state?: string; limit?: number }): Promise<EpisodeView[]> {
    return (await this.o.store.list(filter)).map((r) => toView(r, []));
  }

  /** Takes an episode out of datasets and rewards because a stored file no longer matches what was verified. */
  async quarantine(id: string, reason: string): Promise<void> {
    await this.o.store.quarantine(id, reason);
    this.o.logger.error({ episodeId: id }, `episode quarantined: ${reason}`);
  }

  /** How many episodes a robot has, and how many were accepted (for its owner). */
  countsOfRobot(robotId: string): Promise<{ total: number; accepted: number }> {
    return this.o.store.countsOfRobot(robotId);
  }

  /** A file the episode holds (size and digest as received), if any. */
  file(id: string, name: string): Promise<EpisodeFile | undefined> {
    return this.o.store.file(id, name);
  }

  /** Whether a robot may upload `name` for `episodeId` now. */
  async canUpload(robotId: string, episodeId: string, name: string): Promise<UploadRefusal | null> {
    const row = await this.get(episodeId);
    if (!row || row.robotId !== robotId) return { status: 403, message: `episode ${episodeId} is not one of robot ${robotId}'s` };
    if (!/^(episode\.mcap|manifest\.json|[a-z][a-z0-9_]{0,31}\.mp4)$/.test(name)) return { status: 400, message: `"${name}" is not a file an episode has` };
    // Sealed: its files are the hub's now, whatever upload was opened before.
    if (!UPLOADABLE_STATES.includes(row.state) || row.manifest !== null) return { status: 409, message: `episode ${episodeId} is ${row.state}; it takes no more files` };
    return null;
  }

  /** A file finished uploading (already in the blob store). */
  async fileReceived(episodeId: string, name: string, size: number, sha256: string): Promise<void> {
    await this.o.store.recordFile(episodeId, { name, size, sha256 });
    if (name === 'manifest.json') this.later(episodeId, () => this.process(episodeId));
  }

  /** What a robot is told about an upload: done (it may delete its copy), rejected (keep it), or pending. */
  async receipt(robotId: string, episodeId: string): Promise<{ status: 'pending' | 'received' | 'rejected'; state: string; reason: string | null; files: { name: string; sha256: string }[] }> {
    const row = await this.get(episodeId);
    if (!row || row.robotId !== robotId) throw new EpisodeError('unknown_episode', `episode ${episodeId} is not one of robot ${robotId}'s`);
    // Verified files are the hub's to keep (even for a rejected or failed episode); only a failed verification sends them back.
    const rejected = row.state === 'rejected' && (row.reason ?? '').startsWith('verification failed');
    const received = !rejected && ['checks', 'in_review', 'accepted', 'rejected', 'failed'].includes(row.state) && row.manifest !== null;
    // The files the hub holds: a robot whose connection was cut as a file finished skips it rather than send it again.
    const files = (await this.o.store.files(episodeId)).map((f) => ({ name: f.name, sha256: f.sha256 }));
    return { status: rejected ? 'rejected' : received ? 'received' : 'pending', state: row.state, reason: row.reason, files };
  }

  /**
   * Verification, then checks, then review (or a verdict): once at a time per episode in this service (a second
   * manifest upload arriving while the first is verified would otherwise find it `verifying`, a state it resumes),
   * and on one hub at a time where hubs share a database.
   */
  private async process(episodeId: string): Promise<void> {
    if (this.processing.has(episodeId)) return;
    this.processing.add(episodeId);
    try {
      await (this.o.exclusive ? this.o.exclusive(`episode:${episodeId}`, () => this.verifyAndCheck(episodeId)) : this.verifyAndCheck(episodeId));
    } finally {
      this.processing.delete(episodeId);
    }
  }

  private async verifyAndCheck(episodeId: string): Promise<void> {
    const before = await this.get(episodeId);
    if (!before) return;
    // Claiming the episode is the move to verifying: a second manifest upload finds it moved and leaves it.
    const from: EpisodeState[] = RESUMABLE_STATES.includes(before.state) ? ['verifying', 'checks'] : before.manifest === null ? [...UPLOADABLE_STATES] : [];
    if (from.length === 0 || !(await this.transition(episodeId, from, 'verifying'))) return;
    if (this.recording.get(before.robotId)?.episodeId === episodeId) this.recording.delete(before.robotId);
    try {
      const row = (await this.get(episodeId))!;
      const signed = JSON.parse(await readBlobText(this.o.blobs, episodeBlobKey(episodeId, 'manifest.json'))) as SignedManifest;
      let verified;
      try {
        verified = await verifyEpisode({
          signed,
          episodeId,
          robotId: row.robotId,
          operator: row.operator,
          chainId: this.o.chainId,
          signingAddress: await this.o.registry.signingAddress(row.robotId),
          blobs: this.o.blobs,
          fileKey: (name) => episodeBlobKey(episodeId, name),
        });
      } catch (err) {
        await this.transition(episodeId, ['verifying'], 'rejected', { manifest: signed, reason: `verification failed: ${(err as Error).message}` });
        this.o.logger.warn({ episodeId }, `episode rejected: verification failed: ${(err as Error).message}`);
        return;
      }
      const m = signed.manifest;
      // The hub never saw this episode end (the hub was down, or restarted meanwhile): when it ended, and why, is the
      // robot's signed word; how it did too, unless the hub already knows it failed.
      const unseenEnd: EpisodeChange =
        row.endedAt === null
          ? { outcome: row.outcome ?? m.outcome, endedAt: new Date(Number(BigInt(m.endNs) / 1_000_000n)).toISOString(), ...(m.failure ? { reason: m.failure } : {}) }
          : {};
      // What rewards pay for: the span measured in the files, never more than the hub saw the episode recording.
      const measuredMs = Math.round(verified.durationS * 1000);
      const sawMs = row.endedAt === null ? null : Date.parse(row.endedAt) - Date.parse(row.startedAt);
      if (sawMs !== null && measuredMs > sawMs + Math.max(RECORDING_SLACK_MS, sawMs / 10)) {
        const reason = `verification failed: duration: the recording spans ${(measuredMs / 1000).toFixed(1)} s, the hub saw the episode recording for ${(sawMs / 1000).toFixed(1)} s`;
        await this.transition(episodeId, ['verifying'], 'rejected', { manifest: signed, reason });
        this.o.logger.warn({ episodeId, measuredMs, sawMs }, 'episode rejected: its recording is longer than the hub saw it recording');
        return;
      }
      const verifiedMs = sawMs === null ? measuredMs : Math.max(0, Math.min(measuredMs, sawMs));
      if (!(await this.transition(episodeId, ['verifying'], 'checks', { manifest: signed, verifiedMs, ...unseenEnd }))) return;
      const fileSeenBefore = await this.o.store.episodeHoldingAny(verified.files.map((f) => f.sha256), episodeId);
      const earlier = await this.o.store.recentSignatures(row.robotId, episodeId, 200);
      const looks = await this.videoLooks(verified);
      const cameraLags = new Map<string, CameraLag | null>();
      for (const [camera, look] of looks) {
        const frameTimes = (verified.recording.frames.get(camera) ?? []).map((f) => f.t);
        cameraLags.set(camera, await cameraLag(look.blockChange, THUMB_BYTES, frameTimes, verified.recording.states, this.o.thresholds.maxCameraLagMs));
      }
      const videoSeenBefore = await this.videoCopied(new Map([...looks].map(([camera, l]) => [camera, l.thumbs])), earlier.slice(0, VIDEO_HISTORY).map((e) => e.episodeId));
      const limits = (await this.o.registry.jointLimits(row.robotId)) ?? [];
      const results = runChecks({ episode: verified, fps: this.o.fps, limits, thresholds: this.o.thresholds, fileSeenBefore, videoSeenBefore, cameraLags, earlier });
      const score = qualityScore(results);
      const failedHard = results.filter((r) => r.hard && !r.passed);
      const checks = { results, signature: motionSignature(verified.recording.states) };
      if (row.outcome === 'failed') {
        // The hub decided this episode failed (the robot did not record it): a manifest saying otherwise changes nothing.
        await this.transition(episodeId, ['checks'], 'failed', { checks, score, reason: row.reason ?? 'the hub ended this episode as failed' });
      } else if (m.outcome === 'failed') {
        await this.transition(episodeId, ['checks'], 'failed', { checks, score, reason: m.failure ?? 'the recording did not end properly' });
      } else if (failedHard.length > 0) {
        await this.transition(episodeId, ['checks'], 'rejected', { checks, score, reason: failedHard.map((r) => `${r.name}: ${r.reason}`).join('; ') });
      } else {
        await this.transition(episodeId, ['checks'], 'in_review', { checks, score, reviewsWanted: this.o.reviewsPerEpisode });
      }
    } catch (err) {
      this.o.logger.error({ err, episodeId }, 'processing an episode failed');
      await this.transition(episodeId, ['verifying', 'checks'], 'rejected', { reason: `verification failed: ${(err as Error).message}` }).catch(() => undefined);
    }
  }

  /** What each camera's frames look like (videoReplay.ts); the thumbnails are kept beside the episode's files. */
  private async videoLooks(verified: VerifiedEpisode): Promise<Map<string, VideoLook>> {
    const out = new Map<string, VideoLook>();
    for (const c of verified.cameras) {
      const look = await this.o.blobs.withLocalFile(episodeBlobKey(verified.episodeId, c.file), videoLook).catch((err: Error) => {
        throw new Error(`camera ${c.name}: ${err.message}`);
      });
      await this.o.blobs.write(episodeSignatureKey(verified.episodeId, `${encodeURIComponent(c.name)}.gray`), Readable.from([look.thumbs]));
      out.set(c.name, look);
    }
    return out;
  }

  /** The earlier episode whose video this one's copies most closely, if any does. */
  private async videoCopied(mine: Map<string, Buffer>, earlierIds: string[]): Promise<VideoSeenBefore | null> {
    let best: VideoSeenBefore | null = null;
    for (const episodeId of earlierIds) {
      for (const key of await this.o.blobs.list(episodeSignatureKey(episodeId, ''))) {
        const theirs = await readBlobBytes(this.o.blobs, key);
        const earlierCamera = decodeURIComponent(key.slice(key.lastIndexOf('/') + 1).replace(/\.gray$/, ''));
        for (const [camera, thumbs] of mine) {
          const { match } = videoReplay(thumbs, theirs);
          if (match && (!best || match.matched / match.probes > best.match.matched / best.match.probes)) best = { episodeId, camera, earlierCamera, match };
          // A comparison is a few milliseconds of CPU: let the hub's other work (e-stops first) in between.
          await new Promise((r) => setImmediate(r));
        }
      }
    }
    return best;
  }

  /** Reviewers split evenly: one more settles it (while the episode is still in review). */
  async askOneMoreReview(episodeId: string): Promise<void> {
    await this.o.store.wantOneMoreReview(episodeId);
  }

  /** A reviewers' verdict on an episode in review; false when it is no longer in review. */
  async decide(episodeId: string, verdict: 'accepted' | 'rejected', change: EpisodeChange = {}): Promise<boolean> {
    return this.transition(episodeId, ['in_review'], verdict, change);
  }

  private async changed(id: string): Promise<void> {
    const row = await this.get(id);
    if (row) this.emit('changed', { id, robotId: row.robotId, operator: row.operator, state: row.state, reason: row.reason });
  }
}

function toView(r: EpisodeRecord, files: EpisodeView['files']): EpisodeView {
  return {
    id: r.id,
    robotId: r.robotId,
    operator: r.operator,
    task: r.task,
    state: r.state,
    outcome: r.outcome,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    score: r.score,
    reason: r.reason,
    quality: r.quality,
    checks: r.checks?.results ?? null,
    manifest: r.manifest,
    verifiedMs: r.verifiedMs,
    quarantined: r.quarantined,
    files,
  };
}


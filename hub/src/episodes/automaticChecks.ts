// Automatic checks of a verified episode. Each is named, scored 0..1 and
// explained in words an operator can act on; a failed hard check rejects the
// episode, soft checks lower its quality score. Thresholds come from config.
// They read only what verification measured in the files (VerifiedEpisode):
// the manifest's own counters are the robot's claims.
import { motionSignature, signatureDistance } from './replayDetection.ts';
import type { VideoReplayMatch } from './videoReplay.ts';
import { judgeLag, type CameraLag } from './videoSync.ts';
import type { VerifiedEpisode } from './verifyEpisode.ts';

export { motionSignature } from './replayDetection.ts';

export interface CheckResult {
  name: string;
  hard: boolean;
  passed: boolean;
  /** 1 = perfect, 0 = as bad as it gets. */
  score: number;
  reason: string;
}

export interface CheckThresholds {
  minDurationS: number;
  maxDurationS: number;
  /** Dropped frames over frames expected: soft limit, and the hard one. */
  maxDropRatioSoft: number;
  maxDropRatioHard: number;
  /** Largest gap between state samples, in dataset frame periods: past the soft one the score drops, past the hard one the state stream is broken. */
  maxStateGapFrames: number;
  maxStateGapFramesHard: number;
  /** Camera frames and states must cover the same span within this, s. */
  maxSyncSkewS: number;
  /**
   * Camera frames may run this far (s) past either end of the state stream (cameras start and stop a moment apart from
   * the state sampling; on a busy robot computer, seen up to 0.73 s); past it, the state stream was cut short or the
   * frame times moved: broken content.
   */
  maxFramesPastStatesS: number;
  /** Total joint travel below this (rad) is an idle episode. */
  minTravelRad: number;
  /** Share of action samples at a joint limit above which the episode is "saturated". */
  maxSaturatedShare: number;
  /** Jerk (rad/s^3) of the action above which a sample counts as jerky; and the share of such samples allowed. */
  jerkRadS3: number;
  maxJerkyShare: number;
  /**
   * Two episodes whose motion signatures (replayDetection.ts) differ by less than this (rad, RMS) are the same motion:
   * calibrated by tests/bench/replayCalibration.ts between replays (at most 0.013) and different demonstrations (at least 0.057).
   */
  duplicateRmsRad: number;
  /**
   * A camera whose pictures follow the joints' motion best at a lag beyond this (ms; a camera's own latency is within
   * it) was moved against the states: desync, broken content.
   */
  maxCameraLagMs: number;
  /** Below this correlation of picture change and joint speed, a camera's timing cannot be told from its pictures. */
  minSyncCorrelation: number;
}

export const DEFAULT_THRESHOLDS: CheckThresholds = {
  minDurationS: 1,
  maxDurationS: 900,
  maxDropRatioSoft: 0.01,
  maxDropRatioHard: 0.2,
  maxStateGapFrames: 5,
  maxStateGapFramesHard: 15,
  maxSyncSkewS: 0.5,
  maxFramesPastStatesS: 1.5,
  minTravelRad: 0.05,
  maxSaturatedShare: 0.2,
  jerkRadS3: 2000,
  maxJerkyShare: 0.05,
  duplicateRmsRad: 0.035,
  maxCameraLagMs: 100,
  minSyncCorrelation: 0.6,
};

export interface CheckContext {
  episode: VerifiedEpisode;
  /** The dataset frame rate the hub asks robots to record at. */
  fps: number;
  limits: { min: number; max: number }[];
  thresholds: CheckThresholds;
  /** True when any of this episode's files was already uploaded in another episode. */
  fileSeenBefore: string | null;
  /** The earlier episode whose video one of this episode's cameras copies (see videoReplay.ts), if any. */
  videoSeenBefore?: VideoSeenBefore | null;
  /** Each camera's (by name) lag between its pictures and the joints' motion (videoSync.ts), null where none was found. */
  cameraLags?: Map<string, CameraLag | null>;
  /** Motion signatures of earlier episodes of the same robot (see replayDetection.ts). */
  earlier: { episodeId: string; signature: number[][] }[];
}

export interface VideoSeenBefore {
  episodeId: string;
  camera: string;
  earlierCamera: string;
  match: VideoReplayMatch;
}

const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));


export function runChecks(c: CheckContext): CheckResult[] {
  const { episode: e, thresholds: t } = c;
  const r = e.recording;
  const out: CheckResult[] = [];
  const add = (name: string, hard: boolean, passed: boolean, score: number, reason: string): void => {
    out.push({ name, hard, passed, score: clamp01(score), reason });
  };
  const durationS = e.durationS;
  add(
    'duration',
    true,
    durationS >= t.minDurationS && durationS <= t.maxDurationS,
    durationS >= t.minDurationS && durationS <= t.maxDurationS ? 1 : 0,
    `${durationS.toFixed(1)} s (allowed ${t.minDurationS}-${t.maxDurationS} s)`,
  );

  // Frame slots between each camera's first and last capture that hold no frame of its video.
  const frames = e.cameras.reduce((a, cam) => a + cam.frames, 0);
  const dropped = e.cameras.reduce((a, cam) => a + cam.missing, 0);
  const dropRatio = frames + dropped > 0 ? dropped / (frames + dropped) : 0;
  add(
    'dropped_frames',
    dropRatio > t.maxDropRatioHard,
    dropRatio <= t.maxDropRatioSoft,
    1 - dropRatio / t.maxDropRatioHard,
    `${dropped} of ${frames + dropped} camera frames were not delivered (${(dropRatio * 100).toFixed(2)}%; soft limit ${t.maxDropRatioSoft * 100}%, hard ${t.maxDropRatioHard * 100}%)`,
  );

  let backwards = 0;
  let maxGapS = 0;
  for (let i = 1; i < r.states.length; i++) {
    const dt = Number(r.states[i]!.t - r.states[i - 1]!.t) / 1e9;
    if (dt <= 0) backwards++;
    maxGapS = Math.max(maxGapS, dt);
  }
  const gapFrames = maxGapS * c.fps;
  // A state stream with a hole longer than a few frame periods is broken content, not a rough episode.
  add(
    'timestamps',
    backwards > 0 || gapFrames > t.maxStateGapFramesHard,
    backwards === 0 && gapFrames <= t.maxStateGapFrames,
    backwards > 0 ? 0 : 1 - Math.max(0, gapFrames - 1) / (t.maxStateGapFrames * 4),
    backwards > 0
      ? `${backwards} state samples go back in time`
      : `state samples strictly increase; largest gap ${(maxGapS * 1000).toFixed(0)} ms (${gapFrames.toFixed(1)} frame periods; soft limit ${t.maxStateGapFrames}, hard ${t.maxStateGapFramesHard})`,
  );

  const stateStart = r.states[0]?.t ?? 0n;
  const stateEnd = r.states.at(-1)?.t ?? 0n;
  let worstSkew = 0;
  for (const [camera, list] of r.frames) {
    if (list.length === 0) continue;
    const skew = Math.max(Math.abs(Number(list[0]!.t - stateStart)), Math.abs(Number(list.at(-1)!.t - stateEnd))) / 1e9;
    if (skew > worstSkew) worstSkew = skew;
    void camera;
  }
  add('state_video_sync', false, worstSkew <= t.maxSyncSkewS, 1 - worstSkew / (t.maxSyncSkewS * 4), `cameras and states start and end within ${worstSkew.toFixed(3)} s of each other (limit ${t.maxSyncSkewS} s)`);

  // Every video frame needs the robot's state at its capture time. Inside the state stream, a frame farther from the
  // nearest state sample than half the longest allowed state gap plus one period; past its ends, one farther than
  // maxFramesPastStatesS: the state stream stopped or started while the video went on (truncation), or the frame
  // times moved against the states (desync).
  const periodS = 1 / c.fps;
  const insideS = (t.maxStateGapFramesHard / 2 + 1) * periodS;
  const stateTimes = r.states.map((s) => s.t);
  let orphans = 0;
  let farthestS = 0;
  let orphanCamera = '';
  for (const [camera, list] of r.frames) {
    let k = 0;
    for (const f of list) {
      while (k + 1 < stateTimes.length && stateTimes[k + 1]! <= f.t) k++;
      const before = stateTimes[k];
      const after = stateTimes[k + 1];
      const d = Math.min(before === undefined ? Infinity : Math.abs(Number(f.t - before)), after === undefined ? Infinity : Math.abs(Number(after - f.t))) / 1e9;
      const outside = stateTimes.length === 0 || f.t < stateTimes[0]! || f.t > stateTimes.at(-1)!;
      if (d > (outside ? t.maxFramesPastStatesS : insideS)) {
        orphans++;
        if (!orphanCamera) orphanCamera = camera;
      }
      farthestS = Math.max(farthestS, d);
    }
  }
  const ms = (s: number): string => (Number.isFinite(s) ? `${(s * 1000).toFixed(0)} ms` : 'without any state sample');
  add(
    'frames_have_states',
    true,
    orphans === 0,
    orphans === 0 ? 1 : 0,
    orphans === 0
      ? `every camera frame has a state sample within ${ms(farthestS)} (limit ${ms(insideS)} inside the state stream, ${ms(t.maxFramesPastStatesS)} past its ends)`
      : `${orphans} camera frames (first on camera ${orphanCamera}) are farther from any state sample than allowed (${ms(insideS)} inside the state stream, ${ms(t.maxFramesPastStatesS)} past its ends); the farthest is ${ms(farthestS)}: the state stream stopped or the frame times moved`,
  );

  // Each camera's pictures against the joints' motion: the lag at which picture change follows joint speed best.
  const sync: string[] = [];
  let desync: string | null = null;
  for (const [camera, lag] of c.cameraLags ?? []) {
    const verdict = judgeLag(lag, t.maxCameraLagMs, t.minSyncCorrelation);
    if (!lag || verdict === 'cannot_tell') {
      sync.push(
        !lag
          ? `camera ${camera}: the arm never rested (or never moved), so its timing cannot be told from its pictures`
          : lag.correlation < t.minSyncCorrelation
            ? `camera ${camera}'s picture does not follow the joints (correlation ${lag.correlation.toFixed(2)}), so its timing cannot be told`
            : `camera ${camera}'s pictures follow the joints best at the edge of the lags searched (${lag.lagMs.toFixed(0)} ms), so its timing cannot be told`,
      );
    } else if (verdict === 'moved') {
      desync ??= `camera ${camera}'s pictures show the joints ${Math.abs(lag.lagMs).toFixed(0)} ms ${lag.lagMs > 0 ? 'before' : 'after'} their recorded capture times (correlation ${lag.correlation.toFixed(2)} there, at most ${lag.correlationInTolerance.toFixed(2)} within ±${t.maxCameraLagMs} ms): the frame times were moved`;
    } else {
      sync.push(`camera ${camera} is on time (its pictures follow the joints at ${lag.lagMs.toFixed(0)} ms, correlation ${lag.correlation.toFixed(2)}; limit ±${t.maxCameraLagMs} ms)`);
    }
  }
  if (c.cameraLags && c.cameraLags.size > 0) add('video_sync', true, desync === null, desync === null ? 1 : 0, desync ?? sync.join('; '));

  let travel = 0;
  for (let i = 1; i < r.states.length; i++) {
    const a = r.states[i - 1]!.positions;
    const b = r.states[i]!.positions;
    for (let j = 0; j < b.length; j++) travel += Math.abs(b[j]! - (a[j] ?? b[j]!));
  }
  add('idle', true, travel >= t.minTravelRad, travel >= t.minTravelRad ? 1 : 0, `the joints travelled ${travel.toFixed(3)} rad in total (an episode needs ${t.minTravelRad} rad)`);

  let saturated = 0;
  let limitHits = 0;
  for (const a of r.actions) {
    if (a.positions.some((v, j) => c.limits[j] && (v <= c.limits[j]!.min + 1e-3 || v >= c.limits[j]!.max - 1e-3))) saturated++;
  }
  for (const s of r.states) if (s.positions.some((v, j) => c.limits[j] && (v <= c.limits[j]!.min + 0.01 || v >= c.limits[j]!.max - 0.01))) limitHits++;
  const satShare = r.actions.length ? saturated / r.actions.length : 0;
  add('saturated_actions', false, satShare <= t.maxSaturatedShare, 1 - satShare, `${(satShare * 100).toFixed(1)}% of actions sit at a joint limit (limit ${t.maxSaturatedShare * 100}%)`);
  add('joint_limit_hits', false, limitHits === 0, 1 - limitHits / Math.max(1, r.states.length), `${limitHits} state samples within 0.01 rad of a joint limit`);

  let jerky = 0;
  for (let i = 3; i < r.actions.length; i++) {
    const dt = Number(r.actions[i]!.t - r.actions[i - 1]!.t) / 1e9;
    if (dt <= 0) continue;
    const p = [0, 1, 2, 3].map((k) => r.actions[i - k]!.positions);
    const jerk = Math.max(...p[0]!.map((_, j) => Math.abs(p[0]![j]! - 3 * p[1]![j]! + 3 * p[2]![j]! - p[3]![j]!) / dt ** 3));
    if (jerk > t.jerkRadS3) jerky++;
  }
  const jerkyShare = r.actions.length ? jerky / r.actions.length : 0;
  add('jerky_actions', false, jerkyShare <= t.maxJerkyShare, 1 - jerkyShare / Math.max(t.maxJerkyShare * 4, 1e-9), `${(jerkyShare * 100).toFixed(1)}% of actions jerk beyond ${t.jerkRadS3} rad/s³ (limit ${t.maxJerkyShare * 100}%)`);

  // The same motion again: driven again, with noise added, shifted in time, re-sampled, a little faster or slower.
  const signature = motionSignature(r.states);
  let closest: { episodeId: string; rms: number } | null = null;
  // Reported in this order: a file uploaded before, the motion replayed (calibrated on motions), a video copied (a
  // replayed motion in front of a drawn camera is also the same video).
  let duplicate: string | null = c.fileSeenBefore ? `file already uploaded with episode ${c.fileSeenBefore}` : null;
  if (!duplicate && signature.length > 0) {
    for (const before of c.earlier) {
      const rms = signatureDistance(signature, before.signature);
      if (Number.isFinite(rms) && (!closest || rms < closest.rms)) closest = { episodeId: before.episodeId, rms };
    }
    if (closest && closest.rms < t.duplicateRmsRad) duplicate = `its motion replays episode ${closest.episodeId} (${closest.rms.toFixed(4)} rad RMS from it; different motions are at least ${t.duplicateRmsRad} rad apart)`;
  }
  const v = c.videoSeenBefore;
  if (!duplicate && v) {
    duplicate = `camera ${v.camera}'s video copies camera ${v.earlierCamera} of episode ${v.episodeId} (${v.match.matched} of ${v.match.probes} sampled frames are its frames, in order, at most ${v.match.worstLevels} grey levels apart)`;
  }
  add(
    'duplicate',
    true,
    duplicate === null,
    duplicate === null ? 1 : 0,
    duplicate ?? (closest ? `no file seen before; the closest earlier motion (episode ${closest.episodeId}) is ${closest.rms.toFixed(4)} rad RMS away (limit ${t.duplicateRmsRad})` : 'no file or motion seen before'),
  );
  return out;
}

/** The quality score from the soft checks (the mean of their scores); 0 when a hard check failed. */
export function qualityScore(results: CheckResult[]): number {
  if (results.some((r) => r.hard && !r.passed)) return 0;
  const soft = results.filter((r) => !r.hard);
  return soft.length ? soft.reduce((a, r) => a + r.score, 0) / soft.length : 1;
}

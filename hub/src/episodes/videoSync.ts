// Whether a camera's frames were captured when their records say: a camera
// that sees the arm shows motion when the joints move. From the decoded video
// (videoReplay.ts videoLook), how much the picture changes from one frame to
// the next; from the state stream, how fast the joints move;
// the time shift that best lines the two up (Pearson correlation, searched to
// a third of a frame) is how far the frame times are off. Moving the frame
// times against the states (a desync) moves that peak by the same amount. A
// camera that does not see the arm (or a test pattern) shows no such
// correlation, and then nothing can be told from it.

export interface CameraLag {
  /**
   * How long before its recorded capture time each picture shows the joints (ms): positive when the frame times say
   * later than the pictures were taken (moved later), negative when they say earlier.
   */
  lagMs: number;
  /** Correlation of picture change and joint speed at that lag (-1..1). */
  correlation: number;
  /** Pairs of samples compared at that lag. */
  pairs: number;
  /** The best correlation with the lag within ±toleranceMs (the frame times as recorded, give or take). */
  correlationInTolerance: number;
  /** The best lag is the first or last one searched: the peak may lie beyond, or be the overlap's edge effect. */
  atEdge: boolean;
}

/** Moving mean over `w` samples (odd), keeping the length. */
function smooth(x: number[], w: number): number[] {
  const h = Math.floor(w / 2);
  return x.map((_, i) => {
    let s = 0;
    let n = 0;
    for (let k = Math.max(0, i - h); k <= Math.min(x.length - 1, i + h); k++) {
      s += x[k]!;
      n++;
    }
    return s / n;
  });
}

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/**
 * The lag between a camera's pictures and the joints' motion, searched within ±maxLagS. `blockChange` holds, for each
 * pair of consecutive frames, how much each of `blocks` picture blocks changed (videoReplay.ts videoLook); the picture
 * change is their sum. Null when there is too little to compare (under 20 frame pairs), or when the arm never rests or
 * never moves. Yields to other work between lags.
 *
 * Measured with tests/bench/syncCalibration.ts: teleoperation as people do it (moves between poses, with pauses)
 * correlates at 0.8-0.95 on time and falls off within a few hundred milliseconds; an arm that never stops (steady
 * sine waves) correlated best at the wrong lag in 2 of 20 episodes, so it is not judged.
 */
/** A joint moving at under this share of its 95th-percentile speed is still. */
const STILL_SHARE = 0.05;
/** The arm must rest for at least this share of the episode, and move for as much, to tell a camera's timing. */
const MIN_STILL = 0.15;

export async function cameraLag(blockChange: Float32Array, blocks: number, frameTimes: bigint[], states: { t: bigint; positions: number[] }[], toleranceMs: number, maxLagS = 1): Promise<CameraLag | null> {
  const frames = Math.min(Math.floor(blockChange.length / blocks) + 1, frameTimes.length);
  if (frames < 21 || states.length < 3) return null;
  const t0 = frameTimes[0]!;
  const sec = (t: bigint): number => Number(t - t0) / 1e9;
  const n = frames - 1;
  // Picture change between consecutive frames, at the midpoint of their capture times (smoothed over 3).
  const changeT = Array.from({ length: n }, (_, i) => (sec(frameTimes[i]!) + sec(frameTimes[i + 1]!)) / 2);
  const picture = smooth(
    Array.from({ length: n }, (_, i) => {
      let sum = 0;
      for (let b = 0; b < blocks; b++) sum += blockChange[i * blocks + b]!;
      return sum / blocks;
    }),
    3,
  );
  // How much the joints move between consecutive states, at their midpoint: each joint's speed as a share of its own
  // 95th percentile, capped at 1, summed over joints. A camera sees a big joint and a small one move alike only
  // roughly; a gripper snapping shut in one sample must not outweigh the rest of the episode.
  const speedT: number[] = [];
  const perJoint: number[][] = [];
  for (let k = 1; k < states.length; k++) {
    const dt = Number(states[k]!.t - states[k - 1]!.t) / 1e9;
    if (dt <= 0) continue;
    const a = states[k - 1]!.positions;
    const b = states[k]!.positions;
    speedT.push((sec(states[k - 1]!.t) + sec(states[k]!.t)) / 2);
    perJoint.push(b.map((v, j) => Math.abs(v - (a[j] ?? v)) / dt));
  }
  const joints = perJoint[0]?.length ?? 0;
  const scale = Array.from({ length: joints }, (_, j) => {
    const v = perJoint.map((p) => p[j] ?? 0).sort((x, y) => x - y);
    return v[Math.floor(0.95 * (v.length - 1))] ?? 0;
  });
  const share = (v: number, j: number): number => (scale[j]! > 1e-6 ? Math.min(1, v / scale[j]!) : 0);
  const speedRaw = perJoint.map((p) => p.reduce((sum, v, j) => sum + share(v, j), 0));
  if (speedT.length < 3) return null;
  // Only an arm that rests and moves tells its timing: how much a picture changes with joint speed depends on the
  // pose (an arm moving toward the camera changes little), and an arm that never stops (or never moves) gives a
  // correlation landscape whose peak can sit anywhere; starts and stops are the same in any picture.
  const still = perJoint.filter((p) => p.every((v, j) => share(v, j) < STILL_SHARE)).length / perJoint.length;
  if (still < MIN_STILL || still > 1 - MIN_STILL) return null;
  const speed = smooth(speedRaw, 3);
  const speedAt = (t: number): number | null => {
    if (t < speedT[0]! || t > speedT.at(-1)!) return null;
    let lo = 0;
    let hi = speedT.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (speedT[mid]! <= t) lo = mid;
      else hi = mid;
    }
    const span = speedT[hi]! - speedT[lo]!;
    const w = span > 0 ? (t - speedT[lo]!) / span : 0;
    return speed[lo]! * (1 - w) + speed[hi]! * w;
  };
  const periodS = (changeT.at(-1)! - changeT[0]!) / Math.max(1, n - 1);
  const step = periodS / 3;
  const lags: number[] = [];
  for (let lag = -maxLagS; lag <= maxLagS + 1e-9; lag += step) lags.push(lag);
  let best: (CameraLag & { index: number }) | null = null;
  let inTolerance = -1;
  let first = -1;
  let last = -1;
  for (let l = 0; l < lags.length; l++) {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < n; i++) {
      // The picture at time t shows the joints at t - lag.
      const v = speedAt(changeT[i]! - lags[l]!);
      if (v === null) continue;
      a.push(picture[i]!);
      b.push(v);
    }
    if (a.length >= 20 && a.length >= n / 2) {
      const r = pearson(a, b);
      if (first < 0) first = l;
      last = l;
      if (Math.abs(lags[l]! * 1000) <= toleranceMs) inTolerance = Math.max(inTolerance, r);
      if (!best || r > best.correlation) best = { lagMs: lags[l]! * 1000, correlation: r, pairs: a.length, correlationInTolerance: -1, atEdge: false, index: l };
    }
    if (l % 32 === 31) await new Promise((resolve) => setImmediate(resolve));
  }
  if (!best) return null;
  const { index, ...lag } = best;
  return { ...lag, correlationInTolerance: inTolerance, atEdge: index === first || index === last };
}

/**
 * A lag beyond the tolerance counts only if the correlation there beats the best within the tolerance by this much:
 * smooth motion correlates almost as well a little off, and a periodic one again a period later.
 */
export const LAG_MARGIN = 0.1;

export type LagVerdict = 'cannot_tell' | 'on_time' | 'moved';

/** What a measured lag says: the frame times were moved, they are on time, or nothing can be told. */
export function judgeLag(lag: CameraLag | null, maxLagMs: number, minCorrelation: number): LagVerdict {
  if (!lag || lag.correlation < minCorrelation || lag.atEdge) return 'cannot_tell';
  return Math.abs(lag.lagMs) > maxLagMs && lag.correlation - lag.correlationInTolerance >= LAG_MARGIN ? 'moved' : 'on_time';
}

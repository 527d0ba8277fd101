// Replays: the same motion recorded again and submitted as a new episode,
// perhaps with small noise added, shifted in time (still time before or after
// it), re-sampled at another rate or played a little faster or slower. Each
// episode's motion is reduced to a signature that none of those changes: the
// joint positions, smoothed, with the still time at both ends cut off (from
// where the arm leaves its first pose to where it reaches its last), sampled
// at 64 points evenly over the motion's own duration. Two signatures closer
// than a threshold (RMS over points and joints, radians) are the same motion.
// The threshold is calibrated by tests/bench/replayCalibration.ts on
// genuinely different demonstrations of one task against replays of them.

/** Points a signature has. */
export const SIGNATURE_POINTS = 64;

/** The motion starts where the arm has left its first pose by this share of the farthest it gets from it (and ends likewise). */
const DEPARTURE_SHARE = 0.05;
/** An episode whose arm never gets farther than this (rad) from where it started has no motion to compare. */
const MIN_MOTION_RAD = 0.02;

interface Sample {
  t: bigint;
  positions: number[];
}

/** The mean of each joint over a window of `half` samples either side (the ends use what they have). */
function smooth(samples: Sample[], half: number): number[][] {
  const joints = samples[0]?.positions.length ?? 0;
  const out: number[][] = [];
  for (let i = 0; i < samples.length; i++) {
    const from = Math.max(0, i - half);
    const to = Math.min(samples.length - 1, i + half);
    const row = new Array<number>(joints).fill(0);
    for (let k = from; k <= to; k++) for (let j = 0; j < joints; j++) row[j]! += samples[k]!.positions[j] ?? 0;
    out.push(row.map((v) => v / (to - from + 1)));
  }
  return out;
}

/** The motion's signature: SIGNATURE_POINTS rows of joint positions; empty when the episode has no motion. */
export function motionSignature(samples: Sample[]): number[][] {
  if (samples.length < 3) return [];
  const pos = smooth(samples, 4);
  const seconds = samples.map((s) => Number(s.t - samples[0]!.t) / 1e9);
  // Where the motion starts: the arm has left its first pose by a share of the farthest it goes from it (still time and
  // a hand's tremor before it are cut off, wherever the recording began); where it ends, likewise from its last pose.
  const away = (i: number, from: number[]): number => Math.max(...pos[i]!.map((v, j) => Math.abs(v - from[j]!)));
  const fromStart = pos.map((_, i) => away(i, pos[0]!));
  const fromEnd = pos.map((_, i) => away(i, pos.at(-1)!));
  const reach = Math.max(...fromStart);
  if (reach < MIN_MOTION_RAD) return [];
  let first = 0;
  while (first < pos.length - 1 && fromStart[first]! <= DEPARTURE_SHARE * reach) first++;
  const back = Math.max(...fromEnd);
  let last = pos.length - 1;
  while (last > first && fromEnd[last]! <= DEPARTURE_SHARE * back) last--;
  if (last <= first) return [];
  const t0 = seconds[first]!;
  const span = seconds[last]! - t0;
  const out: number[][] = [];
  let k = first;
  for (let p = 0; p < SIGNATURE_POINTS; p++) {
    const at = t0 + (span * p) / (SIGNATURE_POINTS - 1);
    while (k + 1 < last && seconds[k + 1]! <= at) k++;
    const next = Math.min(k + 1, last);
    const w = seconds[next]! > seconds[k]! ? (at - seconds[k]!) / (seconds[next]! - seconds[k]!) : 0;
    out.push(pos[k]!.map((v, j) => v + (pos[next]![j]! - v) * Math.max(0, Math.min(1, w))));
  }
  return out;
}

/** RMS difference of two signatures (radians); Infinity when they cannot be compared. */
export function signatureDistance(a: number[][], b: number[][]): number {
  if (a.length !== SIGNATURE_POINTS || b.length !== SIGNATURE_POINTS || a[0]!.length !== b[0]!.length) return Infinity;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < a[i]!.length; j++) {
      sum += (a[i]![j]! - b[i]![j]!) ** 2;
      n++;
    }
  }
  return Math.sqrt(sum / n);
}

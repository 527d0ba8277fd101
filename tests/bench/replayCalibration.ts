// Calibrates the replay check (hub/src/episodes/replayDetection.ts): how far
// apart genuinely different demonstrations of one task are, how close replays
// of one demonstration stay, and the false-positive rate at the threshold the
// hub uses. No real teleoperation recordings exist here, so the set is
// generated: a pick-and-place on an SO-101-shaped arm (6 joints) by a
// simulated operator who varies what a person varies between attempts (start
// pose, where the object and the bin are, how fast each phase goes, pauses,
// hand tremor), sampled at 30 Hz. Each demonstration is then replayed the ways
// a cheating owner would: driven again (control noise only), with ±0.01 rad
// noise, shifted in time (still time added), re-sampled at 25 Hz, played 10%
// faster. Prints JSON.
//   npx tsx tests/bench/replayCalibration.ts [demonstrations=60] [seed=7]
import { DEFAULT_THRESHOLDS } from '../../hub/src/episodes/automaticChecks.ts';
import { motionSignature, signatureDistance } from '../../hub/src/episodes/replayDetection.ts';
import { summarize } from './stats.ts';

const N = Number(process.argv[2] ?? 60);
let seed = Number(process.argv[3] ?? 7);
const random = (): number => {
  // mulberry32: repeatable runs.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const between = (a: number, b: number): number => a + (b - a) * random();

type Pose = number[];
interface Sample {
  t: bigint;
  positions: number[];
}

/** A person's attempt: waypoints with phase durations, smoothly interpolated, plus tremor. */
function demonstration(): { at: (s: number) => Pose; seconds: number } {
  const rest: Pose = [0, -1.6, 1.5, 0.9, 0, 0.05].map((v) => v + between(-0.05, 0.05));
  const object: Pose = [between(-0.5, 0.5), between(-0.5, -0.1), between(0.6, 1.1), between(0.6, 1.2), between(-0.4, 0.4), 0.6];
  const grasp: Pose = [...object.slice(0, 5), 0.1];
  const lift: Pose = [object[0]!, object[1]! - 0.3, object[2]! - 0.2, object[3]!, object[4]!, 0.1];
  const bin: Pose = [between(-1.2, -0.7), between(-0.6, -0.2), between(0.7, 1.2), between(0.5, 1.0), between(-0.3, 0.3), 0.1];
  const release: Pose = [...bin.slice(0, 5), 0.6];
  const poses = [rest, rest, object, grasp, lift, bin, release, rest, rest];
  const durations = [between(0.3, 1.2), between(1.2, 2.5), between(0.4, 1.0), between(0.3, 0.8), between(1.2, 2.6), between(0.3, 0.8), between(1.0, 2.2), between(0.3, 1.2)];
  const tremor = Array.from({ length: 6 }, () => ({ amp: between(0.002, 0.01), f: between(0.5, 2), phase: between(0, 6.28) }));
  const seconds = durations.reduce((a, b) => a + b, 0);
  const at = (s: number): Pose => {
    let k = 0;
    let t = s;
    while (k < durations.length - 1 && t > durations[k]!) t -= durations[k++]!;
    const u = Math.max(0, Math.min(1, t / durations[k]!));
    const e = u * u * (3 - 2 * u); // a person eases in and out
    return poses[k]!.map((v, j) => v + (poses[k + 1]![j]! - v) * e + tremor[j]!.amp * Math.sin(2 * Math.PI * tremor[j]!.f * s + tremor[j]!.phase));
  };
  return { at, seconds };
}

function sample(at: (s: number) => Pose, seconds: number, hz: number, o: { noise?: number; stillBefore?: number; speed?: number } = {}): Sample[] {
  const out: Sample[] = [];
  const speed = o.speed ?? 1;
  const still = o.stillBefore ?? 0;
  const total = still + seconds / speed;
  for (let i = 0; i * (1 / hz) <= total; i++) {
    const s = i / hz;
    const pose = at(Math.max(0, (s - still) * speed));
    out.push({ t: BigInt(Math.round(s * 1e9)), positions: pose.map((v) => v + (o.noise ? between(-o.noise, o.noise) : 0)) });
  }
  return out;
}

const demos = Array.from({ length: N }, demonstration);
const signatures = demos.map((d) => motionSignature(sample(d.at, d.seconds, 30, { noise: 0.002 })));
const genuine: number[] = [];
for (let a = 0; a < N; a++) for (let b = a + 1; b < N; b++) genuine.push(signatureDistance(signatures[a]!, signatures[b]!));
const replays: Record<string, number[]> = { drivenAgain: [], noise10mrad: [], shifted: [], resampled25Hz: [], faster10pct: [] };
demos.forEach((d, i) => {
  const original = signatures[i]!;
  replays.drivenAgain!.push(signatureDistance(original, motionSignature(sample(d.at, d.seconds, 30, { noise: 0.002 }))));
  replays.noise10mrad!.push(signatureDistance(original, motionSignature(sample(d.at, d.seconds, 30, { noise: 0.01 }))));
  replays.shifted!.push(signatureDistance(original, motionSignature(sample(d.at, d.seconds, 30, { noise: 0.002, stillBefore: 1.5 }))));
  replays.resampled25Hz!.push(signatureDistance(original, motionSignature(sample(d.at, d.seconds, 25, { noise: 0.002 }))));
  replays.faster10pct!.push(signatureDistance(original, motionSignature(sample(d.at, d.seconds, 30, { noise: 0.002, speed: 1.1 }))));
});
const threshold = DEFAULT_THRESHOLDS.duplicateRmsRad;
const allReplays = Object.values(replays).flat();
console.log(
  JSON.stringify(
    {
      bench: 'replayCalibration',
      demonstrations: N,
      genuinePairs: genuine.length,
      thresholdRad: threshold,
      genuineDistanceRad: summarize(genuine, 4),
      genuineMinRad: Number(Math.min(...genuine).toFixed(4)),
      falsePositives: genuine.filter((d) => d < threshold).length,
      falsePositiveRate: genuine.filter((d) => d < threshold).length / genuine.length,
      replayDistanceRad: Object.fromEntries(Object.entries(replays).map(([k, v]) => [k, summarize(v, 4)])),
      replaysMissed: allReplays.filter((d) => !(d < threshold)).length,
      replays: allReplays.length,
    },
    null,
    2,
  ),
);

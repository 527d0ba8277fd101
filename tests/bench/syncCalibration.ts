// Calibrates the picture-to-joints sync check (hub/src/episodes/videoSync.ts):
// episodes of the simulated arm, drawn by the agent's own `sim` camera
// (320x240, 30 fps, encoded as the recorder does: x264, crf 20), their states
// at 50 Hz; each judged with its frame times as recorded (an honest episode:
// a "moved" verdict is a false rejection) and moved by ±200 and ±500 ms (a
// desync: a "moved" verdict is a catch). Motions: half move between poses
// with pauses (as people teleoperate), half never rest (sums of sines, as the
// junk suite drives). It also calibrates the video-copy check: every pair of
// different episodes, and each episode's re-encoded copy. The camera's
// draw() is called directly with each frame's capture time (the bench needs no
// clock), which is what the camera does on its frame ticks. Prints JSON.
//   npx tsx tests/bench/syncCalibration.ts [episodes=30] [seconds=3] [seed=11]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_THRESHOLDS } from '../../hub/src/episodes/automaticChecks.ts';
import { THUMB_BYTES, videoLook, videoReplay } from '../../hub/src/episodes/videoReplay.ts';
import { cameraLag, judgeLag } from '../../hub/src/episodes/videoSync.ts';
import { SimArmCamera } from '../../robot-agent/src/cameras/sim/SimArmCamera.ts';
import { summarize } from './stats.ts';

const EPISODES = Number(process.argv[2] ?? 30);
const SECONDS = Number(process.argv[3] ?? 3);
let seed = Number(process.argv[4] ?? 11);
const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
const FPS = 30;
const W = 320;
const H = 240;
/** Episode e starts at T0 + e minutes (the sim camera burns its frames' times in, as on a real robot). */
const BASE_NS = 1_800_000_000_000_000_000n;
let T0 = BASE_NS;
const SHIFTS_MS = [-500, -200, 200, 500];
const dir = mkdtempSync(join(tmpdir(), 'sync-calibration-'));

/** Teleoperation as people do it: smooth moves between poses (reach, grasp, lift, place), with pauses between. */
function withPauses(): (t: number) => number[] {
  const poses = Array.from({ length: 2 + Math.ceil(SECONDS), }, () => [-0.5 + random(), -0.4 + 0.8 * random(), 0.2 + 0.6 * random(), -0.5 + random(), 0, 0.1 + 0.6 * random()]);
  const moves: { from: number[]; to: number[]; t0: number; t1: number }[] = [];
  let at = 0.3 + 0.4 * random();
  for (let k = 1; k < poses.length && at < SECONDS; k++) {
    const d = 0.4 + 0.5 * random();
    moves.push({ from: poses[k - 1]!, to: poses[k]!, t0: at, t1: at + d });
    at += d + 0.15 + 0.4 * random();
  }
  return (x) => {
    let q = poses[0]!;
    for (const m of moves) {
      if (x >= m.t1) q = m.to;
      else {
        if (x > m.t0) {
          const u = (x - m.t0) / (m.t1 - m.t0);
          const w = u * u * (3 - 2 * u);
          q = m.from.map((v, j) => v + (m.to[j]! - v) * w);
        }
        break;
      }
    }
    return q;
  };
}

/** An arm that never stops: a sum of sines per joint, the gripper closing once (as the junk suite's good episodes). */
function steady(): (t: number) => number[] {
  const joints = Array.from({ length: 4 }, () => ({ amp: 0.15 + 0.35 * random(), w: 1.2 + 2.3 * random(), phase: 6.28 * random(), base: -0.3 + 0.6 * random() }));
  const grip = 0.2 + 0.5 * random();
  const closeAt = SECONDS * (0.3 + 0.4 * random());
  return (t) => [...joints.map((j) => j.base + j.amp * Math.sin(j.w * t + j.phase)), 0, t > closeAt ? 0.1 : grip];
}

async function record(pose: (t: number) => number[], file: string): Promise<void> {
  const at = (ns: bigint): number => Number(ns - T0) / 1e9;
  const camera = new SimArmCamera({ name: 'front', width: W, height: H, fps: FPS }, (ns) => pose(at(ns)));
  const ffmpeg = spawn(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${W}x${H}`, '-r', String(FPS), '-i', 'pipe:0', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-g', '2', '-bf', '0', '-pix_fmt', 'yuv420p', file], { stdio: ['pipe', 'ignore', 'inherit'] });
  const done = new Promise<void>((resolve, reject) => ffmpeg.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}`)))));
  camera.on('frame', (f) => ffmpeg.stdin.write(f.data));
  const draw = (camera as unknown as { draw(index: number, captureNs: bigint): void }).draw.bind(camera);
  for (let i = 0; i < FPS * SECONDS; i++) draw(i, T0 + BigInt(Math.round((i / FPS) * 1e9)));
  ffmpeg.stdin.end();
  await done;
}

const run = (args: string[]): Promise<void> =>
  new Promise((resolve, reject) => spawn(process.env.FFMPEG_PATH ?? 'ffmpeg', args, { stdio: 'inherit' }).on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}`)))));
const looks: Buffer[] = [];
const copies: Buffer[] = [];
const t = DEFAULT_THRESHOLDS;
type Tally = { moved: number; onTime: number; cannotTell: number; lagErrorMs: number[]; correlation: number[] };
const tally = (): Tally => ({ moved: 0, onTime: 0, cannotTell: 0, lagErrorMs: [], correlation: [] });
const kinds = ['pauses', 'steady'] as const;
// By kind of motion: the frame times as recorded (0) and moved by each shift.
const results = new Map(kinds.map((k) => [k, new Map([0, ...SHIFTS_MS].map((s) => [s, tally()]))]));
for (let e = 0; e < EPISODES; e++) {
  const kind = kinds[e % 2]!;
  const pose = kind === 'pauses' ? withPauses() : steady();
  T0 = BASE_NS + BigInt(e) * 60_000_000_000n;
  const file = join(dir, `e${e}.mp4`);
  await record(pose, file);
  const { blockChange, thumbs } = await videoLook(file);
  looks.push(thumbs);
  // The owner's copy: the same video re-encoded at a lower quality, from its sixth frame on.
  const copy = join(dir, `c${e}.mp4`);
  await run(['-v', 'error', '-y', '-i', file, '-vf', 'select=gte(n\\,5),setpts=N/30/TB', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30', '-pix_fmt', 'yuv420p', copy]);
  copies.push((await videoLook(copy)).thumbs);
  const states = Array.from({ length: 50 * SECONDS }, (_, k) => ({ t: T0 + BigInt(k) * 20_000_000n, positions: pose(k / 50) }));
  const times = (shiftMs: number): bigint[] => Array.from({ length: FPS * SECONDS }, (_, i) => T0 + BigInt(Math.round((i / FPS) * 1e9)) + BigInt(shiftMs) * 1_000_000n);
  for (const s of [0, ...SHIFTS_MS]) {
    const lag = await cameraLag(blockChange, THUMB_BYTES, times(s), states, t.maxCameraLagMs);
    const v = judgeLag(lag, t.maxCameraLagMs, t.minSyncCorrelation);
    const r = results.get(kind)!.get(s)!;
    if (process.env.DEBUG_SYNC && s === 0 && v === 'moved') console.error(kind, JSON.stringify(lag));
    r[v === 'moved' ? 'moved' : v === 'on_time' ? 'onTime' : 'cannotTell']++;
    if (lag) {
      r.lagErrorMs.push(Math.abs(lag.lagMs - s));
      r.correlation.push(lag.correlation);
    }
  }
}
rmSync(dir, { recursive: true, force: true });
// Video copies (videoReplay.ts): every pair of different episodes (a match is a false positive), and each episode's
// re-encoded copy against it (a match is a catch).
let falseCopies = 0;
let closestShare = 0;
for (let a = 0; a < looks.length; a++) {
  for (let b = 0; b < looks.length; b++) {
    if (a === b) continue;
    const r = videoReplay(looks[a]!, looks[b]!);
    if (r.match) falseCopies++;
    closestShare = Math.max(closestShare, r.closestShare);
  }
}
const caught = copies.filter((c, e) => videoReplay(c, looks[e]!).match !== null).length;
console.log(
  JSON.stringify(
    {
      bench: 'sync-calibration',
      episodes: EPISODES,
      seconds: SECONDS,
      thresholds: { maxCameraLagMs: t.maxCameraLagMs, minSyncCorrelation: t.minSyncCorrelation },
      // shift 0: "moved" is a false rejection of an honest episode; any other shift: "moved" is a desync caught.
      videoCopies: { pairsOfDifferentEpisodes: looks.length * (looks.length - 1), calledCopies: falseCopies, closestShareOfDifferent: closestShare, reencodedCopies: copies.length, caught },
      byMotion: Object.fromEntries(
        [...results].map(([kind, byShift]) => [
          kind,
          Object.fromEntries([...byShift].map(([s, r]) => [`shift ${s} ms`, { moved: r.moved, onTime: r.onTime, cannotTell: r.cannotTell, lagErrorMs: summarize(r.lagErrorMs), correlation: summarize(r.correlation) }])),
        ]),
      ),
    },
    null,
    2,
  ),
);

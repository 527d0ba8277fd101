// The camera-to-joints lag on a video made by the real ffmpeg (H.264) from
// frames that show a box where a two-joint "arm" is: as recorded, the lag is
// within a frame; with the frame times moved, the lag is the move; a picture
// that moves on its own, or an arm that never rests, says nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { THUMB_BYTES, videoLook } from './videoReplay.ts';
import { cameraLag } from './videoSync.ts';

const dir = mkdtempSync(join(tmpdir(), 'video-sync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const W = 160;
const H = 120;
const FPS = 30;
const SECONDS = 5;
const T0 = 1_800_000_000_000_000_000n;
/** The arm's two joints (rad) at t seconds: moves between poses, resting between them, as people teleoperate. */
const POSES = [[0, 0], [0.4, -0.2], [0.1, 0.25], [-0.35, 0.1], [0.2, -0.3], [0, 0]];
const joints = (t: number): number[] => {
  const k = Math.min(POSES.length - 2, Math.floor(t / 0.8));
  const u = Math.min(1, Math.max(0, (t - k * 0.8 - 0.2) / 0.45));
  const w = u * u * (3 - 2 * u);
  return POSES[k]!.map((v, j) => v + (POSES[k + 1]![j]! - v) * w);
};
/** An arm that never rests. */
const steady = (t: number): number[] => [0.4 * Math.sin(1.3 * t) + 0.2 * Math.sin(3.1 * t + 1), 0.25 * Math.sin(2.2 * t + 0.5)];

/** A video of a 16x16 box at the joints' position (100 px a radian), or at `other`'s. */
function video(name: string, pose: (t: number) => number[]): string {
  const frames = Buffer.alloc(W * H * FPS * SECONDS);
  for (let i = 0; i < FPS * SECONDS; i++) {
    const [a = 0, b = 0] = pose(i / FPS);
    const x0 = Math.round(W / 2 - 8 + 100 * a);
    const y0 = Math.round(H / 2 - 8 + 100 * b);
    for (let y = Math.max(0, y0); y < Math.min(H, y0 + 16); y++) frames.fill(230, i * W * H + y * W + Math.max(0, x0), i * W * H + y * W + Math.min(W, x0 + 16));
  }
  const out = join(dir, name);
  execFileSync(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${W}x${H}`, '-r', String(FPS), '-i', 'pipe:0', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', out], { input: frames });
  return out;
}

const frameTimes = (shiftMs: number): bigint[] => Array.from({ length: FPS * SECONDS }, (_, i) => T0 + BigInt(Math.round((i / FPS) * 1e9)) + BigInt(shiftMs) * 1_000_000n);
/** States at 50 Hz over the same seconds. */
const states = Array.from({ length: 50 * SECONDS }, (_, k) => ({ t: T0 + BigInt(k) * 20_000_000n, positions: joints(k / 50) }));

describe('cameraLag', () => {
  const arm = video('arm.mp4', joints);

  it('finds the frames on time, within a frame, when they are', async () => {
    const lag = (await cameraLag((await videoLook(arm)).blockChange, THUMB_BYTES, frameTimes(0), states, 100))!;
    expect(Math.abs(lag.lagMs)).toBeLessThanOrEqual(1000 / FPS);
    expect(lag.correlation).toBeGreaterThan(0.8);
    expect(lag.correlationInTolerance).toBe(lag.correlation);
  });

  it('measures frame times moved later or earlier by the amount they were moved', async () => {
    const { blockChange } = await videoLook(arm);
    for (const moved of [300, -200, 120]) {
      const lag = (await cameraLag(blockChange, THUMB_BYTES, frameTimes(moved), states, 100))!;
      expect(Math.abs(lag.lagMs - moved), `moved ${moved} ms`).toBeLessThanOrEqual(1000 / FPS);
      expect(lag.correlation).toBeGreaterThan(0.8);
      if (Math.abs(moved) >= 200) expect(lag.correlationInTolerance, `moved ${moved} ms`).toBeLessThan(lag.correlation - 0.03);
    }
  });

  it('tells nothing from an arm that never rests', async () => {
    const steadyStates = states.map((x, k) => ({ ...x, positions: steady(k / 50) }));
    expect(await cameraLag((await videoLook(video('steady.mp4', steady))).blockChange, THUMB_BYTES, frameTimes(0), steadyStates, 100)).toBeNull();
  });

  it('tells nothing from a picture that moves on its own', async () => {
    const own = video('own.mp4', (t) => [0.3 * Math.sin(0.7 * t + 2), 0.2 * Math.cos(1.9 * t)]);
    const lag = await cameraLag((await videoLook(own)).blockChange, THUMB_BYTES, frameTimes(0), states, 100);
    expect(lag === null || lag.correlation < 0.6, JSON.stringify(lag)).toBe(true);
  });
});

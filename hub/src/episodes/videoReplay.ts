// Re-muxed video: an earlier episode's video, copied or re-encoded into a new
// episode (with new states, or a replay's). The hub keeps, for each camera of
// each episode it checked, what every frame looks like at 16x12 grey pixels
// (area-averaged from the decoded video, so codec and sensor noise average
// out; 192 bytes a frame). A copy matches an earlier video frame for frame, in
// order: sampled frames of the new video each find a frame of the earlier one
// within a few grey levels at every pixel, at one constant frame offset. A new
// recording does not: the scene changes with the motion, and every camera's
// frames carry their capture time (the test and simulated cameras burn it in;
// a real camera's sensor noise and light differ), which differ at some pixel.
// A still scene (an arm at rest) matches any still frame, but at no constant
// offset, so it takes most sampled frames matching in step to call a copy.
import { spawn } from 'node:child_process';

export const THUMB_WIDTH = 16;
export const THUMB_HEIGHT = 12;
export const THUMB_BYTES = THUMB_WIDTH * THUMB_HEIGHT;
/** Frames kept per camera (a minute at 30 fps); later frames are not compared. */
export const MAX_THUMB_FRAMES = 1800;

export class VideoThumbnailError extends Error {
  override name = 'VideoThumbnailError';
}

/** Decoded for the picture change (videoSync.ts): 4x the thumbnail in each direction, so small motions show. */
const CHANGE_WIDTH = THUMB_WIDTH * 4;
const CHANGE_HEIGHT = THUMB_HEIGHT * 4;
const CHANGE_BYTES = CHANGE_WIDTH * CHANGE_HEIGHT;
/** Frames decoded at most (three minutes at 30 fps): the picture change of longer videos is judged on these. */
export const MAX_DECODED_FRAMES = 5400;

export interface VideoLook {
  /** The first MAX_THUMB_FRAMES frames as 16x12 grey pixels, one after another. */
  thumbs: Buffer;
  /**
   * How much each 4x4 block of the picture at 64x48 (the thumbnail's pixels) changes from each frame to the next (mean
   * absolute grey levels): THUMB_BYTES values per frame after the first, for the picture-to-joints sync (videoSync.ts).
   */
  blockChange: Float32Array;
}

/** What a video looks like: its frames' thumbnails and how much its picture changes from frame to frame. */
export function videoLook(path: string): Promise<VideoLook> {
  const ffmpeg = process.env.FFMPEG_PATH ?? 'ffmpeg';
  const args = ['-v', 'error', '-nostdin', '-i', path, '-map', '0:v:0', '-frames:v', String(MAX_DECODED_FRAMES), '-fps_mode', 'passthrough', '-vf', `scale=${CHANGE_WIDTH}:${CHANGE_HEIGHT}:flags=area,format=gray`, '-f', 'rawvideo', 'pipe:1'];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const thumbs: Buffer[] = [];
    let pending: Buffer = Buffer.alloc(0);
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    const changes: Float32Array[] = [];
    let previous: Buffer | null = null;
    const frame = (f: Buffer): void => {
      const t = Buffer.alloc(THUMB_BYTES);
      const change = new Float32Array(THUMB_BYTES);
      for (let y = 0; y < THUMB_HEIGHT; y++) {
        for (let x = 0; x < THUMB_WIDTH; x++) {
          let sum = 0;
          let moved = 0;
          for (let dy = 0; dy < 4; dy++) {
            for (let dx = 0; dx < 4; dx++) {
              const p = (y * 4 + dy) * CHANGE_WIDTH + x * 4 + dx;
              sum += f[p]!;
              if (previous) moved += Math.abs(f[p]! - previous[p]!);
            }
          }
          // Each thumbnail pixel is the mean of its 4x4 block (the same area average ffmpeg makes at 16x12).
          t[y * THUMB_WIDTH + x] = Math.round(sum / 16);
          change[y * THUMB_WIDTH + x] = moved / 16;
        }
      }
      if (previous) changes.push(change);
      previous = f;
      if (thumbs.length < MAX_THUMB_FRAMES) thumbs.push(t);
    };
    child.stdout.on('data', (b: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, b]) : b;
      while (pending.length >= CHANGE_BYTES) {
        frame(Buffer.from(pending.subarray(0, CHANGE_BYTES)));
        pending = pending.subarray(CHANGE_BYTES);
      }
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new VideoThumbnailError(`ffmpeg could not be started: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new VideoThumbnailError(`ffmpeg could not decode the video: ${err.trim().split('\n').pop() ?? `exit ${code}`}`));
      const blockChange = new Float32Array(changes.length * THUMB_BYTES);
      changes.forEach((c, i) => blockChange.set(c, i * THUMB_BYTES));
      resolve({ thumbs: Buffer.concat(thumbs), blockChange });
    });
  });
}

/** Every frame of a video (up to MAX_THUMB_FRAMES) as 16x12 grey pixels, one after another. */
export async function videoThumbnails(path: string): Promise<Buffer> {
  return (await videoLook(path)).thumbs;
}

export interface VideoReplayOptions {
  /** Frames of the new video compared (evenly spread). */
  probes: number;
  /** Two frames are one when no pixel differs by more than this many grey levels (after removing the mean brightness). */
  sameFrameLevels: number;
  /** The share of probes that must match, at one offset (within a frame), to call the video a copy. */
  minShare: number;
}

export const DEFAULT_VIDEO_REPLAY: VideoReplayOptions = { probes: 16, sameFrameLevels: 12, minShare: 0.6 };

export interface VideoReplayMatch {
  /** Probes that found their frame in the earlier video, in step. */
  matched: number;
  probes: number;
  /** Earlier frame index minus new frame index. */
  offset: number;
  /** The largest pixel difference among the matched probes (grey levels). */
  worstLevels: number;
}

/** Each frame with its mean brightness removed (a brighter or darker copy is the same copy). */
function centred(thumbs: Buffer): Int16Array[] {
  const frames: Int16Array[] = [];
  for (let o = 0; o + THUMB_BYTES <= thumbs.length; o += THUMB_BYTES) {
    let sum = 0;
    for (let i = 0; i < THUMB_BYTES; i++) sum += thumbs[o + i]!;
    const mean = Math.round(sum / THUMB_BYTES);
    const f = new Int16Array(THUMB_BYTES);
    for (let i = 0; i < THUMB_BYTES; i++) f[i] = thumbs[o + i]! - mean;
    frames.push(f);
  }
  return frames;
}

/** The largest pixel difference of two frames, giving up (returning `stop`) once it reaches `stop`. */
function maxDiff(a: Int16Array, b: Int16Array, stop: number): number {
  let worst = 0;
  for (let i = 0; i < THUMB_BYTES; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (d > worst) {
      worst = d;
      if (worst >= stop) return stop;
    }
  }
  return worst;
}

/**
 * Whether `current` (thumbnails of a new episode's camera) copies `earlier` (an earlier episode's), and how closely;
 * null when too few frames match in step. The closest measure of a non-copy is returned as `closest` for the reason.
 */
export function videoReplay(current: Buffer, earlier: Buffer, o: VideoReplayOptions = DEFAULT_VIDEO_REPLAY): { match: VideoReplayMatch | null; closestShare: number } {
  const a = centred(current);
  const b = centred(earlier);
  if (a.length < 2 || b.length < 2) return { match: null, closestShare: 0 };
  const probes = Math.min(o.probes, a.length);
  const found: { offset: number; levels: number }[] = [];
  for (let k = 0; k < probes; k++) {
    const i = Math.round((k * (a.length - 1)) / Math.max(1, probes - 1));
    let best = o.sameFrameLevels + 1;
    let at = -1;
    for (let j = 0; j < b.length; j++) {
      const d = maxDiff(a[i]!, b[j]!, best);
      if (d < best) {
        best = d;
        at = j;
      }
    }
    if (at >= 0 && best <= o.sameFrameLevels) found.push({ offset: at - i, levels: best });
  }
  // The offset most probes agree on, give or take a frame (a copy cut between two sampled frames).
  let bestRun: { offset: number; members: typeof found } = { offset: 0, members: [] };
  for (const f of found) {
    const members = found.filter((g) => Math.abs(g.offset - f.offset) <= 1);
    if (members.length > bestRun.members.length) bestRun = { offset: f.offset, members };
  }
  const share = bestRun.members.length / probes;
  if (share < o.minShare) return { match: null, closestShare: share };
  return {
    match: { matched: bestRun.members.length, probes, offset: bestRun.offset, worstLevels: Math.max(...bestRun.members.map((m) => m.levels)) },
    closestShare: share,
  };
}

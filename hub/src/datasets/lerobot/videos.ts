// Video files of a LeRobot dataset: the episodes' recorded MP4s appended back
// to back by stream copy (no re-encode: they were recorded with a key frame
// every 2 frames, as LeRobot encodes), each cut to the episode's length, with
// every packet re-stamped on the constant frame grid so frame k of the file
// sits at exactly k / fps. Also: sampling frames for image statistics.
import { spawn } from 'node:child_process';
import { writeFile, rm } from 'node:fs/promises';

export class VideoExportError extends Error {
  override name = 'VideoExportError';
}

const ffmpegPath = (): string => process.env.FFMPEG_PATH ?? 'ffmpeg';

function run(args: string[], onStdout?: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-nostdin', ...args], { stdio: ['ignore', onStdout ? 'pipe' : 'ignore', 'pipe'] });
    let err = '';
    p.stderr!.setEncoding('utf8').on('data', (c: string) => (err = (err + c).slice(-4000)));
    if (onStdout) p.stdout!.on('data', onStdout);
    p.on('error', (e) => reject(new VideoExportError(`cannot run ffmpeg: ${e.message}`)));
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new VideoExportError(`ffmpeg failed (${code}): ${err.trim().split('\n').slice(-3).join(' | ')}`))));
  });
}

/** Track timescale and ticks per frame: FFmpeg's MP4 default (fps doubled until >= 10000, e.g. 30 fps -> 15360). */
export function frameGrid(fps: number): { timescale: number; ticksPerFrame: number } {
  let k = 1;
  while (fps * k < 10_000) k *= 2;
  return { timescale: fps * k, ticksPerFrame: k };
}

const quote = (path: string): string => `'${path.replace(/'/g, "'\\''")}'`;

/**
 * Writes `out` as the given episode videos back to back, each cut to its first `frames` frames.
 * Inputs must share codec, size and pixel format, and have no B-frames (decode order = display order).
 */
export async function concatVideos(out: string, parts: { path: string; frames: number; available: number }[], fps: number): Promise<void> {
  if (parts.length === 0) throw new VideoExportError('no videos to concatenate');
  const { timescale, ticksPerFrame } = frameGrid(fps);
  const list = `${out}.concat.txt`;
  const lines = ['ffconcat version 1.0'];
  for (const p of parts) {
    if (p.frames > p.available) throw new VideoExportError(`${p.path} has ${p.available} frames, ${p.frames} wanted`);
    lines.push(`file ${quote(p.path)}`);
    // Packets at or after the out point (decode time) end the file: half a frame early so rounding cannot keep one more.
    if (p.frames < p.available) lines.push(`outpoint ${((p.frames - 0.5) / fps).toFixed(6)}`);
  }
  await writeFile(list, `${lines.join('\n')}\n`);
  try {
    await run([
      '-y', '-f', 'concat', '-safe', '0', '-i', list,
      '-map', '0:v:0', '-c', 'copy',
      // Every packet on the frame grid: packet N at N frames, lasting one frame.
      '-bsf:v', `setts=ts=N*${ticksPerFrame}:duration=${ticksPerFrame}:time_base=1/${timescale}`,
      '-video_track_timescale', String(timescale),
      '-movflags', '+faststart', '-f', 'mp4', out,
    ]);
  } finally {
    await rm(list, { force: true });
  }
}

/**
 * Decodes about `count` frames spread over the video (key frames only: with a key frame every 2 frames
 * that is every other frame, and decoding stays cheap), scaled so the long side is at most `maxSide`,
 * as rgb24 buffers.
 */
export async function sampleFrames(path: string, width: number, height: number, count: number, maxSide = 160): Promise<Uint8Array[]> {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const w = Math.max(2, Math.round((width * scale) / 2) * 2);
  const h = Math.max(2, Math.round((height * scale) / 2) * 2);
  const frameBytes = w * h * 3;
  const chunks: Buffer[] = [];
  await run(['-skip_frame', 'nokey', '-i', path, '-map', '0:v:0', '-vf', `scale=${w}:${h}:flags=area`, '-fps_mode', 'passthrough', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], (c) => chunks.push(c));
  const all = Buffer.concat(chunks);
  const n = Math.floor(all.length / frameBytes);
  if (n === 0) throw new VideoExportError(`no frame could be decoded from ${path}`);
  const want = Math.min(count, n);
  const picked: Uint8Array[] = [];
  for (let i = 0; i < want; i++) {
    const k = want === 1 ? 0 : Math.round((i * (n - 1)) / (want - 1));
    picked.push(all.subarray(k * frameBytes, (k + 1) * frameBytes));
  }
  return picked;
}

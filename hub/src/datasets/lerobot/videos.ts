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

/** Runs ffmpeg; an aborted `signal` kills it and rejects with the signal's reason. */
function run(args: string[], onStdout?: (chunk: Buffer) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const p = spawn(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-nostdin', ...args], { stdio: ['ignore', onStdout ? 'pipe' : 'ignore', 'pipe'], ...(signal ? { signal } : {}) });
    let err = '';
    p.stderr!.setEncoding('utf8').on('data', (c: string) => (err = (err + c).slice(-4000)));
    if (onStdout) p.stdout!.on('data', onStdout);
    p.on('error', (e) => reject(signal?.aborted ? signal.reason : new VideoExportError(`cannot run ffmpeg: ${e.message}`)));
    p.on('exit', (code) => (code === 0 ? resolve() : signal?.aborted ? reject(signal.reason) : reject(new VideoExportError(`ffmpeg failed (${code}): ${err.trim().split('\n').slice(-3).join(' | ')}`))));
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
export async function concatVideos(out: string, parts: { path: string; frames: number; available: number }[], fps: number, signal?: AbortSignal): Promise<void> {
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
    ], undefined, signal);
  } finally {
    await rm(list, { force: true });
  }
}

/**
 * Decodes about `count` frames spread over the video, scaled so the long side is at most `maxSide`, as rgb24
 * buffers. Only key frames are decoded (with a key frame every 2 frames that is every other frame); for H.264
 * the packets of key frames not wanted are dropped before the decoder (stream copy through the noise bitstream
 * filter), which halves the work again. `frames` is the number of frames in the video.
 */
export async function sampleFrames(path: string, o: { width: number; height: number; frames: number; count: number; codec: string; maxSide?: number; signal?: AbortSignal | undefined }): Promise<Uint8Array[]> {
  const scale = Math.min(1, (o.maxSide ?? 160) / Math.max(o.width, o.height));
  const w = Math.max(2, Math.round((o.width * scale) / 2) * 2);
  const h = Math.max(2, Math.round((o.height * scale) / 2) * 2);
  const frameBytes = w * h * 3;
  const decodeArgs = ['-vf', `scale=${w}:${h}:flags=area`, '-fps_mode', 'passthrough', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'];
  // Keep every `stride`-th packet when it is a key frame (an even stride lands on key frames at even indices).
  const stride = Math.max(2, 2 * Math.floor(o.frames / (2 * Math.max(1, o.count))));
  const decode = async (dropEarly: boolean): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    if (!dropEarly) {
      await run(['-skip_frame', 'nokey', '-i', path, '-map', '0:v:0', ...decodeArgs], (c) => chunks.push(c), o.signal);
      return Buffer.concat(chunks);
    }
    const bin = ffmpegPath();
    o.signal?.throwIfAborted();
    const killOn = o.signal ? { signal: o.signal } : {};
    const copy = spawn(bin, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', path, '-map', '0:v:0', '-c', 'copy', '-bsf:v', `noise=drop='not(key)+mod(n\,${stride})'`, '-f', 'h264', 'pipe:1'], { stdio: ['ignore', 'pipe', 'ignore'], ...killOn });
    const dec = spawn(bin, ['-hide_banner', '-loglevel', 'error', '-f', 'h264', '-i', 'pipe:0', ...decodeArgs], { stdio: ['pipe', 'pipe', 'pipe'], ...killOn });
    copy.stdout.pipe(dec.stdin);
    dec.stdin.on('error', () => undefined);
    // Killed by an aborted signal, each emits 'error' (then 'exit'): the abort is thrown below.
    copy.on('error', () => undefined);
    dec.on('error', () => undefined);
    dec.stdout.on('data', (c: Buffer) => chunks.push(c));
    let err = '';
    dec.stderr.setEncoding('utf8').on('data', (c: string) => (err = (err + c).slice(-2000)));
    const [a, b] = await Promise.all([new Promise<number | null>((r) => copy.on('exit', r)), new Promise<number | null>((r) => dec.on('exit', r))]);
    o.signal?.throwIfAborted();
    if (a !== 0 || b !== 0) throw new VideoExportError(`sampling frames of ${path} failed: ${err.trim()}`);
    return Buffer.concat(chunks);
  };
  let all = o.codec === 'h264' ? await decode(true).catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
  o.signal?.throwIfAborted();
  // Too few (irregular key frames) or another codec: decode every key frame.
  if (Math.floor(all.length / frameBytes) < Math.min(o.count, Math.ceil(o.frames / stride) - 1)) all = await decode(false);
  const n = Math.floor(all.length / frameBytes);
  if (n === 0) throw new VideoExportError(`no frame could be decoded from ${path}`);
  const want = Math.min(o.count, n);
  const picked: Uint8Array[] = [];
  for (let i = 0; i < want; i++) {
    const k = want === 1 ? 0 : Math.round((i * (n - 1)) / (want - 1));
    picked.push(all.subarray(k * frameBytes, (k + 1) * frameBytes));
  }
  return picked;
}

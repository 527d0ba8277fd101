// Records one camera of an episode at full quality: every frame the camera
// delivers goes, in order, into an MP4 encoded by ffmpeg at constant frame
// rate (H.264 yuv420p or AV1, key frame every 2 frames as LeRobot writes, so
// any frame can be decoded fast). Frames that never came (the camera's index
// jumped, or capture times fell behind the frame clock by more than 1.5
// periods) are counted, never filled in; frames the encoder cannot take in time
// are held in memory, and only past a bound dropped and counted.
// The MP4 is written fragmented while recording (readable after a crash) and
// remuxed with a front index when the episode ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { rename, rm } from 'node:fs/promises';
import type { CameraDescription, CameraFrame } from '../cameras/Camera.ts';
import { ENCODER_NICENESS, findFfmpeg, spawnFfmpeg } from '../cameras/ffmpeg.ts';

export type RecordingCodec = 'h264' | 'av1';

export interface CameraRecorderOptions {
  camera: CameraDescription;
  codec: RecordingCodec;
  /** Final MP4 path; the fragmented file being written is `${path}.partial`. */
  path: string;
  /** Called for every frame written: its index in the MP4, capture time and frames missing before it. */
  onFrame: (frameIndex: number, captureNs: bigint, droppedBefore: number) => void;
  /** Most raw frames held while the encoder catches up (beyond: dropped and counted). */
  maxBacklogFrames?: number;
  /** 0: the default settings; 1, 2: faster ones that cost quality, for a machine that could not keep up. */
  speed?: number;
  /**
   * When the recording started (wall clock, ns): a frame captured before it, delivered late by a camera's buffer,
   * belongs to no recording and is left out (neither written nor counted as lost).
   */
  notBeforeNs?: bigint;
}

export class RecorderEncoderError extends Error {
  override name = 'RecorderEncoderError';
}

/** Encoder presets by speed level: the default, then faster ones that give up some quality for CPU. */
const H264_PRESETS = ['veryfast', 'superfast', 'ultrafast'];
const AV1_PRESETS = ['10', '11', '12'];
export const FASTEST_RECORDING_SPEED = H264_PRESETS.length - 1;

/**
 * The speed level for the next recording after one whose encoder fell `peakBacklog` frames behind (of at most
 * `maxBacklog`): one faster after falling over half the bound behind or dropping, one slower again after staying
 * within a tenth of it.
 */
export function nextRecordingSpeed(current: number, last: { peakBacklog: number; droppedByEncoder: number; maxBacklog: number }): number {
  if (last.peakBacklog > last.maxBacklog / 2 || last.droppedByEncoder > 0) return Math.min(FASTEST_RECORDING_SPEED, current + 1);
  if (last.peakBacklog < last.maxBacklog / 10) return Math.max(0, current - 1);
  return current;
}

/** ffmpeg output options of the recording codecs (kept in the manifest). */
export function recordingCodecArgs(codec: RecordingCodec, speed = 0): string[] {
  const level = Math.max(0, Math.min(FASTEST_RECORDING_SPEED, Math.floor(speed)));
  return codec === 'av1'
    ? ['-c:v', 'libsvtav1', '-preset', AV1_PRESETS[level]!, '-crf', '30', '-g', '2', '-pix_fmt', 'yuv420p']
    : ['-c:v', 'libx264', '-preset', H264_PRESETS[level]!, '-crf', '20', '-g', '2', '-bf', '0', '-pix_fmt', 'yuv420p'];
}

/** Runs ffmpeg to completion; rejects with its last error line. */
export function runFfmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(findFfmpeg(), ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.setEncoding('utf8').on('data', (c: string) => (err = (err + c).slice(-2000)));
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new RecorderEncoderError(`ffmpeg ${args.join(' ')} failed: ${err.trim().split('\n').pop() ?? code}`))));
  });
}

/** Rewrites a fragmented (possibly truncated) MP4 as a regular one with its index at the front. */
export async function remuxMp4(partial: string, out: string): Promise<void> {
  await runFfmpeg(['-i', partial, '-c', 'copy', '-movflags', '+faststart', `${out}.tmp.mp4`]);
  await rename(`${out}.tmp.mp4`, out);
  await rm(partial, { force: true });
}

export class CameraRecorder {
  private proc: ChildProcess | null = null;
  private readonly backlog: Buffer[] = [];
  /** Capture time of slot 0 of the constant-rate video. */
  private originNs: bigint | null = null;
  private lastIndex: number | null = null;
  private lastSlot: number | null = null;
  private pendingDrops = 0;
  private exited: Promise<number | null> | null = null;
  private stderr = '';
  readonly ffmpegArgs: string[];
  /** `dropped` in all; of those, `droppedByEncoder` arrived but found the encoder's backlog full (the rest never came). */
  readonly stats = { frames: 0, dropped: 0, droppedByEncoder: 0, peakBacklog: 0, firstCaptureNs: null as bigint | null, lastCaptureNs: null as bigint | null };
  /** Frames captured before the recording started, left out. */
  beforeStart = 0;

  constructor(private readonly o: CameraRecorderOptions) {
    this.ffmpegArgs = recordingCodecArgs(o.codec, o.speed);
  }

  start(): void {
    const c = this.o.camera;
    const args = [
      '-hide_banner', '-loglevel', 'error', '-y',
      '-f', 'rawvideo', '-pix_fmt', c.pixelFormat, '-s', `${c.width}x${c.height}`, '-framerate', String(c.fps), '-i', 'pipe:0',
      '-an', ...this.ffmpegArgs,
      // Each fragment reaches the file as soon as it is complete: a crash loses only the encoder's look-ahead.
      '-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-flush_packets', '1', '-f', 'mp4', `${this.o.path}.partial`,
    ];
    const proc = spawnFfmpeg(args, { stdio: ['pipe', 'ignore', 'pipe'] }, ENCODER_NICENESS.recording);
    this.proc = proc;
    proc.stderr!.setEncoding('utf8').on('data', (s: string) => (this.stderr = (this.stderr + s).slice(-2000)));
    proc.stdin!.on('error', () => undefined);
    proc.stdin!.on('drain', () => this.flush());
    this.exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
  }

  push(frame: CameraFrame): void {
    if (this.o.notBeforeNs !== undefined && frame.captureNs < this.o.notBeforeNs) {
      this.beforeStart++;
      return;
    }
    // Every slot of the constant-rate video is either a frame written or a frame counted as dropped.
    let slot = 0;
    if (this.originNs === null || this.lastSlot === null || this.lastIndex === null) {
      this.originNs = frame.captureNs;
    } else {
      const period = 1e9 / this.o.camera.fps;
      // The camera's index says how many slots passed (a camera that lost frames skips their indexes) ...
      const jump = frame.index - this.lastIndex;
      slot = this.lastSlot + Math.max(1, jump);
      // ... and capture times say it too: a frame more than 1.5 periods past its slot means frames the index
      // does not show (a restarted camera, a device that lost some); late frames that the following ones make
      // up for are jitter, not loss. Where the two disagree, time wins, so one gap is never counted twice.
      const position = Number(frame.captureNs - this.originNs) / period;
      if (position - slot >= 1.5) slot += Math.round(position - slot);
      else if (jump > 1 && slot - position >= 1.5) slot = Math.max(this.lastSlot + 1, Math.round(position));
      // A camera a little faster than nominal moves the origin, so it cannot hide later gaps.
      if (slot - position > 1) this.originNs = frame.captureNs - BigInt(Math.round(slot * period));
    }
    const missing = slot - (this.lastSlot ?? -1) - 1;
    this.lastSlot = slot;
    this.lastIndex = frame.index;
    if (missing > 0) {
      this.pendingDrops += missing;
      this.stats.dropped += missing;
    }
    if (this.backlog.length >= this.maxBacklogFrames) {
      // The encoder cannot keep up: this frame is lost, and said so.
      this.pendingDrops++;
      this.stats.dropped++;
      this.stats.droppedByEncoder++;
      return;
    }
    this.stats.firstCaptureNs ??= frame.captureNs;
    this.stats.lastCaptureNs = frame.captureNs;
    this.o.onFrame(this.stats.frames++, frame.captureNs, this.pendingDrops);
    this.pendingDrops = 0;
    this.backlog.push(frame.data);
    this.stats.peakBacklog = Math.max(this.stats.peakBacklog, this.backlog.length);
    this.flush();
  }

  get codec(): RecordingCodec {
    return this.o.codec;
  }

  /** Raw frames waiting for the encoder. */
  get backlogFrames(): number {
    return this.backlog.length;
  }

  /** Most frames the recorder may hold for the encoder. */
  get maxBacklogFrames(): number {
    return this.o.maxBacklogFrames ?? 60;
  }

  /** Finishes the MP4 (every frame written) and remuxes it; returns the frame count. */
  async stop(): Promise<number> {
    const proc = this.proc;
    if (!proc) return this.stats.frames;
    while (this.backlog.length > 0 && proc.exitCode === null) await new Promise((r) => setTimeout(r, 10));
    proc.stdin!.end();
    const code = await this.exited;
    if (code !== 0) throw new RecorderEncoderError(`the recording encoder of camera ${this.o.camera.name} failed (${code}): ${this.stderr.trim().split('\n').pop() ?? ''}`);
    await remuxMp4(`${this.o.path}.partial`, this.o.path);
    return this.stats.frames;
  }

  private flush(): void {
    const stdin = this.proc?.stdin;
    if (!stdin || stdin.destroyed) return;
    while (this.backlog.length > 0) {
      const ok = stdin.write(this.backlog.shift()!);
      if (!ok) return; // wait for 'drain'
    }
  }
}

// Encodes a camera's raw frames for the live path with ffmpeg (VP8 or H.264,
// realtime settings) and hands out RTP packets. ffmpeg sends RTP to a local
// UDP socket; each packet is rewritten here so that the stream is one
// continuous source across encoder restarts (fixed SSRC, continuous sequence
// numbers) and its RTP timestamp is the frame's capture time on a 90 kHz
// wall clock, which lets a browser tell when the frame it shows was taken.
import type { ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { RtpPacket } from 'werift';
import { nowNs, rtpTimestampOf, type LiveCodec } from '@teleop/proto';
import type { CameraDescription, CameraFrame } from './Camera.ts';
import { ENCODER_NICENESS, spawnFfmpeg } from './ffmpeg.ts';
import type { Logger } from '../log.ts';

export interface LiveEncoderOptions {
  camera: CameraDescription;
  codec: LiveCodec;
  bitrateKbps: number;
  /** Key frame every this many frames: a new viewer sees a picture within this interval. */
  keyframeInterval: number;
  logger: Logger;
  /** RTP payload type ffmpeg stamps (rewritten by each WebRTC sender anyway). */
  payloadType?: number;
}

interface EncoderEvents {
  rtp: [packet: RtpPacket];
  /** The encoder died and was restarted. */
  restart: [reason: string];
}

const MAX_BACKLOG_FRAMES = 2;
const RESTART_MIN_MS = 250;
const RESTART_MAX_MS = 5000;

/** ffmpeg output options of each live codec: realtime, no B-frames, short GOP. */
export function liveCodecArgs(codec: LiveCodec, bitrateKbps: number, keyframeInterval: number): string[] {
  const rate = [`-b:v`, `${bitrateKbps}k`, '-maxrate', `${bitrateKbps}k`, '-bufsize', `${Math.round(bitrateKbps / 2)}k`];
  const gop = ['-g', String(keyframeInterval), '-keyint_min', String(keyframeInterval)];
  if (codec === 'vp8') {
    return ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-lag-in-frames', '0', '-error-resilient', '1', '-auto-alt-ref', '0', '-pix_fmt', 'yuv420p', ...rate, ...gop];
  }
  return [
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-profile:v', 'baseline', '-level', '3.1', '-bf', '0',
    '-pix_fmt', 'yuv420p', '-x264-params', 'repeat-headers=1', ...rate, ...gop,
  ];
}

/** One running ffmpeg with its own RTP socket and frame bookkeeping. */
interface Instance {
  proc: ChildProcess;
  udp: Socket;
  /** Frames written, and the capture time of each by its input index. */
  written: number;
  captureByIndex: Map<number, bigint>;
  firstTimestamp: number | null;
  lastKnown: { index: number; captureNs: bigint } | null;
  /** Added to ffmpeg's sequence numbers so the stream continues the previous instance's. */
  seqOffset: number | null;
  retired: boolean;
}

/** A key-frame request restarts the encoder only when the next scheduled key frame is further away than this. */
const FORCE_KEYFRAME_IF_NEXT_OVER_MS = 1000;
const MIN_FORCED_KEYFRAME_INTERVAL_MS = 2000;

export class LiveEncoder extends EventEmitter<EncoderEvents> {
  private current: Instance | null = null;
  private stopped = true;
  private restartDelayMs = RESTART_MIN_MS;
  private restartTimer: NodeJS.Timeout | null = null;
  private lastSeq = -1;
  private lastForcedMs = -Infinity;
  private readonly ssrc = randomInt(1, 0xffffffff);
  private readonly ticksPerFrame: number;
  readonly stats = { framesIn: 0, framesSkipped: 0, packets: 0, bytes: 0, restarts: 0, keyframeRequests: 0, forcedKeyframes: 0 };
  /** Capture -> last packet of the frame handed out, ms, for the most recent frames. */
  private readonly encodeLatencies: number[] = [];

  constructor(private readonly o: LiveEncoderOptions) {
    super();
    this.ticksPerFrame = 90000 / o.camera.fps;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.spawnEncoder();
  }

  /** Feeds one frame; skipped (and counted) when the encoder lags, so the live path stays fresh. */
  push(frame: CameraFrame): void {
    const inst = this.current;
    const stdin = inst?.proc.stdin;
    this.stats.framesIn++;
    if (!inst || !stdin || stdin.destroyed || stdin.writableLength > MAX_BACKLOG_FRAMES * frame.data.length) {
      this.stats.framesSkipped++;
      return;
    }
    inst.captureByIndex.set(inst.written, frame.captureNs);
    inst.captureByIndex.delete(inst.written - 300);
    inst.written++;
    stdin.write(frame.data);
  }

  /** Counts a frame the live path was not given (the camera's thread gave its CPU to the recording). */
  skip(): void {
    this.stats.framesIn++;
    this.stats.framesSkipped++;
  }

  /**
   * A viewer lost the picture. ffmpeg cannot be told to emit a key frame, so when the next scheduled one is
   * more than a second away (a long key-frame interval) the encoder is restarted: its first frame is a key
   * frame. With the default interval (two per second) the schedule is always soon enough.
   */
  requestKeyframe(): void {
    this.stats.keyframeRequests++;
    const inst = this.current;
    if (!inst || this.stopped) return;
    const { keyframeInterval, camera } = this.o;
    const msToNext = ((keyframeInterval - (inst.written % keyframeInterval)) * 1000) / camera.fps;
    const now = performance.now();
    if (msToNext <= FORCE_KEYFRAME_IF_NEXT_OVER_MS || now - this.lastForcedMs < MIN_FORCED_KEYFRAME_INTERVAL_MS) return;
    this.lastForcedMs = now;
    this.stats.forcedKeyframes++;
    this.o.logger.info({ camera: camera.name, nextScheduledInMs: Math.round(msToNext) }, 'forced a key frame for a viewer');
    this.retire(inst);
    void this.spawnEncoder();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const inst = this.current;
    this.current = null;
    if (inst) await this.retire(inst);
  }

  /** p50 and p95 of capture -> encoded over the most recent frames (up to 300), ms; zeros before any. */
  encodeLatency(): { p50: number; p95: number } {
    const sorted = [...this.encodeLatencies].sort((a, b) => a - b);
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return { p50: at(0.5), p95: at(0.95) };
  }

  /** Pid of the running ffmpeg, for diagnostics and fault-injection tests. */
  get pid(): number | undefined {
    return this.current?.proc.pid;
  }

  private async spawnEncoder(): Promise<void> {
    const { camera, codec, bitrateKbps, keyframeInterval, logger } = this.o;
    const udp = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(0, '127.0.0.1', () => resolve());
    });
    if (this.stopped) {
      udp.close();
      return;
    }
    const port = (udp.address() as AddressInfo).port;
    const args = [
      '-hide_banner', '-loglevel', 'error',
      '-f', 'rawvideo', '-pix_fmt', camera.pixelFormat, '-s', `${camera.width}x${camera.height}`, '-framerate', String(camera.fps), '-i', 'pipe:0',
      '-an', '-fps_mode', 'passthrough',
      ...liveCodecArgs(codec, bitrateKbps, keyframeInterval),
      '-payload_type', String(this.o.payloadType ?? 96),
      '-f', 'rtp', `rtp://127.0.0.1:${port}?pkt_size=1200`,
    ];
    const proc = spawnFfmpeg(args, { stdio: ['pipe', 'ignore', 'pipe'] }, ENCODER_NICENESS.live);
    const inst: Instance = { proc, udp, written: 0, captureByIndex: new Map(), firstTimestamp: null, lastKnown: null, seqOffset: null, retired: false };
    this.current = inst;
    udp.on('message', (msg) => this.onRtp(inst, msg));
    let stderr = '';
    proc.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-2000)));
    proc.stdin!.on('error', () => undefined); // EPIPE when ffmpeg dies; the exit handler restarts it
    proc.on('exit', (code, signal) => {
      if (inst.retired || this.stopped) return;
      const reason = `ffmpeg (${codec}) for camera ${camera.name} exited with ${code ?? signal}${stderr ? `: ${stderr.trim().split('\n').pop()}` : ''}`;
      logger.error({ camera: camera.name, restartInMs: this.restartDelayMs }, `${reason}; restarting the encoder`);
      void this.retire(inst);
      if (this.current === inst) this.current = null;
      this.stats.restarts++;
      this.emit('restart', reason);
      this.restartTimer = setTimeout(() => {
        if (!this.stopped) void this.spawnEncoder();
      }, this.restartDelayMs);
      this.restartDelayMs = Math.min(this.restartDelayMs * 2, RESTART_MAX_MS);
    });
  }

  /** Stops an instance: no more of its packets reach viewers. */
  private async retire(inst: Instance): Promise<void> {
    if (inst.retired) return;
    inst.retired = true;
    inst.udp.close();
    const proc = inst.proc;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.stdin?.destroy();
    proc.kill('SIGTERM');
    await new Promise((r) => {
      proc.once('exit', r);
      setTimeout(r, 2000).unref();
    });
  }

  private onRtp(inst: Instance, msg: Buffer): void {
    if (inst.retired) return;
    let packet: RtpPacket;
    try {
      packet = RtpPacket.deSerialize(msg);
    } catch {
      return;
    }
    const h = packet.header;
    inst.firstTimestamp ??= h.timestamp;
    inst.seqOffset ??= (this.lastSeq + 1 - h.sequenceNumber) & 0xffff;
    const index = Math.round(((h.timestamp - inst.firstTimestamp) >>> 0) / this.ticksPerFrame);
    let captureNs = inst.captureByIndex.get(index);
    if (captureNs !== undefined) inst.lastKnown = { index, captureNs };
    else if (inst.lastKnown) captureNs = inst.lastKnown.captureNs + BigInt(Math.round(((index - inst.lastKnown.index) * 1e9) / this.o.camera.fps));
    if (captureNs !== undefined) h.timestamp = rtpTimestampOf(captureNs);
    h.sequenceNumber = (h.sequenceNumber + inst.seqOffset) & 0xffff;
    h.ssrc = this.ssrc;
    this.lastSeq = h.sequenceNumber;
    if (h.marker) {
      this.restartDelayMs = RESTART_MIN_MS;
      if (captureNs !== undefined) {
        this.encodeLatencies.push(Number(nowNs() - captureNs) / 1e6);
        if (this.encodeLatencies.length > 300) this.encodeLatencies.shift();
      }
    }
    this.stats.packets++;
    this.stats.bytes += msg.length;
    this.emit('rtp', packet);
  }
}

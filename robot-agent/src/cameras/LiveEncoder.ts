// Encodes a camera's raw frames for the live path with ffmpeg (VP8 or H.264,
// realtime settings) and hands out RTP packets. ffmpeg sends RTP to a local
// UDP socket; each packet is rewritten here so that the stream is one
// continuous source across encoder restarts (fixed SSRC, continuous sequence
// numbers) and its RTP timestamp is the frame's capture time on a 90 kHz
// wall clock, which lets a browser tell when the frame it shows was taken.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { RtpPacket } from 'werift';
import type { LiveCodec } from '@teleop/proto';
import type { CameraDescription, CameraFrame } from './Camera.ts';
import { findFfmpeg } from './ffmpeg.ts';
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

/** 90 kHz RTP clock ticks for a capture time in ns. */
export function rtpTimestampOf(captureNs: bigint): number {
  return Number(((captureNs * 90n) / 1_000_000n) & 0xffffffffn);
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

export class LiveEncoder extends EventEmitter<EncoderEvents> {
  private proc: ChildProcess | null = null;
  private udp: Socket | null = null;
  private stopped = true;
  private restartDelayMs = RESTART_MIN_MS;
  private restartTimer: NodeJS.Timeout | null = null;
  /** Per encoder instance: frames written, and the capture time of each by its input index. */
  private written = 0;
  private captureByIndex = new Map<number, bigint>();
  private firstTimestamp: number | null = null;
  private lastKnown: { index: number; captureNs: bigint } | null = null;
  private seqOffset = 0;
  private lastSeq = -1;
  private readonly ssrc = randomInt(1, 0xffffffff);
  private readonly ticksPerFrame: number;
  readonly stats = { framesIn: 0, framesSkipped: 0, packets: 0, bytes: 0, restarts: 0, keyframeRequests: 0 };

  constructor(private readonly o: LiveEncoderOptions) {
    super();
    this.ticksPerFrame = 90000 / o.camera.fps;
  }

  async start(): Promise<void> {
    this.stopped = false;
    const udp = createSocket('udp4');
    udp.on('message', (msg) => this.onRtp(msg));
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(0, '127.0.0.1', () => resolve());
    });
    this.udp = udp;
    this.spawnEncoder();
  }

  /** Feeds one frame; skipped (and counted) when the encoder lags, so the live path stays fresh. */
  push(frame: CameraFrame): void {
    const stdin = this.proc?.stdin;
    this.stats.framesIn++;
    if (!stdin || stdin.destroyed || stdin.writableLength > MAX_BACKLOG_FRAMES * frame.data.length) {
      this.stats.framesSkipped++;
      return;
    }
    this.captureByIndex.set(this.written, frame.captureNs);
    this.captureByIndex.delete(this.written - 300);
    this.written++;
    stdin.write(frame.data);
  }

  /** A viewer lost the picture. The key-frame interval bounds how long it waits; counted for stats. */
  requestKeyframe(): void {
    this.stats.keyframeRequests++;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const proc = this.proc;
    this.proc = null;
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      proc.stdin?.destroy();
      proc.kill('SIGTERM');
      await new Promise((r) => {
        proc.once('exit', r);
        setTimeout(r, 2000).unref();
      });
    }
    this.udp?.close();
    this.udp = null;
  }

  /** Pid of the running ffmpeg, for diagnostics and fault-injection tests. */
  get pid(): number | undefined {
    return this.proc?.pid;
  }

  private spawnEncoder(): void {
    const { camera, codec, bitrateKbps, keyframeInterval, logger } = this.o;
    const port = (this.udp!.address() as AddressInfo).port;
    const args = [
      '-hide_banner', '-loglevel', 'error',
      '-f', 'rawvideo', '-pix_fmt', camera.pixelFormat, '-s', `${camera.width}x${camera.height}`, '-framerate', String(camera.fps), '-i', 'pipe:0',
      '-an', '-fps_mode', 'passthrough',
      ...liveCodecArgs(codec, bitrateKbps, keyframeInterval),
      '-payload_type', String(this.o.payloadType ?? 96),
      '-f', 'rtp', `rtp://127.0.0.1:${port}?pkt_size=1200`,
    ];
    const proc = spawn(findFfmpeg(), args, { stdio: ['pipe', 'ignore', 'pipe'] });
    this.proc = proc;
    this.written = 0;
    this.captureByIndex = new Map();
    this.firstTimestamp = null;
    this.lastKnown = null;
    // Continue the sequence numbers of the previous instance.
    this.seqOffset = Number.NaN;
    let stderr = '';
    proc.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-2000)));
    proc.stdin!.on('error', () => undefined); // EPIPE when ffmpeg dies; the exit handler restarts it
    proc.on('exit', (code, signal) => {
      if (this.stopped || this.proc !== proc) return;
      const reason = `ffmpeg (${codec}) for camera ${camera.name} exited with ${code ?? signal}${stderr ? `: ${stderr.trim().split('\n').pop()}` : ''}`;
      logger.error({ camera: camera.name, restartInMs: this.restartDelayMs }, `${reason}; restarting the encoder`);
      this.proc = null;
      this.stats.restarts++;
      this.emit('restart', reason);
      this.restartTimer = setTimeout(() => {
        if (!this.stopped) this.spawnEncoder();
      }, this.restartDelayMs);
      this.restartDelayMs = Math.min(this.restartDelayMs * 2, RESTART_MAX_MS);
    });
  }

  private onRtp(msg: Buffer): void {
    let packet: RtpPacket;
    try {
      packet = RtpPacket.deSerialize(msg);
    } catch {
      return;
    }
    const h = packet.header;
    if (this.firstTimestamp === null) this.firstTimestamp = h.timestamp;
    if (Number.isNaN(this.seqOffset)) this.seqOffset = (this.lastSeq + 1 - h.sequenceNumber) & 0xffff;
    const index = Math.round(((h.timestamp - this.firstTimestamp) >>> 0) / this.ticksPerFrame);
    let captureNs = this.captureByIndex.get(index);
    if (captureNs !== undefined) this.lastKnown = { index, captureNs };
    else if (this.lastKnown) captureNs = this.lastKnown.captureNs + BigInt(Math.round(((index - this.lastKnown.index) * 1e9) / this.o.camera.fps));
    if (captureNs !== undefined) h.timestamp = rtpTimestampOf(captureNs);
    h.sequenceNumber = (h.sequenceNumber + this.seqOffset) & 0xffff;
    h.ssrc = this.ssrc;
    this.lastSeq = h.sequenceNumber;
    if (this.stats.packets === 0 || h.marker) this.restartDelayMs = RESTART_MIN_MS;
    this.stats.packets++;
    this.stats.bytes += msg.length;
    this.emit('rtp', packet);
  }
}

// The `v4l2` camera: a USB camera read by ffmpeg (-f v4l2) and handed to the
// agent as raw yuv420p frames on a pipe. Capture time is the moment a whole
// frame arrived, which trails the sensor by the device's transfer time.
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { nowNs } from '@teleop/proto';
import { CameraError, frameBytes, type Camera, type CameraDescription, type CameraEvents } from '../Camera.ts';
import { findFfmpeg } from '../ffmpeg.ts';

export interface V4l2Options {
  name: string;
  /** Device path, e.g. /dev/video0. */
  device: string;
  width: number;
  height: number;
  fps: number;
  /** Format asked of the device. */
  inputFormat?: 'mjpeg' | 'yuyv422';
}

export class V4l2Camera extends EventEmitter<CameraEvents> implements Camera {
  readonly description: CameraDescription;
  private proc: ChildProcess | null = null;
  private stopping = false;
  private index = 0;

  constructor(private readonly options: V4l2Options) {
    super();
    this.description = { name: options.name, width: options.width, height: options.height, fps: options.fps, pixelFormat: 'yuv420p', source: 'v4l2' };
  }

  async start(): Promise<void> {
    this.stopping = false;
    const o = this.options;
    const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-f', 'v4l2'];
    if (o.inputFormat) args.push('-input_format', o.inputFormat);
    args.push('-video_size', `${o.width}x${o.height}`, '-framerate', String(o.fps), '-i', o.device, '-f', 'rawvideo', '-pix_fmt', 'yuv420p', 'pipe:1');
    const proc = spawn(findFfmpeg(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = proc;
    const size = frameBytes(this.description);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    proc.stdout!.on('data', (chunk: Buffer) => {
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= size) {
        const all = Buffer.concat(pending, pendingBytes);
        const frame = all.subarray(0, size);
        const rest = all.subarray(size);
        pending = rest.length > 0 ? [rest] : [];
        pendingBytes = rest.length;
        this.emit('frame', { data: Buffer.from(frame), captureNs: nowNs(), index: this.index++ });
      }
    });
    let stderr = '';
    proc.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-2000)));
    proc.on('exit', (code, signal) => {
      if (this.stopping) return;
      this.emit('error', new CameraError(o.name, `cannot read ${o.device} (ffmpeg exited with ${code ?? signal}): ${stderr.trim().split('\n').pop() ?? ''}`));
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const proc = this.proc;
    if (!proc || proc.exitCode !== null) return;
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
  }
}

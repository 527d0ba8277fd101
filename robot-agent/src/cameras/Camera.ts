// A camera on the robot, in the spirit of LeRobot's cameras: it describes
// itself, and once started emits raw frames stamped with their capture time.
// The live encoder and (later) the recorder consume the same frames.
import type { EventEmitter } from 'node:events';

/** Raw pixel layouts cameras deliver (ffmpeg -pix_fmt names). */
export type PixelFormat = 'rgba' | 'yuv420p';

export interface CameraDescription {
  /** Feature-style name: observation.images.<name>. */
  name: string;
  width: number;
  height: number;
  fps: number;
  pixelFormat: PixelFormat;
  source: 'sim' | 'v4l2' | 'test';
}

export interface CameraFrame {
  /** Raw pixels in description.pixelFormat; owned by the listener once emitted. */
  data: Buffer;
  /** Wall-clock capture time, ns since the Unix epoch. */
  captureNs: bigint;
  /** 0-based count of frames this camera produced since start. */
  index: number;
}

export interface CameraEvents {
  frame: [frame: CameraFrame];
  /** The camera failed (device gone, capture process died); it may recover on its own. */
  error: [error: CameraError];
}

export interface Camera extends EventEmitter<CameraEvents> {
  readonly description: CameraDescription;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export class CameraError extends Error {
  override name = 'CameraError';
  constructor(
    readonly camera: string,
    message: string,
  ) {
    super(`camera ${camera}: ${message}`);
  }
}

export function frameBytes(d: Pick<CameraDescription, 'width' | 'height' | 'pixelFormat'>): number {
  return d.pixelFormat === 'rgba' ? d.width * d.height * 4 : (d.width * d.height * 3) / 2;
}

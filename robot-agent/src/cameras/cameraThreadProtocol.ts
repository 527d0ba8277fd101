// Messages between the agent's main thread and a camera's own thread
// (CameraThread <-> cameraThreadMain), and on the live port between a camera's
// thread and the media thread. Times are bigint ns since the epoch.
import type { MessagePort } from 'node:worker_threads';
import type { CameraConfig } from '../config.ts';
import type { RecordingCodec } from '../recording/CameraRecorder.ts';

export interface CameraThreadData {
  camera: CameraConfig;
  /** Recent joint positions (PoseHistory) the control loop keeps, for the simulated view; null for other sources. */
  pose: { buffer: SharedArrayBuffer; joints: number } | null;
  logLevel: string;
}

/** What one camera recorded in one episode. */
export interface CameraRecordingResult {
  frames: number;
  dropped: number;
  firstCaptureNs: bigint | null;
  lastCaptureNs: bigint | null;
  ffmpegArgs: string[];
  /** Why the MP4 could not be finished (the encoder failed), null when it was. */
  error: string | null;
}

export interface LiveStats {
  framesIn: number;
  framesSkipped: number;
  packets: number;
  bytes: number;
  restarts: number;
  keyframeRequests: number;
  forcedKeyframes: number;
  encodeLatencyP50Ms: number;
  encodeLatencyP95Ms: number;
}

export type ToCameraThread =
  | { type: 'start' }
  /** From now on the live stream goes to this port (the media thread's end holds the other). */
  | { type: 'live-port'; port: MessagePort }
  /** Recordings are numbered: the next one may start while the last one is still finishing its MP4. */
  | { type: 'record-start'; id: number; path: string; codec: RecordingCodec; notBeforeNs?: bigint }
  | { type: 'record-stop'; id: number }
  | { type: 'close' };

export type FromCameraThread =
  | { type: 'ready' }
  | { type: 'start-failed'; message: string }
  | { type: 'camera-error'; message: string }
  /** The first frame after a start or an error. */
  | { type: 'flowing' }
  | { type: 'stats'; live: LiveStats; recording: { frames: number; dropped: number } | null }
  | { type: 'recorded'; id: number; frameIndex: number; captureNs: bigint; droppedBefore: number }
  /** Frames the recording lost since the last such message (the first at once, then at most one a second). */
  | { type: 'recording-loss'; dropped: number; total: number }
  | { type: 'record-started'; id: number }
  | { type: 'record-start-failed'; id: number; message: string }
  | { type: 'record-stopped'; id: number; result: CameraRecordingResult }
  | { type: 'closed' };

/** On a camera's live port: RTP out (header rewritten: one SSRC, capture-time timestamps), key-frame requests in. */
export type LivePortMessage = { type: 'rtp'; packet: Uint8Array } | { type: 'keyframe' };

// One camera running in a thread of its own (cameraThreadMain.ts): capture,
// the live encoder's input and the recorder's frame intake. This is the main
// thread's handle: it starts and stops the thread, opens the port its live
// stream flows on (to the media thread), starts and stops a camera's part of
// an episode recording, and keeps the thread's latest counters for the
// robot's status.
import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import type { LiveCodec } from '@teleop/proto';
import type { CameraConfig } from '../config.ts';
import type { RecordingCodec } from '../recording/CameraRecorder.ts';
import { CameraError, type CameraDescription } from './Camera.ts';
import type { CameraRecordingResult, CameraThreadData, FromCameraThread, LiveStats, ToCameraThread } from './cameraThreadProtocol.ts';
import { describeCamera } from './createCamera.ts';
import { deferred, type Deferred } from '../deferred.ts';
import { endWorker, tsWorker } from '../tsWorker.ts';

export type { CameraRecordingResult, LiveStats } from './cameraThreadProtocol.ts';

export interface CameraThreadEvents {
  /** A new thread is ready (at start, or after the last one failed): open its live port again. */
  started: [];
  /** The camera failed (device gone, capture process died, thread crashed); start() tries it again. */
  error: [error: CameraError];
  /** Frames flow again after a start or an error. */
  flowing: [];
  /** The recording of this camera lost frames just now: how many, and how many in all this episode. */
  recordingLoss: [dropped: number, total: number];
}

export interface CameraRecordingOptions {
  /** Final MP4 path. */
  path: string;
  codec: RecordingCodec;
  /** Every frame written: its index in the MP4, capture time and frames lost before it. */
  onFrame: (frameIndex: number, captureNs: bigint, droppedBefore: number) => void;
  /** When the recording started (wall clock, ns): frames captured before it are left out. */
  notBeforeNs?: bigint;
}

interface Recording {
  id: number;
  onFrame: CameraRecordingOptions['onFrame'];
  started: Deferred<void>;
  stopped: Deferred<CameraRecordingResult>;
}

const EMPTY_STATS: LiveStats = { framesIn: 0, framesSkipped: 0, packets: 0, bytes: 0, restarts: 0, keyframeRequests: 0, forcedKeyframes: 0, encodeLatencyP50Ms: 0, encodeLatencyP95Ms: 0 };
/** How long a thread may take to finish its recording and encoders when closed before it is terminated. */
const CLOSE_TIMEOUT_MS = 10_000;

export class CameraThread extends EventEmitter<CameraThreadEvents> {
  readonly description: CameraDescription;
  readonly codec: LiveCodec;
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private closing = false;
  private liveStats: LiveStats = { ...EMPTY_STATS };
  private recordingCounts: { frames: number; dropped: number } | null = null;
  /** The recording taking frames, and those finishing their MP4 (the next may start meanwhile), by number. */
  private recording: Recording | null = null;
  private readonly recordings = new Map<number, Recording>();
  private nextRecordingId = 1;
  private closed: Deferred<void> | null = null;

  constructor(
    private readonly config: CameraConfig,
    private readonly options: { pose: CameraThreadData['pose']; logLevel: string },
  ) {
    super();
    this.description = describeCamera(config);
    this.codec = config.codec;
  }

  /** Starts the thread (or, after a camera error, the camera again); resolves once frames can flow. */
  start(): Promise<void> {
    this.closing = false;
    if (this.worker && this.ready) {
      this.post({ type: 'start' });
      return this.ready;
    }
    const data: CameraThreadData = { camera: this.config, pose: this.options.pose, logLevel: this.options.logLevel };
    const worker = tsWorker(new URL('./cameraThreadMain.ts', import.meta.url), { workerData: data, name: `camera ${this.config.name}` });
    this.worker = worker;
    const ready = deferred<void>();
    this.ready = ready.promise;
    worker.on('message', (m: FromCameraThread) => this.onMessage(m, ready));
    worker.on('error', (err) => {
      ready.reject(new CameraError(this.config.name, `camera thread failed: ${err.message}`));
      this.emit('error', new CameraError(this.config.name, `camera thread failed: ${err.message}`));
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) {
        this.worker = null;
        this.ready = null;
      }
      this.closed?.resolve();
      this.failRecording(`the camera thread exited (${code})`);
      if (!this.closing) {
        ready.reject(new CameraError(this.config.name, `camera thread exited (${code})`));
        this.emit('error', new CameraError(this.config.name, `camera thread exited (${code})`));
      }
    });
    return ready.promise;
  }

  /** Ends a recording under way (its frames are kept), stops the camera and the encoder, and ends the thread. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.closing = true;
    this.closed = deferred<void>();
    await endWorker(worker, () => this.post({ type: 'close' }), this.closed.promise, CLOSE_TIMEOUT_MS);
  }

  /**
   * A port on which this camera's live stream (RTP, see LivePortMessage) flows and key frames are asked for,
   * for the media thread; it replaces any earlier one. Null while the camera's thread is not running.
   */
  openLivePort(): MessagePort | null {
    if (!this.worker) return null;
    const { port1, port2 } = new MessageChannel();
    this.worker.postMessage({ type: 'live-port', port: port1 } satisfies ToCameraThread, [port1]);
    return port2;
  }

  /** Latest counters of the live path (as of the thread's last report, at most 0.5 s old). */
  get stats(): LiveStats {
    return this.liveStats;
  }

  /** Frames recorded and lost so far in the episode under way, null when not recording. */
  get recordingProgress(): { frames: number; dropped: number } | null {
    return this.recording ? this.recordingCounts : null;
  }

  async startRecording(o: CameraRecordingOptions): Promise<void> {
    if (!this.worker) throw new CameraError(this.config.name, 'the camera is not running');
    if (this.recording) throw new CameraError(this.config.name, 'the camera is already recording');
    const r: Recording = { id: this.nextRecordingId++, onFrame: o.onFrame, started: deferred<void>(), stopped: deferred<CameraRecordingResult>() };
    this.recording = r;
    this.recordings.set(r.id, r);
    this.recordingCounts = { frames: 0, dropped: 0 };
    this.post({ type: 'record-start', id: r.id, path: o.path, codec: o.codec, notBeforeNs: o.notBeforeNs });
    try {
      await r.started.promise;
    } catch (err) {
      if (this.recording === r) this.recording = null;
      this.recordings.delete(r.id);
      throw err;
    }
  }

  /**
   * Ends the camera's recording: every frame taken is in the MP4 when this resolves (unless `error` says why
   * not). The next recording may start as soon as this is called.
   */
  async stopRecording(): Promise<CameraRecordingResult> {
    const r = this.recording;
    if (!r) throw new CameraError(this.config.name, 'the camera is not recording');
    this.recording = null;
    this.post({ type: 'record-stop', id: r.id });
    try {
      return await r.stopped.promise;
    } finally {
      this.recordings.delete(r.id);
    }
  }

  private post(m: ToCameraThread): void {
    this.worker?.postMessage(m);
  }

  private failRecording(why: string): void {
    for (const r of this.recordings.values()) {
      r.started.reject(new CameraError(this.config.name, why));
      r.stopped.reject(new CameraError(this.config.name, why));
    }
    this.recordings.clear();
    this.recording = null;
  }

  private onMessage(m: FromCameraThread, ready: Deferred<void>): void {
    switch (m.type) {
      case 'ready':
        ready.resolve();
        this.emit('started');
        break;
      case 'start-failed':
        ready.reject(new CameraError(this.config.name, m.message));
        break;
      case 'camera-error':
        this.emit('error', new CameraError(this.config.name, m.message.replace(/^camera \S+: /, '')));
        break;
      case 'flowing':
        this.emit('flowing');
        break;
      case 'stats':
        this.liveStats = m.live;
        if (m.recording && this.recording) this.recordingCounts = m.recording;
        break;
      case 'recorded':
        if (this.recordingCounts && this.recording?.id === m.id) this.recordingCounts.frames = Math.max(this.recordingCounts.frames, m.frameIndex + 1);
        this.recordings.get(m.id)?.onFrame(m.frameIndex, m.captureNs, m.droppedBefore);
        break;
      case 'recording-loss':
        if (this.recordingCounts) this.recordingCounts.dropped = m.total;
        this.emit('recordingLoss', m.dropped, m.total);
        break;
      case 'record-started':
        this.recordings.get(m.id)?.started.resolve();
        break;
      case 'record-start-failed':
        this.recordings.get(m.id)?.started.reject(new CameraError(this.config.name, m.message));
        break;
      case 'record-stopped':
        // A close ends the recording under way too: its result waits here for stopRecording().
        this.recordings.get(m.id)?.stopped.resolve(m.result);
        break;
      case 'closed':
        this.closed?.resolve();
        break;
    }
  }
}

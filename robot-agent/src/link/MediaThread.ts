// The main thread's handle on the media thread (mediaThreadMain.ts): starts it
// with the cameras' descriptions, hands it each camera's live port (again when
// a camera's thread restarts), carries signalling between it and the robot's
// MQTT link, and restarts it if it fails.
import type { Worker } from 'node:worker_threads';
import type { IceOptions } from '@teleop/proto';
import type { CameraThread } from '../cameras/CameraThread.ts';
import { deferred, type Deferred } from '../deferred.ts';
import type { Logger } from '../log.ts';
import { endWorker, tsWorker } from '../tsWorker.ts';
import type { HubLink } from './HubLink.ts';
import type { FromMediaThread, MediaThreadData, ToMediaThread } from './mediaThreadProtocol.ts';

const RESTART_MS = 1000;
/** How long the thread may take to close its peer connections before it is terminated. */
const CLOSE_TIMEOUT_MS = 5000;

export class MediaThread {
  private worker: Worker | null = null;
  private closing = false;
  private closed: Deferred<void> | null = null;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly link: HubLink,
    private readonly cameras: CameraThread[],
    private readonly ice: IceOptions,
    private readonly options: { logLevel: string; logger: Logger },
  ) {
    link.on('connect', () => this.post({ type: 'link', connected: true }));
    link.on('disconnect', () => this.post({ type: 'link', connected: false }));
    link.on('mediaSignal', (payload) => this.post({ type: 'signal', payload: new Uint8Array(payload) }));
    cameras.forEach((camera, index) => camera.on('started', () => this.attach(index)));
  }

  start(): void {
    if (this.worker || this.cameras.length === 0) return;
    this.closing = false;
    const data: MediaThreadData = { cameras: this.cameras.map((c) => ({ camera: c.description, codec: c.codec })), ice: this.ice, logLevel: this.options.logLevel };
    const worker = tsWorker(new URL('./mediaThreadMain.ts', import.meta.url), { workerData: data, name: 'media' });
    this.worker = worker;
    worker.on('message', (m: FromMediaThread) => {
      if (m.type === 'publish' && this.link.connected) this.link.publish('mediaSignal', m.payload, { qos: 1 });
      else if (m.type === 'closed') this.closed?.resolve();
    });
    worker.on('error', (err) => this.options.logger.error({ err: err.message }, `the media thread failed: ${err.message}`));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.closed?.resolve();
      if (this.closing) return;
      this.options.logger.error({ code, restartInMs: RESTART_MS }, 'the media thread exited; restarting it');
      this.restartTimer = setTimeout(() => this.start(), RESTART_MS);
    });
    this.cameras.forEach((_, index) => this.attach(index));
    if (this.link.connected) this.post({ type: 'link', connected: true });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    this.closed = deferred<void>();
    await endWorker(worker, () => this.post({ type: 'close' }), this.closed.promise, CLOSE_TIMEOUT_MS);
  }

  /** Routes camera `index`'s live stream to the media thread. */
  private attach(index: number): void {
    const worker = this.worker;
    const port = worker ? this.cameras[index]!.openLivePort() : null;
    if (worker && port) worker.postMessage({ type: 'live-port', index, port } satisfies ToMediaThread, [port]);
  }

  private post(m: ToMediaThread): void {
    this.worker?.postMessage(m);
  }
}

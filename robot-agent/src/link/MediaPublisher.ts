// Publishes each camera's live stream to the hub as a WebRTC track (werift),
// one peer connection per camera, signalled over the robot's MQTT session.
// The robot always offers (it dials out, so it works behind NAT); the hub
// answers. A connection that fails or closes is offered again with backoff.
import { randomUUID } from 'node:crypto';
import { MediaStreamTrack, RTCPeerConnection, useH264, useVP8 } from 'werift';
import { iceGatheringComplete, iceSettings, MediaSignalError, parseMediaSignal, type IceOptions, type LiveCodec, type MediaSignal } from '@teleop/proto';
import type { CameraDescription } from '../cameras/Camera.ts';
import type { Logger } from '../log.ts';

/** The signalling side of the robot's link to the hub (HubLink, or its stand-in in the media thread). */
export interface SignalLink {
  readonly connected: boolean;
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'mediaSignal', listener: (payload: Buffer) => void): unknown;
  publish(channel: 'mediaSignal', payload: string, opts: { qos: 1 }): unknown;
}

/** A camera's encoded live stream: RTP packets out, key frames on request (CameraThread). */
export interface LiveSource {
  on(event: 'rtp', listener: (packet: Buffer) => void): unknown;
  off(event: 'rtp', listener: (packet: Buffer) => void): unknown;
  requestKeyframe(): void;
}

export interface PublishedCamera {
  camera: CameraDescription;
  codec: LiveCodec;
  encoder: LiveSource;
}

interface Session {
  id: string;
  pc: RTCPeerConnection;
  published: PublishedCamera;
  unsubscribe: () => void;
}

const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 15_000;

export class MediaPublisher {
  private readonly sessions = new Map<string, Session>();
  private readonly retryMs = new Map<string, number>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private closed = false;
  readonly stats = { offers: 0, connected: 0, failures: 0, keyframeRequests: 0 };

  constructor(
    private readonly link: SignalLink,
    private readonly cameras: PublishedCamera[],
    private readonly ice: IceOptions,
    private readonly logger: Logger,
  ) {
    link.on('connect', () => this.publishAll());
    link.on('mediaSignal', (payload) => this.onSignal(payload));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.retryTimers) clearTimeout(t);
    for (const s of [...this.sessions.values()]) this.end(s, true);
  }

  /** Offers every camera again, replacing existing sessions. */
  publishAll(): void {
    for (const s of [...this.sessions.values()]) this.end(s, true);
    for (const c of this.cameras) void this.publish(c);
  }

  private async publish(published: PublishedCamera): Promise<void> {
    if (this.closed || !this.link.connected) return;
    const { camera, codec, encoder } = published;
    const pc = new RTCPeerConnection({ ...iceSettings(this.ice), codecs: { audio: [], video: [codec === 'vp8' ? useVP8() : useH264()] } });
    const track = new MediaStreamTrack({ kind: 'video' });
    const transceiver = pc.addTransceiver(track, { direction: 'sendonly' });
    const onRtp = (p: Buffer): void => track.writeRtp(p);
    encoder.on('rtp', onRtp);
    const pli = transceiver.sender.onPictureLossIndication.subscribe(() => {
      this.stats.keyframeRequests++;
      encoder.requestKeyframe();
    });
    const session: Session = {
      id: randomUUID(),
      pc,
      published,
      unsubscribe: () => {
        encoder.off('rtp', onRtp);
        pli.unSubscribe();
      },
    };
    this.sessions.set(session.id, session);
    pc.connectionStateChange.subscribe((state) => {
      if (state === 'connected') {
        this.stats.connected++;
        this.retryMs.delete(camera.name);
        this.logger.info({ camera: camera.name, codec }, 'camera streaming to the hub');
      } else if ((state === 'failed' || state === 'closed') && this.sessions.get(session.id) === session) {
        this.stats.failures++;
        this.logger.warn({ camera: camera.name, state }, 'camera connection to the hub ended; offering again');
        this.end(session, false);
        this.retry(published);
      }
    });
    try {
      await pc.setLocalDescription(await pc.createOffer());
      await iceGatheringComplete(pc);
      if (this.sessions.get(session.id) !== session) return;
      const offer: MediaSignal = {
        from: 'robot',
        type: 'offer',
        session: session.id,
        camera: camera.name,
        codec,
        width: camera.width,
        height: camera.height,
        fps: camera.fps,
        sdp: pc.localDescription!.sdp,
      };
      this.stats.offers++;
      this.link.publish('mediaSignal', JSON.stringify(offer), { qos: 1 });
    } catch (err) {
      this.logger.error({ camera: camera.name, err: (err as Error).message }, 'creating the camera offer failed');
      this.end(session, false);
      this.retry(published);
    }
  }

  private retry(published: PublishedCamera): void {
    if (this.closed) return;
    const name = published.camera.name;
    const delay = this.retryMs.get(name) ?? RETRY_MIN_MS;
    this.retryMs.set(name, Math.min(delay * 2, RETRY_MAX_MS));
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      if (![...this.sessions.values()].some((s) => s.published === published)) void this.publish(published);
    }, delay);
    this.retryTimers.add(timer);
  }

  private end(session: Session, sayBye: boolean): void {
    if (!this.sessions.delete(session.id)) return;
    session.unsubscribe();
    if (sayBye && this.link.connected) this.link.publish('mediaSignal', JSON.stringify({ from: 'robot', type: 'bye', session: session.id } satisfies MediaSignal), { qos: 1 });
    void session.pc.close().catch(() => undefined);
  }

  private onSignal(payload: Buffer): void {
    let signal: MediaSignal;
    try {
      signal = parseMediaSignal(payload);
    } catch (err) {
      if (err instanceof MediaSignalError) this.logger.warn({ err: err.message }, 'dropped a bad media signalling message');
      return;
    }
    if (signal.from !== 'hub') return; // our own messages come back on the shared topic
    switch (signal.type) {
      case 'answer': {
        const s = this.sessions.get(signal.session);
        if (!s) return;
        s.pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp }).catch((err: unknown) => {
          this.logger.error({ camera: s.published.camera.name, err: (err as Error).message }, 'the hub answer could not be applied');
          this.end(s, true);
          this.retry(s.published);
        });
        return;
      }
      case 'error': {
        const s = this.sessions.get(signal.session);
        if (!s) return;
        this.logger.error({ camera: s.published.camera.name }, `the hub refused camera ${s.published.camera.name}: ${signal.message}`);
        this.end(s, false);
        return;
      }
      case 'republish':
        this.logger.info('the hub asked for every camera again');
        this.publishAll();
        return;
    }
  }
}

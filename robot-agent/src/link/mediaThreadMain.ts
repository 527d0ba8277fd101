// The agent's media thread: each camera's live stream goes to the hub over
// WebRTC (MediaPublisher, werift) from here, so packetising, encryption and
// retransmissions never delay the control loop in the main thread. RTP comes
// straight from the camera threads on their live ports; signalling goes
// through the main thread's MQTT link.
import { EventEmitter } from 'node:events';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { LivePortMessage } from '../cameras/cameraThreadProtocol.ts';
import { createLogger } from '../log.ts';
import { MediaPublisher, type LiveSource, type SignalLink } from './MediaPublisher.ts';
import type { FromMediaThread, MediaThreadData, ToMediaThread } from './mediaThreadProtocol.ts';

const port = parentPort!;
const { cameras, ice, logLevel } = workerData as MediaThreadData;
const logger = createLogger(logLevel);

/** A camera's live stream as it arrives on its current live port. */
class PortLiveSource extends EventEmitter<{ rtp: [packet: Buffer] }> implements LiveSource {
  private port: MessagePort | null = null;

  attach(next: MessagePort): void {
    this.port?.close();
    this.port = next;
    next.on('message', (m: LivePortMessage) => {
      if (m.type === 'rtp') this.emit('rtp', Buffer.from(m.packet.buffer, m.packet.byteOffset, m.packet.byteLength));
    });
  }

  requestKeyframe(): void {
    this.port?.postMessage({ type: 'keyframe' } satisfies LivePortMessage);
  }

  close(): void {
    this.port?.close();
    this.port = null;
  }
}

/** The main thread's MQTT link, as far as signalling goes. */
class PortSignalLink extends EventEmitter<{ connect: []; mediaSignal: [payload: Buffer] }> implements SignalLink {
  connected = false;

  publish(_channel: 'mediaSignal', payload: string): void {
    port.postMessage({ type: 'publish', payload } satisfies FromMediaThread);
  }
}

const sources = cameras.map(() => new PortLiveSource());
const link = new PortSignalLink();
const publisher = new MediaPublisher(
  link,
  cameras.map((c, i) => ({ camera: c.camera, codec: c.codec, encoder: sources[i]! })),
  ice,
  logger,
);

port.on('message', (m: ToMediaThread) => {
  switch (m.type) {
    case 'live-port':
      sources[m.index]?.attach(m.port);
      break;
    case 'link':
      link.connected = m.connected;
      if (m.connected) link.emit('connect');
      break;
    case 'signal':
      link.emit('mediaSignal', Buffer.from(m.payload.buffer, m.payload.byteOffset, m.payload.byteLength));
      break;
    case 'close':
      void publisher.close().then(() => {
        for (const s of sources) s.close();
        port.postMessage({ type: 'closed' } satisfies FromMediaThread);
        port.close();
      });
      break;
  }
});

// A viewer in Node (werift as the answering peer) for relay tests that need
// many quick viewer sessions without a browser.
import { RTCPeerConnection, useH264, useVP8 } from 'werift';
import { iceGatheringComplete, iceSettings, type WatchResult } from '@teleop/proto';
import type { OperatorClient } from './OperatorClient.ts';

export interface NodeViewer {
  pc: RTCPeerConnection;
  watch: WatchResult;
  /** RTP packets received per camera. */
  packets: Map<string, number>;
  stop(): Promise<void>;
}

export async function watchFromNode(op: OperatorClient, robotId: string): Promise<NodeViewer> {
  const watch = await new Promise<WatchResult>((resolve, reject) =>
    op.socket.emit('media:watch', { robotId }, (res) => (res.ok ? resolve(res.value) : reject(Object.assign(new Error(res.error.message), { code: res.error.code })))),
  );
  const pc = new RTCPeerConnection({ ...iceSettings({ hostAddresses: ['127.0.0.1'], stunUrls: [] }), codecs: { audio: [], video: [useVP8(), useH264()] } });
  const packets = new Map<string, number>();
  const byMid = new Map(watch.cameras.map((c) => [c.mid, c.camera]));
  pc.onTransceiverAdded.subscribe((t) => {
    t.onTrack.subscribe((track) => {
      const camera = byMid.get(t.mid ?? '') ?? '?';
      track.onReceiveRtp.subscribe(() => packets.set(camera, (packets.get(camera) ?? 0) + 1));
    });
  });
  await pc.setRemoteDescription({ type: 'offer', sdp: watch.offer });
  await pc.setLocalDescription(await pc.createAnswer());
  await iceGatheringComplete(pc);
  await new Promise<void>((resolve, reject) =>
    op.socket.emit('media:answer', { viewerId: watch.viewerId, sdp: pc.localDescription!.sdp }, (res) => (res.ok ? resolve() : reject(new Error(res.error.message)))),
  );
  return {
    pc,
    watch,
    packets,
    async stop() {
      await new Promise<void>((resolve) => op.socket.emit('media:stop', { viewerId: watch.viewerId }, () => resolve()));
      await pc.close();
    },
  };
}

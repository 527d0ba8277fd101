// A viewer in Node (werift as the answering peer) for relay tests that need
// many quick viewer sessions without a browser.
import { RTCPeerConnection, useH264, useVP8, type RtpPacket } from 'werift';
import { iceGatheringComplete, iceSettings, type WatchResult } from '@teleop/proto';
import type { OperatorClient } from './OperatorClient.ts';

export interface NodeViewer {
  pc: RTCPeerConnection;
  watch: WatchResult;
  /** RTP packets received per camera. */
  packets: Map<string, number>;
  /** VP8 key frames received per camera (the first packet of a frame whose VP8 header says key frame). */
  keyframes: Map<string, number>;
  /** Sends a picture loss indication for a camera, as a browser does when it cannot decode. */
  requestKeyframe(camera: string): Promise<void>;
  stop(): Promise<void>;
}

/** `onRtp`: every packet as it arrives (benches time them). */
export async function watchFromNode(op: OperatorClient, robotId: string, onRtp?: (camera: string, rtp: RtpPacket) => void): Promise<NodeViewer> {
  const watch = await new Promise<WatchResult>((resolve, reject) =>
    op.socket.emit('media:watch', { robotId }, (res) => (res.ok ? resolve(res.value) : reject(Object.assign(new Error(res.error.message), { code: res.error.code })))),
  );
  const pc = new RTCPeerConnection({ ...iceSettings({ hostAddresses: ['127.0.0.1'], stunUrls: [] }), codecs: { audio: [], video: [useVP8(), useH264()] } });
  const packets = new Map<string, number>();
  const keyframes = new Map<string, number>();
  const byMid = new Map(watch.cameras.map((c) => [c.mid, c.camera]));
  const pli = new Map<string, () => Promise<void>>();
  pc.onTransceiverAdded.subscribe((t) => {
    t.onTrack.subscribe((track) => {
      const camera = byMid.get(t.mid ?? '') ?? '?';
      const codec = watch.cameras.find((c) => c.camera === camera)?.codec;
      pli.set(camera, async () => {
        if (track.ssrc !== undefined) await t.receiver.sendRtcpPLI(track.ssrc);
      });
      track.onReceiveRtp.subscribe((rtp) => {
        packets.set(camera, (packets.get(camera) ?? 0) + 1);
        onRtp?.(camera, rtp);
        if (codec === 'vp8' && isVp8KeyframeStart(rtp.payload)) keyframes.set(camera, (keyframes.get(camera) ?? 0) + 1);
      });
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
    keyframes,
    async requestKeyframe(camera) {
      await pli.get(camera)?.();
    },
    async stop() {
      await new Promise<void>((resolve) => op.socket.emit('media:stop', { viewerId: watch.viewerId }, () => resolve()));
      await pc.close();
    },
  };
}

/** RFC 7741: the payload descriptor (S bit set, partition 0) then a VP8 frame header whose P bit is 0 for a key frame. */
function isVp8KeyframeStart(payload: Buffer): boolean {
  if (payload.length < 2) return false;
  const b0 = payload[0]!;
  if ((b0 & 0x10) === 0 || (b0 & 0x07) !== 0) return false;
  let i = 1;
  if (b0 & 0x80) {
    const x = payload[i++]!;
    if (x & 0x80) i += (payload[i]! & 0x80) ? 2 : 1; // PictureID, 7 or 15 bits
    if (x & 0x40) i++; // TL0PICIDX
    if (x & 0x30) i++; // TID/KEYIDX
  }
  return i < payload.length && (payload[i]! & 0x01) === 0;
}

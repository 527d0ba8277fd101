// Watches every camera of a robot through the hub relay with a plain
// RTCPeerConnection: the hub offers, the page answers (all candidates in the
// SDP). Re-watches when the robot's cameras change.
import type { WatchedCamera } from '@teleop/proto';
import { request, type HubSocket } from '../hub/hubSocket.ts';

export interface RobotWatch {
  readonly pc: RTCPeerConnection;
  readonly cameras: WatchedCamera[];
  close(): void;
}

function gatheringComplete(pc: RTCPeerConnection, timeoutMs = 3000): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

export async function watchRobot(socket: HubSocket, robotId: string, onTrack: (camera: WatchedCamera, stream: MediaStream) => void): Promise<RobotWatch> {
  const res = await request<import('@teleop/proto').WatchResult>((ack) => socket.emit('media:watch', { robotId }, ack));
  const pc = new RTCPeerConnection();
  const byMid = new Map(res.cameras.map((c) => [c.mid, c]));
  pc.addEventListener('track', (e) => {
    const camera = byMid.get(e.transceiver.mid ?? '');
    // One stream per track: the relay may put every track in one stream, and a <video> plays only its first.
    if (camera) onTrack(camera, new MediaStream([e.track]));
  });
  await pc.setRemoteDescription({ type: 'offer', sdp: res.offer });
  await pc.setLocalDescription(await pc.createAnswer());
  await gatheringComplete(pc);
  await request<null>((ack) => socket.emit('media:answer', { viewerId: res.viewerId, sdp: pc.localDescription!.sdp }, ack));
  return {
    pc,
    cameras: res.cameras,
    close() {
      pc.close();
      if (socket.connected) socket.emit('media:stop', { viewerId: res.viewerId }, () => undefined);
    },
  };
}

// What the rest of the hub needs from a media relay: take a robot's camera
// tracks, hand them to any number of viewers, forward key-frame requests, and
// report statistics. WeriftRelay implements it in this process; a mediasoup
// (or Janus) relay for large deployments would implement the same interface
// and be chosen in Hub.ts, with nothing else changing.
import type { EventEmitter } from 'node:events';
import type { LiveCodec, MediaTrackStats, WatchResult } from '@teleop/proto';

export interface RobotTrackOffer {
  robotId: string;
  /** The robot's session id for this camera's peer connection. */
  session: string;
  camera: string;
  codec: LiveCodec;
  width: number;
  height: number;
  fps: number;
  sdp: string;
}

/** A relay refused something; `code` maps onto an operator error code. */
export class MediaRelayError extends Error {
  override name = 'MediaRelayError';
  constructor(
    readonly code: 'unsupported_codec' | 'bad_sdp' | 'no_video' | 'unknown_viewer',
    message: string,
  ) {
    super(message);
  }
}

export interface MediaRelayEvents {
  /** A robot's set of cameras changed (published, replaced or gone). */
  changed: [robotId: string];
}

export interface MediaRelay extends EventEmitter<MediaRelayEvents> {
  /** Accepts a robot's offer for one camera (replacing an earlier one of that camera); resolves with the answer SDP. */
  publishRobotTrack(offer: RobotTrackOffer): Promise<string>;
  /** A robot ended one camera session. */
  removeRobotTrack(robotId: string, session: string): void;
  /** A robot went offline or was revoked: drop all its tracks (its viewers learn through 'changed'). */
  removeRobot(robotId: string): void;
  /** Cameras a robot currently publishes. */
  cameras(robotId: string): string[];
  /** Opens a viewer of every camera of a robot; the relay offers. */
  addViewer(connectionId: string, robotId: string): Promise<WatchResult>;
  acceptViewerAnswer(connectionId: string, viewerId: string, sdp: string): Promise<void>;
  removeViewer(connectionId: string, viewerId: string): boolean;
  /** Everything a connection watches. */
  removeConnection(connectionId: string): void;
  requestKeyframe(robotId: string, camera: string): void;
  stats(robotId?: string): MediaTrackStats[];
  /** Open peer connections, for leak checks and /metrics. */
  peerCounts(): { robot: number; viewer: number };
  close(): Promise<void>;
}

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

/**
 * A robot's cameras offered by another hub's relay (hub-to-hub relay): that hub offers one peer connection with a
 * sending transceiver per camera, exactly as it offers a viewer (its WatchResult).
 */
export interface UpstreamOffer {
  robotId: string;
  /** Names this upstream; every camera taken from it carries it as its session. */
  session: string;
  offer: string;
  cameras: WatchResult['cameras'];
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

/** Connection ids of viewers that are other hubs pulling a robot's video (counted apart from browsers). */
export const HUB_CONNECTION_PREFIX = 'hub:';

export interface PeerCounts {
  robot: number;
  viewer: number;
  hub: number;
  upstream: number;
}

export interface MediaRelayEvents {
  /** A robot's set of cameras changed (published, replaced or gone). */
  changed: [robotId: string];
  /** The last viewer of a robot's cameras left. */
  unwatched: [robotId: string];
}

export interface MediaRelay extends EventEmitter<MediaRelayEvents> {
  /** Accepts a robot's offer for one camera (replacing an earlier one of that camera); resolves with the answer SDP. */
  publishRobotTrack(offer: RobotTrackOffer): Promise<string>;
  /** A robot ended one camera session. */
  removeRobotTrack(robotId: string, session: string): void;
  /** A robot went offline or was revoked: drop all its tracks (its viewers learn through 'changed'). */
  removeRobot(robotId: string): void;
  /** Cameras a robot currently publishes (to this hub, or through another hub's relay). */
  cameras(robotId: string): string[];
  /**
   * Takes a robot's cameras from another hub's relay and relays them to this hub's viewers as if the robot had
   * published them here; resolves with the answer SDP. Key-frame requests go back up the same connection.
   */
  publishUpstream(offer: UpstreamOffer): Promise<string>;
  /** Robots whose cameras this relay takes from the robot itself (not through another hub). */
  ingestedRobots(): string[];
  /** The upstream session a robot's cameras come through, or null (published here, or not at all). */
  upstreamOf(robotId: string): string | null;
  /** Viewers of any camera of a robot. */
  viewerCount(robotId: string): number;
  /** Opens a viewer of every camera of a robot; the relay offers. */
  addViewer(connectionId: string, robotId: string): Promise<WatchResult>;
  acceptViewerAnswer(connectionId: string, viewerId: string, sdp: string): Promise<void>;
  removeViewer(connectionId: string, viewerId: string): boolean;
  /** Everything a connection watches. */
  removeConnection(connectionId: string): void;
  requestKeyframe(robotId: string, camera: string): void;
  stats(robotId?: string): MediaTrackStats[];
  /**
   * Open peer connections, for leak checks and /metrics: from robots, to viewers (browsers), to other hubs pulling a
   * robot's video from this one (`hub`), and from other hubs this one pulls from (`upstream`).
   */
  peerCounts(): PeerCounts;
  close(): Promise<void>;
}

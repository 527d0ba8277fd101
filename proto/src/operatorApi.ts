// The operator <-> hub socket.io protocol (the browser console and any Node
// client speak it). Binary payloads are protobuf messages of teleop.v1;
// everything else is small JSON. 64-bit times travel as decimal strings.
import type { LiveCodec } from './mediaSignal.ts';

/**
 * Binary payload as socket.io delivers it: Buffer in Node, ArrayBuffer in browsers. Browsers must send
 * ArrayBuffers (the msgpack parser encodes typed-array views as plain objects there).
 */
export type Binary = Uint8Array | ArrayBuffer;

export type OperatorErrorCode =
  /** The request was malformed (missing field, wrong type). */
  | 'bad_request'
  /** No robot with that id is enrolled (or it was revoked). */
  | 'unknown_robot'
  /** The robot is enrolled but not connected. */
  | 'robot_offline'
  /** The action needs the robot's control lease, which this connection does not hold. */
  | 'not_lease_holder'
  /** The command carries a lease id that is not the current one. */
  | 'stale_lease'
  /** The command could not be decoded or does not fit the robot (wrong length, unsupported mode). */
  | 'bad_command'
  /** A value is NaN or infinite. */
  | 'non_finite'
  /** A value is beyond the joint's limits. */
  | 'out_of_limits'
  /** The robot's e-stop is latched; reset it first. */
  | 'estopped'
  /** The operator is not allowed to do this. */
  | 'forbidden'
  /** The robot publishes no camera (yet). */
  | 'no_video'
  /** An SDP could not be applied. */
  | 'bad_sdp'
  /** No viewer session with that id on this connection. */
  | 'unknown_viewer'
  /** The robot is (or is not) recording, against what the request needs. */
  | 'episode_conflict'
  /** This wallet holds as many connections as the hub allows one wallet (--max-connections-per-wallet). */
  | 'too_many_connections'
  /** This wallet already holds or waits for the robot's lease on another connection (one place per wallet). */
  | 'one_place_per_wallet'
  /** The queue behind the robot's lease is as long as the hub allows (--max-queue-length). */
  | 'queue_full'
  /** Hubs sharing leases (--redis-url) could not reach their shared store (Redis): nothing was granted; try again. */
  | 'lease_unavailable';

export interface OperatorError {
  code: OperatorErrorCode;
  /** A sentence an operator can act on. */
  message: string;
  robotId?: string;
  /** Sequence number of the command concerned, for command errors. */
  sequence?: string;
}

export type Ack<T> = { ok: true; value: T } | { ok: false; error: OperatorError };

export interface CameraSummary {
  name: string;
  width: number;
  height: number;
  fps: number;
}

export interface RobotSummary {
  robotId: string;
  name: string;
  model: string;
  online: boolean;
  /** ISO time of the last presence change or message. */
  lastSeenAt: string | null;
  /** Operator id holding the lease, null when free. */
  leaseHolder: string | null;
  queueLength: number;
  /** RobotMode name from the robot's last status, e.g. "ROBOT_MODE_IDLE". */
  mode: string;
  /** The robot's last status says it is e-stopped. */
  estop: boolean;
  /** The e-stop the hub holds for the robot (pressed by an operator), null when none. */
  estopLatch: EStopLatchView | null;
  cameras: CameraSummary[];
}

/**
 * An e-stop the hub holds: `pending` until the robot confirms it (again after every reconnection), `confirmed` once it
 * has, `resetting` while a reset waits for the robot's confirmation. Also the answer to `estop` and `estop:reset`.
 */
export interface EStopLatchView {
  estopId: string;
  state: 'pending' | 'confirmed' | 'resetting';
  /** Who pressed it. */
  source: string;
  reason: string;
  engagedAt: string;
  confirmedAt: string | null;
}

export type LeaseStatus = 'granted' | 'queued' | 'revoked' | 'none';

/** `lost`: hubs sharing leases (--redis-url), this hub could not renew the lease in Redis in time (it expired there). */
export type LeaseEndReason = 'released' | 'disconnected' | 'inactive' | 'expired' | 'revoked' | 'robot_removed' | 'robot_offline' | 'lost';

/** The state of one operator connection's lease on one robot. */
export interface LeaseUpdate {
  robotId: string;
  status: LeaseStatus;
  /** Present when granted: must be carried by every ControlCommand. */
  leaseId?: string;
  /** 1-based queue position when queued. */
  position?: number;
  /** Unix ms when the lease ends at the latest (granted only). */
  expiresAtMs?: number;
  /** Unix ms after which an idle lease is revoked (granted only). */
  idleDeadlineMs?: number;
  /** Why the lease ended (revoked only). */
  reason?: LeaseEndReason;
  /** Hubs sharing leases (--redis-url), granted only: the lease's fencing token, higher for every grant of this robot. */
  fencingToken?: number;
}

export interface SubscribeRequest {
  robotId: string;
  /** Most states per second this client wants (display rate); the hub coalesces to it. Default 60. */
  maxRateHz?: number;
}

export interface SubscribeResult {
  /** RobotDescription, protobuf. */
  description: Binary;
  summary: RobotSummary;
}

export interface RobotRef {
  robotId: string;
}

export interface EStopRequest {
  robotId: string;
  reason?: string;
}

export interface HelloInfo {
  operatorId: string;
  hubVersion: string;
  /** The limits this hub's automatic checks hold recordings to, so a console can warn while an episode records. */
  recordingLimits: RecordingLimits;
}

/** Camera frames lost over frames expected (all cameras of an episode): past the soft limit the score drops, past the hard one the episode is rejected. */
export interface RecordingLimits {
  maxDropRatioSoft: number;
  maxDropRatioHard: number;
}

export interface ClockOffsetInfo {
  /** This client's clock minus the hub's clock, ns (decimal string). */
  offsetNs: string;
  /** Round trip of the sample the offset came from, ns (decimal string). */
  rttNs: string;
}

/** One camera in a viewer's offer: which transceiver (mid) carries it. */
export interface WatchedCamera {
  camera: string;
  mid: string;
  codec: LiveCodec;
  width: number;
  height: number;
  fps: number;
}

export interface WatchResult {
  viewerId: string;
  /** The hub's SDP offer (the hub offers, the browser answers; every candidate included). */
  offer: string;
  cameras: WatchedCamera[];
}

export interface ViewerAnswer {
  viewerId: string;
  sdp: string;
}

export interface ViewerRef {
  viewerId: string;
}

/** Live statistics of one camera track as the hub relays it. */
export interface MediaTrackStats {
  robotId: string;
  camera: string;
  codec: LiveCodec;
  width: number;
  height: number;
  /** Received from the robot over the last measurement interval. */
  bitrateKbps: number;
  fps: number;
  /** Packets the hub saw missing from the robot (sequence gaps), cumulative. */
  packetsLost: number;
  /** Round trip hub <-> robot from RTCP, ms; null until measured. */
  robotRttMs: number | null;
  /** Picture loss indications from viewers, cumulative. */
  keyframeRequests: number;
  /** NACKs from viewers, cumulative. */
  nacks: number;
  viewers: number;
  /** Robot capture -> last packet of the frame at the hub, corrected by the robot's clock offset, over the last frames; null before any. */
  captureToHubMs: { p50: number; p95: number } | null;
}

export interface EpisodeStartRequest {
  robotId: string;
  task: string;
}

export interface EpisodeStopRequest {
  robotId: string;
  outcome: 'success' | 'failure' | 'discard';
}

export interface EpisodeRef {
  episodeId: string;
}

/** An episode of this operator changed state. */
export interface EpisodeUpdate {
  episodeId: string;
  robotId: string;
  /**
   * recording, uploading (the robot seals its files, then sends them: see `episode:progress`), verifying, checks,
   * in_review, accepted, rejected, discarded, failed.
   */
  state: string;
  /** Why it was rejected or failed, when it was. */
  reason?: string | null;
}

/** How much of an episode's files the hub holds while the robot uploads them. */
export interface EpisodeUploadProgress {
  episodeId: string;
  bytesReceived: number;
  /** The whole episode's size as the robot announced it (null until it does). */
  bytesTotal: number | null;
  filesReceived: number;
  filesTotal: number | null;
}

export interface ClientToServerEvents {
  'robots:list': (ack: (res: Ack<RobotSummary[]>) => void) => void;
  'robot:subscribe': (req: SubscribeRequest, ack: (res: Ack<SubscribeResult>) => void) => void;
  'robot:unsubscribe': (req: RobotRef, ack: (res: Ack<null>) => void) => void;
  'lease:request': (req: RobotRef, ack: (res: Ack<LeaseUpdate>) => void) => void;
  'lease:release': (req: RobotRef, ack: (res: Ack<null>) => void) => void;
  /** ControlCommand, protobuf. No ack (it is a stream); problems come back as 'operator:error'. */
  control: (robotId: string, command: Binary) => void;
  /** Answers with the latch as it is: `pending` until the robot confirms (watch `robot:presence` for the change). */
  estop: (req: EStopRequest, ack: (res: Ack<EStopLatchView>) => void) => void;
  /** Answers with the latch `resetting` (null when the hub held none); the latch goes when the robot confirms. */
  'estop:reset': (req: RobotRef, ack: (res: Ack<EStopLatchView | null>) => void) => void;
  /** Starts watching every camera of a robot; any connected operator may watch. */
  'media:watch': (req: RobotRef, ack: (res: Ack<WatchResult>) => void) => void;
  'media:answer': (req: ViewerAnswer, ack: (res: Ack<null>) => void) => void;
  'media:stop': (req: ViewerRef, ack: (res: Ack<null>) => void) => void;
  'media:stats': (req: RobotRef, ack: (res: Ack<MediaTrackStats[]>) => void) => void;
  /** Starts recording an episode (lease holder only). */
  'episode:start': (req: EpisodeStartRequest, ack: (res: Ack<EpisodeRef>) => void) => void;
  /** Ends the recording: success or failure go on to upload and review; discard drops it. */
  'episode:stop': (req: EpisodeStopRequest, ack: (res: Ack<EpisodeRef>) => void) => void;
}

export interface ServerToClientEvents {
  hello: (info: HelloInfo) => void;
  /** Sent whenever any robot's summary changes (presence, lease, mode). */
  'robot:presence': (summary: RobotSummary) => void;
  /** JointState, protobuf, for subscribed robots only, at most maxRateHz. */
  'robot:state': (robotId: string, state: Binary) => void;
  /** RobotStatus, protobuf, for subscribed robots. */
  'robot:status': (robotId: string, status: Binary) => void;
  /** RobotEvent, protobuf, for subscribed robots: commands the robot refused (with the reason), watchdog holds, faults, e-stops, recording loss. */
  'robot:event': (robotId: string, event: Binary) => void;
  'lease:update': (update: LeaseUpdate) => void;
  'operator:error': (error: OperatorError) => void;
  /** Hub clock probe: answer with this client's receive and send times (ns, decimal strings). */
  'clock:ping': (t0Ns: string, ack: (t1Ns: string, t2Ns: string) => void) => void;
  'clock:offset': (info: ClockOffsetInfo) => void;
  /** The robot's cameras changed (one appeared, restarted or left): watch again to see them all. */
  'media:changed': (info: RobotRef) => void;
  'episode:update': (update: EpisodeUpdate) => void;
  /** Upload progress of one of this operator's episodes (a few times a second while bytes arrive). */
  'episode:progress': (progress: EpisodeUploadProgress) => void;
}

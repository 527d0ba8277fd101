// The in-process relay (werift): one receiving peer connection per robot
// camera, one relay track per camera that every viewer's sending transceiver
// reads, RTP forwarded as is (no re-encode). werift senders retransmit on
// NACK from their history; picture loss indications from viewers go back to
// the robot as PLI. Closing a viewer, a robot or the relay closes every peer
// connection (and its UDP sockets) it owns.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { MediaStreamTrack, RTCPeerConnection, useH264, useVP8, type RTCRtpCodecParameters, type RTCRtpTransceiver, type RtpPacket } from 'werift';
import { captureNsOfRtp, iceGatheringComplete, iceSettings, LIVE_CODECS, nowNs, type IceOptions, type LiveCodec, type MediaTrackStats, type WatchResult } from '@teleop/proto';
import type { Logger } from '../log.ts';
import { HUB_CONNECTION_PREFIX, MediaRelayError, type MediaRelay, type MediaRelayEvents, type PeerCounts, type RobotTrackOffer, type UpstreamOffer } from './MediaRelay.ts';

interface RobotCamera {
  robotId: string;
  camera: string;
  codec: LiveCodec;
  width: number;
  height: number;
  fps: number;
  /** Outlives robot sessions: viewers keep their transceiver when the robot re-publishes. */
  relay: MediaStreamTrack;
  session: string | null;
  /** Taken from another hub's relay (one peer connection for all of the robot's cameras), not from the robot. */
  upstream: boolean;
  pc: RTCPeerConnection | null;
  transceiver: RTCRtpTransceiver | null;
  remoteSsrc: number | undefined;
  viewers: Set<Viewer>;
  counters: { bytes: number; frames: number; lost: number; lastSeq: number; keyframeRequests: number; nacks: number };
  /** Capture -> hub of the most recent frames, ms. */
  latencies: number[];
  rates: { bitrateKbps: number; fps: number; at: number; bytes: number; frames: number };
}

interface Viewer {
  id: string;
  connectionId: string;
  robotId: string;
  pc: RTCPeerConnection;
  cameras: RobotCamera[];
  answered: boolean;
  answerTimer: NodeJS.Timeout;
}

export interface WeriftRelayOptions {
  ice: IceOptions;
  logger: Logger;
  /** Round trip hub <-> robot from the robot's clock probes, ms. */
  robotRttMs?: (robotId: string) => number | null;
  /** Robot clock minus hub clock, ns (0 when unknown). */
  robotClockOffsetNs?: (robotId: string) => bigint;
  /** A viewer that has not answered its offer within this is closed. */
  answerTimeoutMs?: number;
}

const CODEC_RTPMAP: Record<LiveCodec, RegExp> = { vp8: /a=rtpmap:\d+ VP8\/90000/i, h264: /a=rtpmap:\d+ H264\/90000/i };

function codecParameters(codec: LiveCodec): RTCRtpCodecParameters {
  return codec === 'vp8' ? useVP8() : useH264();
}

function percentiles(values: number[]): { p50: number; p95: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2));
  return { p50: at(0.5), p95: at(0.95) };
}

/** What makes an answer unusable for `tracks` video transceivers, or null (werift accepts almost anything). */
function answerProblem(sdp: string, tracks: number): string | null {
  const media = sdp.match(/^m=video /gm)?.length ?? 0;
  if (media !== tracks) return `it has ${media} video sections, the offer had ${tracks}`;
  if (!/^a=fingerprint:/m.test(sdp)) return 'it has no DTLS fingerprint';
  if (!/^a=ice-ufrag:/m.test(sdp)) return 'it has no ICE credentials';
  return null;
}

export class WeriftRelay extends EventEmitter<MediaRelayEvents> implements MediaRelay {
  /** robotId -> camera -> track. */
  private readonly robots = new Map<string, Map<string, RobotCamera>>();
  private readonly viewers = new Map<string, Viewer>();
  private readonly rateTimer: NodeJS.Timeout;

  constructor(private readonly o: WeriftRelayOptions) {
    super();
    this.rateTimer = setInterval(() => this.updateRates(), 1000);
  }

  async publishRobotTrack(offer: RobotTrackOffer): Promise<string> {
    if (!LIVE_CODECS.includes(offer.codec)) {
      throw new MediaRelayError('unsupported_codec', `codec "${offer.codec}" is not supported (use ${LIVE_CODECS.join(' or ')})`);
    }
    if (!CODEC_RTPMAP[offer.codec].test(offer.sdp)) {
      throw new MediaRelayError('unsupported_codec', `the SDP offer for camera ${offer.camera} carries no ${offer.codec} codec`);
    }
    const pc = new RTCPeerConnection({ ...iceSettings(this.o.ice), codecs: { audio: [], video: [codecParameters(offer.codec)] } });
    let entry = this.robots.get(offer.robotId)?.get(offer.camera);
    const isNew = !entry || entry.codec !== offer.codec || entry.width !== offer.width || entry.height !== offer.height;
    if (entry && isNew) this.dropCamera(entry);
    if (!entry || isNew) {
      entry = {
        robotId: offer.robotId,
        camera: offer.camera,
        codec: offer.codec,
        width: offer.width,
        height: offer.height,
        fps: offer.fps,
        relay: new MediaStreamTrack({ kind: 'video' }),
        session: null,
        upstream: false,
        pc: null,
        transceiver: null,
        remoteSsrc: undefined,
        viewers: new Set(),
        counters: { bytes: 0, frames: 0, lost: 0, lastSeq: -1, keyframeRequests: 0, nacks: 0 },
        latencies: [],
        rates: { bitrateKbps: 0, fps: 0, at: performance.now(), bytes: 0, frames: 0 },
      };
      let cams = this.robots.get(offer.robotId);
      if (!cams) {
        cams = new Map();
        this.robots.set(offer.robotId, cams);
      }
      cams.set(offer.camera, entry);
    }
    const cam = entry;
    // A robot publishing here again replaces what came through another hub: its viewers stay.
    const replacedUpstream = cam.upstream;
    if (replacedUpstream) this.dropUpstreamOf(offer.robotId, cam);
    // A new session of the same camera replaces the old one; viewers stay.
    if (cam.pc) void cam.pc.close().catch(() => undefined);
    cam.upstream = false;
    cam.pc = pc;
    cam.session = offer.session;
    cam.counters.lastSeq = -1;
    pc.onTrack.subscribe((track) => this.feed(cam, pc, track));
    pc.connectionStateChange.subscribe((state) => {
      if ((state === 'failed' || state === 'closed') && cam.pc === pc) {
        this.o.logger.warn({ robotId: cam.robotId, camera: cam.camera, state }, 'robot camera connection ended');
        this.removeRobotTrack(cam.robotId, offer.session);
      }
    });
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
      cam.transceiver = pc.getTransceivers()[0] ?? null;
      await pc.setLocalDescription(await pc.createAnswer());
      await iceGatheringComplete(pc);
    } catch (err) {
      this.removeRobotTrack(cam.robotId, offer.session);
      throw new MediaRelayError('bad_sdp', `the SDP offer for camera ${offer.camera} could not be applied: ${(err as Error).message}`);
    }
    const answer = pc.localDescription?.sdp ?? '';
    if (!CODEC_RTPMAP[offer.codec].test(answer)) {
      this.removeRobotTrack(cam.robotId, offer.session);
      throw new MediaRelayError('unsupported_codec', `no ${offer.codec} codec could be negotiated for camera ${offer.camera}`);
    }
    this.o.logger.info({ robotId: offer.robotId, camera: offer.camera, codec: offer.codec }, 'robot camera published');
    if (isNew || replacedUpstream) this.emit('changed', offer.robotId);
    return answer;
  }

  removeRobotTrack(robotId: string, session: string): void {
    const cams = this.robots.get(robotId);
    if (!cams) return;
    for (const cam of cams.values()) {
      if (cam.session !== session) continue;
      this.dropCamera(cam);
      this.emit('changed', robotId);
    }
  }

  removeRobot(robotId: string): void {
    const cams = this.robots.get(robotId);
    if (!cams) return;
    for (const cam of [...cams.values()]) this.dropCamera(cam);
    this.emit('changed', robotId);
  }

  cameras(robotId: string): string[] {
    return [...(this.robots.get(robotId)?.keys() ?? [])];
  }

  async publishUpstream(up: UpstreamOffer): Promise<string> {
    if (up.cameras.length === 0) throw new MediaRelayError('no_video', `the upstream of robot ${up.robotId} offers no camera`);
    for (const c of up.cameras) {
      if (!LIVE_CODECS.includes(c.codec)) throw new MediaRelayError('unsupported_codec', `codec "${c.codec}" is not supported (use ${LIVE_CODECS.join(' or ')})`);
    }
    // What was here for the robot (an earlier upstream) goes; its viewers learn through 'changed'.
    for (const cam of [...(this.robots.get(up.robotId)?.values() ?? [])]) void this.dropCamera(cam);
    const pc = new RTCPeerConnection({ ...iceSettings(this.o.ice), codecs: { audio: [], video: [useVP8(), useH264()] } });
    const cams = new Map<string, RobotCamera>();
    const byRobot = new Map<string, RobotCamera>();
    this.robots.set(up.robotId, byRobot);
    for (const c of up.cameras) {
      const cam: RobotCamera = {
        robotId: up.robotId,
        camera: c.camera,
        codec: c.codec,
        width: c.width,
        height: c.height,
        fps: c.fps,
        relay: new MediaStreamTrack({ kind: 'video' }),
        session: up.session,
        upstream: true,
        pc,
        transceiver: null,
        remoteSsrc: undefined,
        viewers: new Set(),
        counters: { bytes: 0, frames: 0, lost: 0, lastSeq: -1, keyframeRequests: 0, nacks: 0 },
        latencies: [],
        rates: { bitrateKbps: 0, fps: 0, at: performance.now(), bytes: 0, frames: 0 },
      };
      cams.set(c.mid, cam);
      byRobot.set(c.camera, cam);
    }
    // A transceiver's mid is known once the offer is applied: cameras are matched when their track arrives.
    pc.onTransceiverAdded.subscribe((t) => {
      t.onTrack.subscribe((track) => {
        const cam = cams.get(t.mid ?? '');
        if (!cam) return;
        cam.transceiver = t;
        this.feed(cam, pc, track);
      });
    });
    pc.connectionStateChange.subscribe((state) => {
      if ((state === 'failed' || state === 'closed') && [...cams.values()].some((c) => c.pc === pc)) {
        this.o.logger.warn({ robotId: up.robotId, state }, 'upstream of a robot from another hub ended');
        this.removeRobotTrack(up.robotId, up.session);
      }
    });
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp: up.offer });
      for (const t of pc.getTransceivers()) {
        const cam = cams.get(t.mid ?? '');
        if (cam && !cam.transceiver) cam.transceiver = t;
      }
      await pc.setLocalDescription(await pc.createAnswer());
      await iceGatheringComplete(pc);
    } catch (err) {
      this.removeRobotTrack(up.robotId, up.session);
      throw new MediaRelayError('bad_sdp', `the upstream offer for robot ${up.robotId} could not be applied: ${(err as Error).message}`);
    }
    this.o.logger.info({ robotId: up.robotId, cameras: up.cameras.map((c) => c.camera) }, "robot's cameras relayed from another hub");
    this.emit('changed', up.robotId);
    return pc.localDescription?.sdp ?? '';
  }

  ingestedRobots(): string[] {
    const out: string[] = [];
    for (const [robotId, cams] of this.robots) if ([...cams.values()].some((c) => c.pc !== null && !c.upstream)) out.push(robotId);
    return out;
  }

  upstreamOf(robotId: string): string | null {
    for (const cam of this.robots.get(robotId)?.values() ?? []) if (cam.upstream && cam.pc) return cam.session;
    return null;
  }

  viewerCount(robotId: string): number {
    const viewers = new Set<Viewer>();
    for (const cam of this.robots.get(robotId)?.values() ?? []) for (const v of cam.viewers) viewers.add(v);
    return viewers.size;
  }

  async addViewer(connectionId: string, robotId: string): Promise<WatchResult> {
    const cams = [...(this.robots.get(robotId)?.values() ?? [])].filter((c) => c.pc !== null);
    if (cams.length === 0) throw new MediaRelayError('no_video', `robot ${robotId} publishes no camera`);
    const codecs = { vp8: useVP8(), h264: useH264() };
    const pc = new RTCPeerConnection({ ...iceSettings(this.o.ice), codecs: { audio: [], video: [codecs.vp8, codecs.h264] } });
    const viewer: Viewer = {
      id: `v-${randomUUID()}`,
      connectionId,
      robotId,
      pc,
      cameras: cams,
      answered: false,
      answerTimer: setTimeout(() => {
        if (!viewer.answered) {
          this.o.logger.warn({ viewerId: viewer.id }, 'viewer did not answer its offer in time; closing it');
          this.closeViewer(viewer);
        }
      }, this.o.answerTimeoutMs ?? 20_000),
    };
    const transceivers = cams.map((cam) => {
      const t = pc.addTransceiver(cam.relay, { direction: 'sendonly' });
      t.setCodecPreferences([codecs[cam.codec]]);
      t.sender.onPictureLossIndication.subscribe(() => {
        cam.counters.keyframeRequests++;
        this.requestKeyframe(cam.robotId, cam.camera);
      });
      t.sender.onGenericNack.subscribe(() => cam.counters.nacks++);
      return t;
    });
    pc.connectionStateChange.subscribe((state) => {
      if (state === 'failed' || state === 'closed') this.closeViewer(viewer);
    });
    this.viewers.set(viewer.id, viewer);
    for (const cam of cams) cam.viewers.add(viewer);
    await pc.setLocalDescription(await pc.createOffer());
    await iceGatheringComplete(pc);
    return {
      viewerId: viewer.id,
      offer: pc.localDescription?.sdp ?? '',
      cameras: cams.map((cam, i) => ({ camera: cam.camera, mid: transceivers[i]!.mid ?? String(i), codec: cam.codec, width: cam.width, height: cam.height, fps: cam.fps })),
    };
  }

  async acceptViewerAnswer(connectionId: string, viewerId: string, sdp: string): Promise<void> {
    const viewer = this.viewers.get(viewerId);
    if (!viewer || viewer.connectionId !== connectionId) throw new MediaRelayError('unknown_viewer', `no viewer ${viewerId} on this connection`);
    const problem = answerProblem(sdp, viewer.cameras.length);
    if (problem) {
      this.closeViewer(viewer);
      throw new MediaRelayError('bad_sdp', `the answer is not usable: ${problem}`);
    }
    try {
      await viewer.pc.setRemoteDescription({ type: 'answer', sdp });
    } catch (err) {
      this.closeViewer(viewer);
      throw new MediaRelayError('bad_sdp', `the answer could not be applied: ${(err as Error).message}`);
    }
    viewer.answered = true;
    clearTimeout(viewer.answerTimer);
  }

  removeViewer(connectionId: string, viewerId: string): boolean {
    const viewer = this.viewers.get(viewerId);
    if (!viewer || viewer.connectionId !== connectionId) return false;
    this.closeViewer(viewer);
    return true;
  }

  removeConnection(connectionId: string): void {
    for (const v of [...this.viewers.values()]) if (v.connectionId === connectionId) this.closeViewer(v);
  }

  requestKeyframe(robotId: string, camera: string): void {
    const cam = this.robots.get(robotId)?.get(camera);
    if (!cam?.transceiver || cam.remoteSsrc === undefined) return;
    void cam.transceiver.receiver.sendRtcpPLI(cam.remoteSsrc).catch(() => undefined);
  }

  stats(robotId?: string): MediaTrackStats[] {
    const out: MediaTrackStats[] = [];
    for (const [id, cams] of this.robots) {
      if (robotId !== undefined && id !== robotId) continue;
      for (const cam of cams.values()) {
        out.push({
          robotId: id,
          camera: cam.camera,
          codec: cam.codec,
          width: cam.width,
          height: cam.height,
          bitrateKbps: Math.round(cam.rates.bitrateKbps),
          fps: Number(cam.rates.fps.toFixed(1)),
          packetsLost: cam.counters.lost,
          robotRttMs: this.o.robotRttMs?.(id) ?? null,
          keyframeRequests: cam.counters.keyframeRequests,
          nacks: cam.counters.nacks,
          viewers: cam.viewers.size,
          captureToHubMs: percentiles(cam.latencies),
        });
      }
    }
    return out;
  }

  peerCounts(): PeerCounts {
    let robot = 0;
    const upstreams = new Set<RTCPeerConnection>();
    for (const cams of this.robots.values()) {
      for (const c of cams.values()) {
        if (c.pc && c.upstream) upstreams.add(c.pc);
        else if (c.pc) robot++;
      }
    }
    let hub = 0;
    for (const v of this.viewers.values()) if (v.connectionId.startsWith(HUB_CONNECTION_PREFIX)) hub++;
    return { robot, viewer: this.viewers.size - hub, hub, upstream: upstreams.size };
  }

  async close(): Promise<void> {
    clearInterval(this.rateTimer);
    const closing: Promise<unknown>[] = [];
    for (const v of [...this.viewers.values()]) closing.push(this.closeViewer(v));
    for (const robotId of [...this.robots.keys()]) {
      for (const cam of [...(this.robots.get(robotId)?.values() ?? [])]) closing.push(this.dropCamera(cam));
    }
    await Promise.all(closing);
  }

  /** Relays a camera's incoming track (from the robot, or from another hub) to its viewers while `pc` is its connection. */
  private feed(cam: RobotCamera, pc: RTCPeerConnection, track: MediaStreamTrack): void {
    cam.remoteSsrc = track.ssrc;
    track.onReceiveRtp.subscribe((rtp: RtpPacket) => {
      if (cam.pc !== pc) return;
      cam.remoteSsrc = rtp.header.ssrc;
      this.count(cam, rtp);
      cam.relay.writeRtp(rtp);
    });
  }

  private count(cam: RobotCamera, rtp: RtpPacket): void {
    const c = cam.counters;
    c.bytes += rtp.payload.length + 12;
    if (rtp.header.marker) {
      c.frames++;
      const now = nowNs();
      const captureHubNs = captureNsOfRtp(rtp.header.timestamp, now) - (this.o.robotClockOffsetNs?.(cam.robotId) ?? 0n);
      cam.latencies.push(Number(now - captureHubNs) / 1e6);
      if (cam.latencies.length > 300) cam.latencies.shift();
    }
    const seq = rtp.header.sequenceNumber;
    if (c.lastSeq >= 0) {
      const gap = (seq - c.lastSeq - 1) & 0xffff;
      if (gap > 0 && gap < 1000) c.lost += gap;
    }
    c.lastSeq = seq;
  }

  private updateRates(): void {
    const now = performance.now();
    for (const cams of this.robots.values()) {
      for (const cam of cams.values()) {
        const r = cam.rates;
        const dt = (now - r.at) / 1000;
        if (dt <= 0) continue;
        r.bitrateKbps = ((cam.counters.bytes - r.bytes) * 8) / 1000 / dt;
        r.fps = (cam.counters.frames - r.frames) / dt;
        r.at = now;
        r.bytes = cam.counters.bytes;
        r.frames = cam.counters.frames;
      }
    }
  }

  private dropCamera(cam: RobotCamera): Promise<unknown> {
    const cams = this.robots.get(cam.robotId);
    if (cams?.get(cam.camera) === cam) cams.delete(cam.camera);
    if (cams?.size === 0) this.robots.delete(cam.robotId);
    for (const v of [...cam.viewers]) void this.closeViewer(v);
    cam.relay.stop();
    const pc = cam.pc;
    cam.pc = null;
    cam.session = null;
    return pc ? pc.close().catch(() => undefined) : Promise.resolve();
  }

  /** The other cameras taken through the same upstream as `keep` (the robot now publishes here): dropped, their connection closed. */
  private dropUpstreamOf(robotId: string, keep: RobotCamera): void {
    // Detached first: the shared connection's close must not find `keep` still on it (it would drop it).
    const pc = keep.pc;
    keep.pc = null;
    keep.transceiver = null;
    keep.session = null;
    keep.upstream = false;
    for (const cam of [...(this.robots.get(robotId)?.values() ?? [])]) {
      if (cam !== keep && cam.upstream) void this.dropCamera(cam);
    }
    if (pc) void pc.close().catch(() => undefined);
  }

  private closeViewer(viewer: Viewer): Promise<unknown> {
    if (!this.viewers.delete(viewer.id)) return Promise.resolve();
    clearTimeout(viewer.answerTimer);
    for (const cam of viewer.cameras) cam.viewers.delete(viewer);
    const cams = this.robots.get(viewer.robotId);
    if (cams && [...cams.values()].every((c) => c.viewers.size === 0)) this.emit('unwatched', viewer.robotId);
    return viewer.pc.close().catch(() => undefined);
  }
}

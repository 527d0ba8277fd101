// One robot agent: a driver, the safety layer and control loop around it, and
// the link to the hub. Owns all of them; close() stops them in order.
import { fromLong, nowNs, toLong, v1, type LiveCodec } from '@teleop/proto';
import type { AgentConfig } from './config.ts';
import { ControlLoop } from './control/ControlLoop.ts';
import { SafetyLayer, type RejectReason } from './control/SafetyLayer.ts';
import type { Driver, DriverFault } from './drivers/Driver.ts';
import { SimArmDriver } from './drivers/sim/SimArmDriver.ts';
import { So101Driver } from './drivers/feetech/So101Driver.ts';
import { HubLink } from './link/HubLink.ts';
import { MediaThread } from './link/MediaThread.ts';
import type { Logger } from './log.ts';
import type { CameraDescription } from './cameras/Camera.ts';
import { CameraThread } from './cameras/CameraThread.ts';
import { PoseHistory } from './cameras/sim/PoseHistory.ts';
import { FRAME_BUFFER } from './cameras/frameClock.ts';
import { findFfmpeg } from './cameras/ffmpeg.ts';
import { join } from 'node:path';
import type { PrivateKeyAccount } from 'viem/accounts';
import { describedJoints } from '@teleop/proto';
import { EpisodeRecorder } from './recording/EpisodeRecorder.ts';
import { EpisodeUploader } from './recording/EpisodeUploader.ts';
import { loadOrCreateRobotKey } from './recording/RobotKey.ts';
import { FencingTokenFile } from './control/FencingTokenFile.ts';

export const AGENT_VERSION = '0.1.0';

/** Most RobotEvents about rejected commands published per second (the counters keep the full count). */
const REJECT_EVENTS_PER_S = 5;
const STATUS_HEARTBEAT_MS = 2000;
/** How often a driver's own counters (bus steps, timeouts) go to the log. */
const DRIVER_DIAGNOSTICS_MS = 10_000;

export function createDriver(config: Pick<AgentConfig, 'driver' | 'port' | 'calibrationFile'>): Driver {
  switch (config.driver) {
    case 'sim':
      return new SimArmDriver();
    case 'so101':
      return new So101Driver({ port: config.port!, calibrationFile: config.calibrationFile });
  }
}

const CAMERA_RETRY_MS = 5000;

export class Agent {
  readonly driver: Driver;
  readonly safety: SafetyLayer;
  private readonly fencingFile: FencingTokenFile;
  readonly loop: ControlLoop;
  readonly link: HubLink;
  private readonly counters = { applied: 0n, rejected: 0n, malformed: 0n };
  readonly rejections = new Map<RejectReason, number>();
  private faults: DriverFault[] = [];
  private rejectEventWindow = { startMs: 0, count: 0 };
  private heartbeat: NodeJS.Timeout | null = null;
  private diagnosticsTimer: NodeJS.Timeout | null = null;
  private clockOffsetNs = 0n;
  readonly cameras: { camera: CameraDescription; codec: LiveCodec }[] = [];
  /** Each camera runs in a thread of its own: capture, live encoder input, recording intake. */
  private readonly cameraThreads: CameraThread[] = [];
  /** Recent joint positions shared with the camera threads (the simulated view draws the arm as it was at each frame). */
  private readonly poses: PoseHistory;
  private readonly cameraFaults = new Map<string, DriverFault>();
  private readonly cameraRetries = new Set<NodeJS.Timeout>();
  /** WebRTC to the hub runs in a thread of its own, fed by the camera threads directly. */
  private readonly media: MediaThread;
  readonly key: PrivateKeyAccount;
  private recorder: EpisodeRecorder | null = null;
  private uploader: EpisodeUploader | null = null;

  constructor(
    private readonly config: AgentConfig,
    private readonly logger: Logger,
    driver?: Driver,
  ) {
    this.driver = driver ?? createDriver(config);
    const d = this.driver.describe();
    this.safety = new SafetyLayer(
      {
        joints: d.joints.map((j) => ({
          name: j.name ?? '',
          minPosition: j.minPosition ?? 0,
          maxPosition: j.maxPosition ?? 0,
          maxVelocity: j.maxVelocity ?? 0,
        })),
        gripperIndex: d.gripperJoint ? d.joints.findIndex((j) => j.name === d.gripperJoint) : -1,
        holdTimeoutMs: config.holdTimeoutMs,
        maxCommandAgeMs: config.maxCommandAgeMs,
      },
      nowNs,
    );
    // Throws FencingStateError on an unusable file: the agent does not start (see FencingTokenFile).
    this.fencingFile = new FencingTokenFile(join(config.stateDir, 'fencing-token'));
    this.safety.restoreHighestFencingToken(this.fencingFile.load());
    this.link = new HubLink({ hubUrl: config.hubUrl, mqttUrl: config.mqttUrl, robotId: config.robotId, secret: config.secret, logger });
    this.loop = new ControlLoop({
      driver: this.driver,
      safety: this.safety,
      controlRateHz: config.controlRateHz,
      stateRateHz: config.stateRateHz,
      publishState: (state) => this.link.publish('state', v1.JointState.encode(state).finish()),
      onModeChange: (mode, reason) => {
        if (reason === 'watchdog') {
          this.event(v1.RobotEvent.Kind.KIND_WATCHDOG_HOLD, `no command for ${config.holdTimeoutMs} ms under lease; holding pose`);
        }
        this.logger.info({ mode: v1.RobotMode[mode], reason }, 'robot mode changed');
        this.publishStatus();
      },
      onFault: (faults) => {
        this.faults = faults;
        for (const f of faults) {
          this.event(v1.RobotEvent.Kind.KIND_FAULT, `${f.code}: ${f.message}`);
          this.logger.error({ code: f.code, joint: f.joint }, f.message);
        }
        if (faults.length === 0) this.logger.info('driver faults cleared');
        // Nothing recorded during a fault counts as data: the episode under way ends as failed, with why.
        const recording = this.recorder?.recordingId;
        if (faults.length > 0 && recording) {
          const why = `robot fault during the episode: ${faults.map((f) => f.message).join('; ')}`;
          void this.recorder!.stop(recording, 'failed', why).catch((err: Error) => this.logger.error({ err }, `could not end the faulted episode: ${err.message}`));
        }
        this.publishStatus();
      },
    });
    const joints = this.driver.describe().joints.length;
    // The simulated cameras may make a frame FRAME_BUFFER frames late; the history reaches back that far and a second more.
    const simFps = config.cameras.filter((c) => c.source === 'sim').map((c) => c.fps);
    const reachMs = simFps.length > 0 ? (FRAME_BUFFER * 1000) / Math.min(...simFps) + 1000 : 1000;
    const poseBuffer = PoseHistory.allocate(joints, PoseHistory.capacityFor(reachMs));
    this.poses = new PoseHistory(poseBuffer, joints);
    this.loop.onStep((s) => this.poses.write(s.captureNs, s.reading.positions));
    for (const c of config.cameras) {
      const camera = new CameraThread(c, { pose: c.source === 'sim' ? { buffer: poseBuffer, joints } : null, logLevel: config.logLevel });
      camera.on('flowing', () => {
        if (this.cameraFaults.delete(camera.description.name)) this.publishStatus();
      });
      camera.on('error', (err) => this.onCameraError(camera, err));
      camera.on('recordingLoss', (dropped, total) => this.onRecordingLoss(camera, dropped, total));
      this.cameraThreads.push(camera);
      this.cameras.push({ camera: camera.description, codec: c.codec });
    }
    this.media = new MediaThread(
      this.link,
      this.cameraThreads,
      { hostAddresses: config.iceHostAddresses, stunUrls: config.stunUrls, ...(config.turn ? { turn: config.turn } : {}) },
      { logLevel: config.logLevel, logger },
    );
    this.key = loadOrCreateRobotKey(join(config.stateDir, 'robot-key'));
    this.link.on('control', (p) => this.onControl(p));
    this.link.on('session', (p) => this.onSession(p));
    this.link.on('ping', (p) => this.onPing(p));
    this.link.on('disconnect', () => this.onDisconnect());
  }

  async start(): Promise<void> {
    // Fail at start, with how to install it, rather than when the first frame comes.
    if (this.cameras.length > 0) findFfmpeg();
    await this.driver.connect();
    await Promise.all(this.cameraThreads.map((camera) => camera.start().catch((err: Error) => this.onCameraError(camera, err))));
    this.media.start();
    this.recorder = new EpisodeRecorder({
      spoolDir: join(this.config.stateDir, 'spool'),
      robotId: this.config.robotId,
      key: this.key,
      chainId: await this.chainId(),
      cameras: this.cameraThreads,
      loop: this.loop,
      jointNames: describedJoints(this.driver.describe()).map((j) => j.name),
      jointLimits: describedJoints(this.driver.describe()).map((j) => ({ name: j.name, min: j.minPosition, max: j.maxPosition })),
      codec: this.config.recordCodec,
      defaultFps: 30,
      agentVersion: AGENT_VERSION,
      logger: this.logger,
    });
    const recovered = await this.recorder.recoverInterrupted();
    if (recovered.length > 0) this.logger.warn({ episodes: recovered }, 'episodes interrupted by the last stop were finalized as failed');
    if (this.config.hubUrl) {
      this.uploader = new EpisodeUploader({
        spoolDir: join(this.config.stateDir, 'spool'),
        hubUrl: this.config.hubUrl,
        robotId: this.config.robotId,
        secret: this.config.secret,
        logger: this.logger,
        bandwidthBytesPerS: this.config.uploadBandwidth,
      });
      this.uploader.start();
      this.link.on('connect', () => this.uploader?.kick());
    } else {
      this.logger.warn('no --hub given: episodes are recorded into the spool but not uploaded');
    }
    this.link.announce({ describe: this.encodeDescription(), status: () => this.encodeStatus() });
    this.loop.start();
    this.heartbeat = setInterval(() => this.publishStatus(), STATUS_HEARTBEAT_MS);
    if (this.driver.diagnostics) {
      this.diagnosticsTimer = setInterval(() => {
        const d = this.driver.diagnostics?.();
        if (d) this.logger.info({ driver: d }, 'driver diagnostics');
      }, DRIVER_DIAGNOSTICS_MS);
    }
    await this.link.start();
  }

  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.diagnosticsTimer) clearInterval(this.diagnosticsTimer);
    await this.uploader?.close();
    const recording = this.recorder?.recordingId;
    if (recording) await this.recorder!.stop(recording, 'failed', 'the agent was stopped during the recording').catch(() => undefined);
    for (const t of this.cameraRetries) clearTimeout(t);
    await this.media.close();
    await Promise.all(this.cameraThreads.map((camera) => camera.stop()));
    await this.loop.stop();
    await this.link.close();
    await this.driver.disconnect();
  }

  /** Counters for status and tests. */
  get stats(): { applied: bigint; rejected: bigint; malformed: bigint } {
    return { ...this.counters };
  }

  /** A camera failed: report it as a fault (motion is unaffected) and try it again later. */
  private onCameraError(camera: CameraThread, err: Error): void {
    const name = camera.description.name;
    this.logger.error({ camera: name }, err.message);
    this.cameraFaults.set(name, { code: 'camera_unavailable', message: err.message });
    this.event(v1.RobotEvent.Kind.KIND_FAULT, err.message);
    this.publishStatus();
    const timer = setTimeout(() => {
      this.cameraRetries.delete(timer);
      camera.start().catch((e: unknown) => this.onCameraError(camera, e as Error));
    }, CAMERA_RETRY_MS);
    this.cameraRetries.add(timer);
  }

  /** The recording lost frames of a camera: said at once (an event, and the status carries the count). */
  private onRecordingLoss(camera: CameraThread, dropped: number, total: number): void {
    const name = camera.description.name;
    const message = `camera ${name} lost ${dropped} frame${dropped === 1 ? '' : 's'} of the recording (${total} in this episode)`;
    this.logger.warn({ camera: name, dropped, total, episodeId: this.recorder?.recordingId }, message);
    this.event(v1.RobotEvent.Kind.KIND_RECORDING_LOSS, message);
    this.publishStatus();
  }

  /** Chain id for manifest signatures: the hub's, else the configured one. */
  private async chainId(): Promise<number> {
    if (!this.config.hubUrl) return this.config.chainId;
    try {
      const res = await fetch(new URL('/api/v1/broker', this.config.hubUrl), { signal: AbortSignal.timeout(3000) });
      const body = (await res.json()) as { chainId?: number };
      return typeof body.chainId === 'number' ? body.chainId : this.config.chainId;
    } catch {
      return this.config.chainId;
    }
  }

  private onControl(payload: Buffer): void {
    this.recorder?.recordCommand(payload, nowNs());
    let command: v1.ControlCommand;
    try {
      command = v1.ControlCommand.decode(payload);
    } catch (err) {
      this.counters.malformed++;
      this.logger.warn({ bytes: payload.length, err: (err as Error).message }, 'dropped a malformed ControlCommand');
      return;
    }
    const verdict = this.loop.submit(command);
    if (verdict.accepted) {
      this.counters.applied++;
      return;
    }
    this.counters.rejected++;
    this.rejections.set(verdict.reason, (this.rejections.get(verdict.reason) ?? 0) + 1);
    const now = Date.now();
    if (now - this.rejectEventWindow.startMs >= 1000) this.rejectEventWindow = { startMs: now, count: 0 };
    if (this.rejectEventWindow.count++ < REJECT_EVENTS_PER_S) {
      this.logger.warn({ reason: verdict.reason, sequence: fromLong(command.sequence).toString() }, `rejected command: ${verdict.message}`);
      this.event(v1.RobotEvent.Kind.KIND_COMMAND_REJECTED, verdict.message, {
        reason: verdict.reason,
        leaseId: command.leaseId,
        sequence: fromLong(command.sequence),
      });
    }
  }

  private onSession(payload: Buffer): void {
    let ev: v1.SessionEvent;
    try {
      ev = v1.SessionEvent.decode(payload);
    } catch (err) {
      this.counters.malformed++;
      this.logger.warn({ err: (err as Error).message }, 'dropped a malformed SessionEvent');
      return;
    }
    const K = v1.RobotEvent.Kind;
    this.logger.debug({ event: ev.event, episodeId: ev.episodeStart?.episodeId ?? ev.episodeStop?.episodeId }, 'session event');
    switch (ev.event) {
      case 'leaseGranted': {
        const leaseId = ev.leaseGranted?.leaseId ?? '';
        const token = fromLong(ev.leaseGranted?.fencingToken ?? 0);
        if (token > this.safety.highestFencingToken) {
          // Saved before the grant is taken, so a restart never forgets a token this robot acted on. A robot that
          // cannot save it refuses the grant (fails closed): after a restart it could not refuse that hub's past.
          try {
            this.fencingFile.save(token);
          } catch (err) {
            this.counters.rejected++;
            this.rejections.set('fenced', (this.rejections.get('fenced') ?? 0) + 1);
            const message = `refused the grant of lease "${leaseId}": could not save its fencing token ${token} to ${this.fencingFile.path} (${(err as Error).message})`;
            this.logger.error({ leaseId, fencingToken: token.toString() }, message);
            this.event(K.KIND_COMMAND_REJECTED, message, { reason: 'fenced', leaseId });
            break;
          }
        }
        if (!this.safety.grantLease(leaseId, token)) {
          // A grant from a hub that lost the lease (delivered late): the newer holder keeps the robot.
          this.counters.rejected++;
          this.rejections.set('fenced', (this.rejections.get('fenced') ?? 0) + 1);
          const message = `refused the grant of lease "${leaseId}": its fencing token ${token} is not above ${this.safety.highestFencingToken} this robot has seen`;
          this.logger.warn({ leaseId, fencingToken: token.toString(), highest: this.safety.highestFencingToken.toString() }, message);
          this.event(K.KIND_COMMAND_REJECTED, message, { reason: 'fenced', leaseId });
          break;
        }
        this.logger.info({ leaseId, operator: ev.leaseGranted?.operatorId, fencingToken: token.toString() }, 'lease granted');
        this.event(K.KIND_LEASE_APPLIED, `lease granted to ${ev.leaseGranted?.operatorId ?? '?'}`, { leaseId });
        break;
      }
      case 'leaseRevoked': {
        const leaseId = ev.leaseRevoked?.leaseId ?? '';
        if (this.safety.revokeLease(leaseId)) this.logger.info({ leaseId, reason: ev.leaseRevoked?.reason }, 'lease revoked');
        break;
      }
      case 'estop': {
        const reason = `by ${ev.estop?.source || 'unknown'}${ev.estop?.reason ? `: ${ev.estop.reason}` : ''}`;
        this.safety.engageEStop(reason);
        this.logger.warn({ reason, estopId: ev.estop?.id }, 'E-STOP engaged');
        // Engaged (the next control step holds): this event is what confirms the hub's latch.
        this.event(K.KIND_ESTOP_ENGAGED, `e-stop ${reason}`, { estopId: ev.estop?.id ?? '' });
        break;
      }
      case 'estopReset': {
        const wasEngaged = this.safety.resetEStop();
        if (wasEngaged) this.logger.warn({ source: ev.estopReset?.source, estopId: ev.estopReset?.id }, 'e-stop reset');
        // Answered either way, so the hub's latch is cleared even when this robot (restarted) was not e-stopped.
        this.event(K.KIND_ESTOP_RESET, `e-stop reset by ${ev.estopReset?.source || 'unknown'}${wasEngaged ? '' : ' (it was not engaged)'}`, { estopId: ev.estopReset?.id ?? '' });
        this.resetDriverFaults(ev.estopReset?.source || 'unknown');
        break;
      }
      case 'episodeStart': {
        const e = v1.EpisodeStart.create(ev.episodeStart ?? {});
        this.recorder?.start({ episodeId: e.episodeId, task: e.task, operator: e.operator, fps: e.fps }).catch((err: Error) => {
          this.logger.error({ episodeId: e.episodeId }, `cannot record episode: ${err.message}`);
          this.event(K.KIND_FAULT, `cannot record episode ${e.episodeId}: ${err.message}`);
        });
        break;
      }
      case 'episodeStop': {
        const e = v1.EpisodeStop.create(ev.episodeStop ?? {});
        const outcome = e.outcome === 'success' || e.outcome === 'discard' ? e.outcome : 'failure';
        this.recorder?.stop(e.episodeId, outcome).then(
          () => this.uploader?.kick(),
          (err: Error) => this.logger.error({ episodeId: e.episodeId }, `cannot end episode: ${err.message}`),
        );
        break;
      }
      default:
        this.logger.debug({ event: ev.event }, 'session event not handled by this agent');
    }
    this.loop.poke();
    this.publishStatus();
  }

  /** The operator's reset also clears a driver's latched faults, once the robot is healthy; a refusal is told, never thrown. */
  private resetDriverFaults(by: string): void {
    if (!this.driver.resetFaults || this.faults.length === 0) return;
    this.driver.resetFaults().then(
      () => {
        this.logger.warn({ by }, 'driver faults reset');
        this.loop.poke();
      },
      (err: Error) => {
        this.logger.warn({ by }, `fault reset refused: ${err.message}`);
        this.event(v1.RobotEvent.Kind.KIND_FAULT, `fault reset refused: ${err.message}`);
      },
    );
  }

  private onPing(payload: Buffer): void {
    const t1 = nowNs();
    let ping: v1.Ping;
    try {
      ping = v1.Ping.decode(payload);
    } catch {
      this.counters.malformed++;
      return;
    }
    if (ping.offsetKnown) {
      this.clockOffsetNs = fromLong(ping.offsetNs);
      this.safety.setClockOffset(this.clockOffsetNs);
    }
    const pong = v1.Pong.encode({ id: ping.id, t0Ns: ping.t0Ns, t1Ns: toLong(t1), t2Ns: toLong(nowNs()) }).finish();
    this.link.publish('pong', pong);
  }

  /** Without the hub nobody can drive: drop the lease locally and hold; a recording ends as a failure. */
  private onDisconnect(): void {
    const recording = this.recorder?.recordingId;
    if (recording) {
      this.recorder!.stop(recording, 'failure', 'the robot lost the hub during the recording').then(
        () => this.uploader?.kick(),
        (err: Error) => this.logger.error({ episodeId: recording }, `cannot end episode: ${err.message}`),
      );
    }
    const lease = this.safety.currentLeaseId;
    if (lease !== null) {
      this.safety.revokeLease(lease);
      this.logger.warn({ leaseId: lease }, 'lost the hub: lease dropped, holding pose');
      this.loop.poke();
    }
  }

  private event(kind: v1.RobotEvent.Kind, message: string, extra: { reason?: string; leaseId?: string; sequence?: bigint; estopId?: string } = {}): void {
    const time = nowNs();
    const bytes = v1.RobotEvent.encode({
      timeNs: toLong(nowNs()),
      kind,
      message,
      reason: extra.reason ?? '',
      leaseId: extra.leaseId ?? this.safety.currentLeaseId ?? '',
      sequence: toLong(extra.sequence ?? 0n),
      estopId: extra.estopId ?? '',
    }).finish();
    this.recorder?.recordEvent(bytes, time);
    this.link.publish('events', bytes, { qos: 1 });
  }

  private encodeDescription(): Uint8Array {
    const d = this.driver.describe();
    return v1.RobotDescription.encode({
      robotId: this.config.robotId,
      model: d.model,
      joints: d.joints,
      cameras: this.cameras.map(({ camera, codec }) => ({ name: camera.name, width: camera.width, height: camera.height, fps: camera.fps, codec, source: camera.source })),
      controlModes: d.controlModes,
      urdf: d.urdf ?? '',
      urdfUrl: d.urdfUrl ?? '',
      gripperJoint: d.gripperJoint ?? '',
      stateRateHz: this.config.stateRateHz,
      controlRateHz: this.config.controlRateHz,
      holdTimeoutMs: this.config.holdTimeoutMs,
      agentVersion: AGENT_VERSION,
      driver: this.driver.name,
      signingAddress: this.key.address,
    }).finish();
  }

  private encodeStatus(): Uint8Array {
    return v1.RobotStatus.encode({
      timeNs: toLong(nowNs()),
      mode: this.safety.mode,
      estop: this.safety.estopped,
      estopReason: this.safety.estopDescription,
      faults: [...this.faults, ...this.cameraFaults.values()].map((f) => ({ code: f.code, message: f.message, joint: f.joint ?? '' })),
      leaseId: this.safety.currentLeaseId ?? '',
      commandsApplied: toLong(this.counters.applied),
      commandsRejected: toLong(this.counters.rejected),
      clockOffsetNs: toLong(this.clockOffsetNs, false),
      recordingEpisodeId: this.recorder?.recordingId ?? '',
      cameras: this.cameraThreads.map((camera) => {
        const stats = camera.stats;
        const recording = camera.recordingProgress;
        return {
          name: camera.description.name,
          framesCaptured: toLong(BigInt(stats.framesIn)),
          framesSkipped: toLong(BigInt(stats.framesSkipped)),
          encoderRestarts: stats.restarts,
          keyframesForced: stats.forcedKeyframes,
          encodeLatencyP50Ms: stats.encodeLatencyP50Ms,
          encodeLatencyP95Ms: stats.encodeLatencyP95Ms,
          fault: this.cameraFaults.get(camera.description.name)?.message ?? '',
          recordingFrames: toLong(BigInt(recording?.frames ?? 0)),
          recordingDroppedFrames: toLong(BigInt(recording?.dropped ?? 0)),
        };
      }),
      control: (() => {
        const t = this.loop.timing();
        return { ...t, steps: toLong(BigInt(t.steps)), overruns: toLong(BigInt(t.overruns)) };
      })(),
    }).finish();
  }

  private publishStatus(): void {
    this.link.publish('status', this.encodeStatus(), { qos: 1, retain: true });
  }
}

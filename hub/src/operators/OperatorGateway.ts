// The operators' door into the hub (socket.io): robot lists and presence,
// state subscriptions, leases, commands, e-stop, and clock probes. Every
// request is checked here; problems come back as typed OperatorErrors.
import {
  fromLong,
  nowNs,
  toLong,
  v1,
  type LeaseUpdate,
  type OperatorErrorCode,
  type RecordingLimits,
  type RobotSummary,
} from '@teleop/proto';
import { decide, type Action, type Actor } from '../access/access.ts';
import { ClockEstimator } from '../clock/ClockEstimator.ts';
import type { Logger } from '../log.ts';
import type { HubMetrics } from '../metrics/HubMetrics.ts';
import type { EStopLatches } from '../robots/EStopLatches.ts';
import type { RobotFleet, RobotSession } from '../robots/RobotFleet.ts';
import type { ControlLeases } from './LeaseManager.ts';
import { onRequest, OperatorRequestError, reportError, robotIdOf, type OperatorServer, type OperatorSocket } from './operatorRequests.ts';
import type { StateFanout } from './StateFanout.ts';

export interface OperatorGatewayOptions {
  io: OperatorServer;
  /** Who a connection is: its signed-in wallet address, or null to refuse it. */
  identify: (headers: { authorization?: string; cookie?: string }, authToken: unknown) => Promise<string | null>;
  /** Whether an address has the admin role (--admin-addresses). */
  isAdmin: (address: string) => boolean;
  fleet: RobotFleet;
  leases: ControlLeases;
  estops: EStopLatches;
  fanout: StateFanout;
  metrics: HubMetrics;
  logger: Logger;
  /** Default and ceiling of a subscriber's state rate. */
  stateMaxRateHz: number;
  hubVersion: string;
  /** The limits the automatic checks hold recordings to (told to every console in `hello`). */
  recordingLimits: RecordingLimits;
  clockProbeIntervalMs?: number;
  /** Connections one wallet may hold at once (default 16). */
  maxConnectionsPerWallet?: number;
  /** Longest queue behind a robot's lease (default 100). */
  maxQueueLength?: number;
}

/**
 * Queue positions and robot summaries are sent at most this often per robot: when hundreds of queued connections
 * come and go at once, each change is not sent to everyone (work that grew with the square of the crowd).
 */
const COALESCE_MS = 50;
/**
 * A summary whose only change is its queue length goes to everyone at most this often: with hundreds of
 * connections, sending each of them every queue change was most of the hub's work while a crowd came and went.
 */
const QUEUE_LENGTH_COALESCE_MS = 1000;
/**
 * While commands flow, the holder is told its lease's new idle deadline at most this often: the console's countdown
 * stays true (it sat at "0 s" while the lease was kept) without a message per command.
 */
const LEASE_REFRESH_MS = 1000;

function toBuffer(data: unknown): Buffer | null {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return null;
}

export class OperatorGateway {
  private readonly probeTimer: NodeJS.Timeout;
  private readonly walletConnections = new Map<string, number>();
  /** Robots whose queue positions, and robots whose summary, are to be sent at the next flush. */
  private readonly queuesToSend = new Set<string>();
  private readonly summariesToSend = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly queueLengthsToSend = new Set<string>();
  private queueLengthTimer: NodeJS.Timeout | null = null;
  /** The queue position each waiting connection was last told, per robot: only a change is sent. */
  private readonly toldPositions = new Map<string, Map<string, number>>();
  /** Per lease id: the activity time its holder was last told (its idle deadline is that plus the idle time). */
  private readonly toldActivity = new Map<string, number>();

  constructor(private readonly o: OperatorGatewayOptions) {
    o.io.use((socket, next) => {
      const auth = socket.handshake.auth as { token?: unknown } | undefined;
      o.identify(socket.handshake.headers as { authorization?: string; cookie?: string }, auth?.token).then(
        (address) => {
          if (!address) {
            o.metrics.drop('operator', 'unauthenticated');
            return next(Object.assign(new Error('sign in with your wallet first: no valid session'), { data: { code: 'unauthenticated' } }));
          }
          const held = this.walletConnections.get(address) ?? 0;
          const max = o.maxConnectionsPerWallet ?? 16;
          if (held >= max) {
            o.metrics.drop('operator', 'too_many_connections');
            o.metrics.operatorRefusals.inc({ limit: 'connections_per_wallet' });
            return next(Object.assign(new Error(`this wallet already holds ${held} connections to the hub, the most one wallet may; close some (other tabs, scripts) first`), { data: { code: 'too_many_connections' } }));
          }
          // Counted from here (handshakes run concurrently), given back when the connection ends.
          this.walletConnections.set(address, held + 1);
          socket.data.operatorId = address;
          next();
        },
        (err: unknown) => next(err as Error),
      );
    });
    o.io.on('connection', (socket) => this.onConnection(socket));
    o.fleet.on('changed', (robotId) => this.broadcastSummary(robotId));
    o.fleet.on('state', (robotId, payload, state) => o.fanout.publish(robotId, payload, `${state.leaseId}:${fromLong(state.appliedSequence)}`));
    o.fleet.on('status', (robotId, payload) => {
      for (const sink of o.fanout.sinks(robotId)) this.socket(sink.id)?.emit('robot:status', robotId, payload);
    });
    // What the robot refused or did on its own (stale commands, watchdog holds, faults) is the operator's to know.
    o.fleet.on('event', (robotId, event) => {
      const sinks = o.fanout.sinks(robotId);
      if (sinks.length === 0) return;
      const payload = Buffer.from(v1.RobotEvent.encode(event).finish());
      for (const sink of sinks) this.socket(sink.id)?.emit('robot:event', robotId, payload);
      o.metrics.operatorOut.inc({ event: 'robot:event' }, sinks.length);
    });
    // A robot that went offline has no driver when it is back: its lease ends, and nobody's old command stream
    // resumes on a reconnected (or restarted) robot until a lease is granted again.
    o.fleet.on('offline', (robotId) => o.leases.revoke(robotId, 'robot_offline'));
    o.estops.on('changed', (robotId) => this.broadcastSummary(robotId));
    o.fleet.on('removed', (robotId) => this.onRobotRemoved(robotId));
    o.leases.on('granted', (robotId, holder) => {
      o.metrics.leaseChanges.inc({ change: 'granted' });
      o.fleet.sendSession(robotId, {
        leaseGranted: { leaseId: holder.leaseId, operatorId: holder.operatorId, expiresAtNs: toLong(BigInt(holder.expiresAtMs) * 1_000_000n), fencingToken: toLong(BigInt(holder.fencingToken ?? 0)) },
      });
      this.emitLease(holder.connectionId, o.leases.updateFor(robotId, holder.connectionId));
      this.toldActivity.set(holder.leaseId, holder.lastActivityMs);
      o.logger.info({ robotId, operatorId: holder.operatorId, leaseId: holder.leaseId }, 'lease granted');
      this.broadcastSummary(robotId);
    });
    o.leases.on('ended', (robotId, holder, reason) => {
      this.toldActivity.delete(holder.leaseId);
      o.metrics.leaseChanges.inc({ change: reason });
      o.fleet.sendSession(robotId, { leaseRevoked: { leaseId: holder.leaseId, reason } });
      this.emitLease(holder.connectionId, { robotId, status: 'revoked', leaseId: holder.leaseId, reason });
      o.logger.info({ robotId, operatorId: holder.operatorId, leaseId: holder.leaseId, reason }, 'lease ended');
      this.broadcastSummary(robotId);
    });
    o.leases.on('queue', (robotId) => {
      this.queuesToSend.add(robotId);
      this.scheduleFlush();
      this.queueLengthsToSend.add(robotId);
      this.queueLengthTimer ??= setTimeout(() => {
        this.queueLengthTimer = null;
        for (const id of this.queueLengthsToSend) this.broadcastSummary(id);
        this.queueLengthsToSend.clear();
      }, QUEUE_LENGTH_COALESCE_MS);
    });
    this.probeTimer = setInterval(() => {
      for (const s of o.io.of('/').sockets.values()) this.probeClock(s);
    }, o.clockProbeIntervalMs ?? 2000);
  }

  close(): void {
    clearInterval(this.probeTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.queueLengthTimer) clearTimeout(this.queueLengthTimer);
  }

  summaryOf(session: RobotSession): RobotSummary {
    const holder = this.o.leases.holder(session.record.id);
    return this.o.fleet.summary(session, { holder: holder?.operatorId ?? null, queueLength: this.o.leases.queueLength(session.record.id), estopLatch: this.o.estops.view(session.record.id) });
  }

  /** Hubs sharing robots: a robot another hub ingests is subscribed to here while this hub's operators watch it. */
  private watchersChanged(robotId: string): void {
    this.o.fleet.setWatched(robotId, this.o.fanout.sinks(robotId).length > 0);
  }

  private socket(id: string): OperatorSocket | undefined {
    return this.o.io.of('/').sockets.get(id);
  }

  private emitLease(connectionId: string, update: LeaseUpdate): void {
    const s = this.socket(connectionId);
    if (!s) return;
    s.emit('lease:update', update);
    this.o.metrics.operatorOut.inc({ event: 'lease:update' });
  }

  /** Sends every connection the robot's summary, at the next flush (coalesced). */
  private broadcastSummary(robotId: string): void {
    this.summariesToSend.add(robotId);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), COALESCE_MS);
  }

  /** One pass per robot over its queue, and one summary to everyone: O(connections) however many changes it covers. */
  private flush(): void {
    this.flushTimer = null;
    for (const robotId of this.queuesToSend) {
      const told = this.toldPositions.get(robotId) ?? new Map<string, number>();
      const now = new Map<string, number>();
      this.o.leases.queued(robotId).forEach((e, i) => {
        now.set(e.connectionId, i + 1);
        if (told.get(e.connectionId) !== i + 1) this.emitLease(e.connectionId, { robotId, status: 'queued', position: i + 1 });
      });
      if (now.size > 0) this.toldPositions.set(robotId, now);
      else this.toldPositions.delete(robotId);
    }
    this.queuesToSend.clear();
    for (const robotId of this.summariesToSend) {
      this.queueLengthsToSend.delete(robotId); // this summary carries the queue length too
      const session = this.o.fleet.get(robotId);
      if (session) this.o.io.emit('robot:presence', this.summaryOf(session));
    }
    this.summariesToSend.clear();
  }

  private onRobotRemoved(robotId: string): void {
    this.o.leases.revoke(robotId, 'robot_removed');
    for (const sink of this.o.fanout.sinks(robotId)) {
      this.socket(sink.id)?.emit('operator:error', { code: 'unknown_robot', message: `robot ${robotId} was revoked by its owner`, robotId });
      this.o.fanout.unsubscribe(robotId, sink.id);
    }
  }

  private onConnection(socket: OperatorSocket): void {
    const { metrics, logger, leases, fanout } = this.o;
    socket.data.clock = new ClockEstimator();
    socket.data.errorWindow = { startMs: 0, count: 0 };
    metrics.operatorsConnected.inc();
    logger.info({ operatorId: socket.data.operatorId, connection: socket.id }, 'operator connected');
    socket.emit('hello', { operatorId: socket.data.operatorId, hubVersion: this.o.hubVersion, recordingLimits: this.o.recordingLimits });
    for (let i = 0; i < 3; i++) setTimeout(() => socket.connected && this.probeClock(socket), i * 150).unref();

    socket.on('disconnect', (reason) => {
      metrics.operatorsConnected.dec();
      const held = (this.walletConnections.get(socket.data.operatorId) ?? 1) - 1;
      if (held > 0) this.walletConnections.set(socket.data.operatorId, held);
      else this.walletConnections.delete(socket.data.operatorId);
      leases.releaseConnection(socket.id, 'disconnected');
      const watched = fanout.subscriptionsOf(socket.id);
      fanout.unsubscribeAll(socket.id);
      for (const robotId of watched) this.watchersChanged(robotId);
      logger.info({ operatorId: socket.data.operatorId, connection: socket.id, reason }, 'operator disconnected');
    });

    onRequest(socket, this.o, 'robots:list', async () => this.o.fleet.all().map((s) => this.summaryOf(s)));

    onRequest(socket, this.o, 'robot:subscribe', async (req) => {
      const robotId = robotIdOf(req);
      const session = await this.requireRobot(robotId, socket, 'robot:watch');
      const asked = (req as { maxRateHz?: unknown }).maxRateHz;
      const rate = typeof asked === 'number' && asked > 0 ? Math.min(asked, this.o.stateMaxRateHz) : this.o.stateMaxRateHz;
      fanout.subscribe(robotId, { id: socket.id, send: (id, payload) => this.sendState(socket, id, payload) }, rate);
      this.watchersChanged(robotId);
      if (session.statusBytes) socket.emit('robot:status', robotId, session.statusBytes);
      if (session.stateBytes) this.sendState(socket, robotId, session.stateBytes);
      return { description: session.descriptionBytes ?? Buffer.alloc(0), summary: this.summaryOf(session) };
    });

    onRequest(socket, this.o, 'robot:unsubscribe', async (req) => {
      const robotId = robotIdOf(req);
      fanout.unsubscribe(robotId, socket.id);
      this.watchersChanged(robotId);
      return null;
    });

    onRequest(socket, this.o, 'lease:request', async (req) => {
      const robotId = robotIdOf(req);
      const session = await this.requireRobot(robotId, socket, 'robot:drive');
      if (!session.online) throw new OperatorRequestError('robot_offline', `robot ${robotId} is offline; its lease can be taken once it is back`, robotId);
      const place = leases.placeOf(robotId, socket.data.operatorId);
      if (place !== null && place !== socket.id) {
        metrics.operatorRefusals.inc({ limit: 'queue_per_wallet' });
        const what = leases.holder(robotId)?.connectionId === place ? 'holds' : 'waits for';
        throw new OperatorRequestError('one_place_per_wallet', `your wallet already ${what} the lease of ${robotId} on another connection (another tab?); release it there first`, robotId);
      }
      const maxQueue = this.o.maxQueueLength ?? 100;
      if (place === null && leases.holder(robotId) && leases.queueLength(robotId) >= maxQueue) {
        metrics.operatorRefusals.inc({ limit: 'queue_length' });
        throw new OperatorRequestError('queue_full', `${maxQueue} connections already wait for the lease of ${robotId}, the most the hub queues; try again later`, robotId);
      }
      const update = await leases.request(robotId, socket.data.operatorId, socket.id);
      if (update.status === 'queued') {
        metrics.leaseChanges.inc({ change: 'queued' });
        // The answer tells the position; the next flush need not.
        let told = this.toldPositions.get(robotId);
        if (!told) this.toldPositions.set(robotId, (told = new Map()));
        told.set(socket.id, update.position!);
      }
      return update;
    });

    onRequest(socket, this.o, 'lease:release', async (req) => {
      const robotId = robotIdOf(req);
      if (!leases.release(robotId, socket.id, 'released')) {
        throw new OperatorRequestError('not_lease_holder', `this connection neither holds nor waits for the lease of ${robotId}`, robotId);
      }
      return null;
    });

    // The e-stop path reads only memory before it sends (the robot session, the latch); the answer says `pending` until
    // the robot confirms, online or not.
    onRequest(socket, this.o, 'estop', async (req) => {
      const robotId = robotIdOf(req);
      const session = await this.requireRobot(robotId, socket, 'robot:estop');
      const reason = typeof (req as { reason?: unknown }).reason === 'string' ? String((req as { reason: string }).reason).slice(0, 200) : '';
      const latch = await this.o.estops.engage(robotId, socket.data.operatorId, reason);
      logger.warn({ robotId, operatorId: socket.data.operatorId, reason, online: session.online, estopId: latch.estopId, state: latch.state }, 'E-STOP requested by operator');
      return latch;
    });

    onRequest(socket, this.o, 'estop:reset', async (req) => {
      const robotId = robotIdOf(req);
      const session = await this.requireRobot(robotId, socket, 'robot:estop');
      if (!session.online) throw new OperatorRequestError('robot_offline', `robot ${robotId} is offline; its e-stop can be reset only with the robot there to confirm it`, robotId);
      const isOwner = decide(this.actorOf(socket), 'robot:manage', { kind: 'robot', robotId, owner: session.record.owner ?? null, enrolled: true }) === null;
      if (leases.holder(robotId)?.connectionId !== socket.id && !isOwner) {
        throw new OperatorRequestError('not_lease_holder', `only the lease holder or the robot's owner may reset the e-stop of ${robotId}; take the lease first`, robotId);
      }
      const latch = await this.o.estops.requestReset(robotId, socket.data.operatorId);
      logger.warn({ robotId, operatorId: socket.data.operatorId, estopId: latch?.estopId }, 'e-stop reset requested by operator');
      return latch;
    });

    socket.on('control', (robotId: unknown, payload: unknown) => {
      metrics.hot.controlIn.inc();
      try {
        this.onControl(socket, robotId, payload);
      } catch (err) {
        if (!(err instanceof OperatorRequestError)) throw err;
        reportError(socket, err, this.o.metrics);
      }
    });
  }

  /** The robot, when this socket's wallet may do `action` on it (decided in access/access.ts); a typed error otherwise. */
  private async requireRobot(robotId: string, socket: OperatorSocket, action: Action): Promise<RobotSession> {
    const session = await this.o.fleet.find(robotId);
    if (!session) throw new OperatorRequestError('unknown_robot', `no robot "${robotId}" is enrolled`, robotId);
    const denial = decide(this.actorOf(socket), action, { kind: 'robot', robotId, owner: session.record.owner ?? null, enrolled: true });
    if (denial) throw new OperatorRequestError('forbidden', denial.message, robotId);
    return session;
  }

  private actorOf(socket: OperatorSocket): Actor {
    const address = socket.data.operatorId;
    // The socket's actions (watch, drive, stop) are not a curator's to decide.
    return { kind: 'wallet', address, admin: this.o.isAdmin(address), curator: false, sessionExpiresAt: '' };
  }

  private onControl(socket: OperatorSocket, robotId: unknown, payload: unknown): void {
    const bytes = toBuffer(payload);
    if (typeof robotId !== 'string' || bytes === null) throw new OperatorRequestError('bad_request', 'control needs (robotId, ControlCommand bytes)');
    const session = this.o.fleet.get(robotId);
    if (!session) throw new OperatorRequestError('unknown_robot', `no robot "${robotId}" is enrolled`, robotId);
    let command: v1.ControlCommand;
    try {
      command = v1.ControlCommand.decode(bytes);
    } catch (err) {
      throw new OperatorRequestError('bad_command', `ControlCommand could not be decoded: ${(err as Error).message}`, robotId);
    }
    const seq = fromLong(command.sequence);
    if (!session.online || !session.description) throw new OperatorRequestError('robot_offline', `robot ${robotId} is offline; the command was not sent`, robotId);
    const leaseProblem = this.o.leases.check(robotId, socket.id, command.leaseId);
    if (leaseProblem) throw Object.assign(new OperatorRequestError(leaseProblem.code, leaseProblem.message, robotId), { sequence: seq });
    if (this.o.estops.held(robotId)) throw new OperatorRequestError('estopped', `robot ${robotId} is e-stopped (held by the hub until its reset is confirmed); reset the e-stop before driving`, robotId);
    if (session.status?.estop) throw new OperatorRequestError('estopped', `robot ${robotId} is e-stopped; reset the e-stop before driving`, robotId);
    checkCommandAgainst(session.description, command, robotId);

    const clock = socket.data.clock;
    if (clock.known) {
      const sentHubNs = fromLong(command.sendTimeNs) - clock.offsetNs;
      this.o.metrics.hot.operatorToHub.observe(Number(nowNs() - sentHubNs) / 1e9);
    }
    this.o.leases.touch(robotId);
    const holder = this.o.leases.holder(robotId);
    // Hubs sharing leases: the lease's fencing token goes with the command (the robot refuses older ones).
    this.o.fleet.sendCommand(robotId, command, bytes, holder?.fencingToken ?? 0);
    if (holder && holder.lastActivityMs - (this.toldActivity.get(holder.leaseId) ?? 0) >= LEASE_REFRESH_MS) {
      this.toldActivity.set(holder.leaseId, holder.lastActivityMs);
      this.emitLease(socket.id, this.o.leases.updateFor(robotId, socket.id));
    }
  }

  private sendState(socket: OperatorSocket, robotId: string, payload: Buffer): void {
    socket.emit('robot:state', robotId, payload);
    this.o.metrics.hot.stateOut.inc();
  }

  private probeClock(socket: OperatorSocket): void {
    const t0 = nowNs();
    socket.timeout(2000).emit('clock:ping', t0.toString(), (err: Error | null, t1: string, t2: string) => {
      if (err) return;
      const t3 = nowNs();
      let sample;
      try {
        sample = socket.data.clock.add(t0, BigInt(t1), BigInt(t2), t3);
      } catch {
        return; // not integers: ignore the probe
      }
      if (!sample) return;
      const best = socket.data.clock.best();
      if (best === sample) socket.emit('clock:offset', { offsetNs: best.offsetNs.toString(), rttNs: best.rttNs.toString() });
    });
  }
}

/** Checks a command's mode, shape and values against the robot's description (the agent checks again). */
export function checkCommandAgainst(d: v1.RobotDescription, command: v1.ControlCommand, robotId: string): void {
  const fail = (code: OperatorErrorCode, message: string): never => {
    throw new OperatorRequestError(code, `robot ${robotId} rejected the command: ${message}`, robotId);
  };
  if (!d.controlModes.includes(command.mode)) fail('bad_command', `control mode ${v1.ControlMode[command.mode] ?? command.mode} is not supported`);
  const values = command.values;
  const joints = command.mode === v1.ControlMode.CONTROL_MODE_GRIPPER ? d.joints.filter((j) => j.name === d.gripperJoint) : d.joints;
  if (values.length !== joints.length) fail('bad_command', `expected ${joints.length} values, got ${values.length}`);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const j = joints[i]!;
    // The fleet checked these limits when the robot described itself.
    const min = j.minPosition ?? 0;
    const max = j.maxPosition ?? 0;
    const maxVelocity = j.maxVelocity ?? 0;
    if (!Number.isFinite(v)) fail('non_finite', `joint ${j.name} value is ${v}`);
    if (command.mode === v1.ControlMode.CONTROL_MODE_JOINT_VELOCITY) {
      if (Math.abs(v) > maxVelocity) fail('out_of_limits', `joint ${j.name} velocity ${v} ${j.unit}/s exceeds its ${maxVelocity} ${j.unit}/s limit`);
    } else if (v < min || v > max) {
      fail('out_of_limits', `joint ${j.name} ${v} ${j.unit} is outside its [${min}, ${max}] ${j.unit} range`);
    }
  }
}

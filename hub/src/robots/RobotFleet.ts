// The live side of robots: what each connected robot announced, its latest
// state and status, its clock offset, and the checks every inbound message
// passes before anything else in the hub sees it.
// Hubs sharing robots (ClusterIngest): this hub ingests its share, takes the
// others' presence from Redis, and forwards the state of those it watches.
import { EventEmitter } from 'node:events';
import { allRobotsTopic, describedJoints, type EStopLatchView, fromLong, nowNs, parseRobotTopic, robotTopic, toLong, v1, type RobotChannel, type RobotSummary } from '@teleop/proto';
import type { BrokerLink, MessageHandler } from '../broker/BrokerLink.ts';
import { ClockEstimator } from '../clock/ClockEstimator.ts';
import type { Logger } from '../log.ts';
import type { DropReason, HubMetrics } from '../metrics/HubMetrics.ts';
import type { RobotRecord, RobotRegistry } from './RobotRegistry.ts';
import { checkUrdf, UrdfRefusedError, type UrdfPolicy } from './urdfPolicy.ts';
import { RobotBudget, type RobotBudgetOptions } from './RobotBudget.ts';
import type { ClusterIngest, SharedPresence } from './ClusterIngest.ts';

/** A message refused by the fleet, with a reason a robot owner can act on. */
export class RobotMessageError extends Error {
  override name = 'RobotMessageError';
  constructor(
    readonly reason: DropReason,
    message: string,
  ) {
    super(message);
  }
}

export interface RobotSession {
  record: RobotRecord;
  online: boolean;
  lastSeenMs: number | null;
  description: v1.RobotDescription | null;
  descriptionBytes: Buffer | null;
  /** Why the robot's last description was refused for its URDF, until it announces an acceptable one. */
  urdfRefusal: string | null;
  status: v1.RobotStatus | null;
  statusBytes: Buffer | null;
  state: v1.JointState | null;
  stateBytes: Buffer | null;
  clock: ClockEstimator;
  /** Commands forwarded and not yet seen applied, oldest first (bounded). */
  inFlight: { sequence: bigint; leaseId: string; hubNs: bigint }[];
  pings: Map<string, bigint>;
  nextPingId: bigint;
  /** Offline because the robot said so (or its last will did), or because it fell silent while still connected. */
  offlineBecause: 'presence' | 'silent' | null;
}

interface FleetEvents {
  /** Something in the robot's summary changed (presence, description, status). */
  changed: [robotId: string];
  online: [robotId: string];
  offline: [robotId: string];
  state: [robotId: string, payload: Buffer, state: v1.JointState];
  status: [robotId: string, payload: Buffer];
  event: [robotId: string, event: v1.RobotEvent];
  /** The robot was revoked: it is gone from the fleet. */
  removed: [robotId: string];
  /** A command's round trip (hub forward -> first state reflecting it), ms. */
  roundTrip: [robotId: string, ms: number];
}

export interface RobotFleetOptions {
  broker: BrokerLink;
  registry: RobotRegistry;
  metrics: HubMetrics;
  logger: Logger;
  maxPayloadBytes: number;
  /** What a robot's URDF may hold (the hub serves it on its own origin). */
  urdf: UrdfPolicy;
  /** Clock probe period per online robot. */
  pingIntervalMs?: number;
  /** How often to look for robots revoked, or whose secret was rotated, by another process (the CLI). */
  revocationPollMs?: number;
  /**
   * A robot that sends nothing for this long is offline, whatever its last presence said (it answers the hub's clock
   * probes every pingIntervalMs): a robot that left without a last will or an `offline` message.
   */
  silenceMs?: number;
  /** What each robot may send (default DEFAULT_ROBOT_BUDGET). */
  budget?: RobotBudgetOptions;
  /**
   * Hubs sharing the robots (--redis-url, external broker): this hub ingests the robots `ingest` gives it,
   * subscribing to each one's topics, and forwards the state of the others its operators watch. Unset: every robot
   * is this hub's (one wildcard subscription per channel).
   */
  share?: { ingest: ClusterIngest; topics: TopicSubscriber };
}

/** Exact-topic subscriptions of the external broker (ExternalBroker). */
export interface TopicSubscriber {
  subscribeTopics(topics: string[], handler: MessageHandler): Promise<void>;
  unsubscribeTopics(topics: string[]): Promise<void>;
}

/** Above what an agent sends (states at most 500/s, a few hundred bytes each; a URDF now and then). */
export const DEFAULT_ROBOT_BUDGET: RobotBudgetOptions = { stateRate: 600, bytesRate: 4 * 1024 * 1024, disconnectAfterMs: 3000, coolDownMs: 10_000 };

const INBOUND: RobotChannel[] = ['presence', 'describe', 'state', 'status', 'events', 'pong'];
/** What a hub that does not ingest a robot subscribes to while its operators watch it: forwarded, not judged. */
const FORWARDED: RobotChannel[] = ['state', 'status', 'events'];
/** How often a hub sharing robots looks for robots enrolled by another process (the CLI) that no hub announced. */
const ENROLLED_POLL_MS = 10_000;
/** How often a hub sharing robots reads every robot's shared presence again (announcements can be missed). */
const PRESENCE_POLL_MS = 10_000;
const MAX_IN_FLIGHT = 64;
/** Most drop warnings logged per robot per second; the counters keep the full count. */
const DROP_LOGS_PER_S = 5;

export class RobotFleet extends EventEmitter<FleetEvents> {
  private readonly sessions = new Map<string, RobotSession>();
  /** Robot ids the registry said are unknown or revoked, to drop their traffic without a lookup. */
  private readonly refused = new Set<string>();
  /** Messages from robots being looked up in the registry, replayed once known. */
  private readonly pending = new Map<string, [RobotChannel, Buffer][]>();
  private readonly dropLogWindow = new Map<string, { startMs: number; count: number }>();
  private pingTimer: NodeJS.Timeout | null = null;
  private revocationTimer: NodeJS.Timeout | null = null;
  private revocationCursor = new Date().toISOString();
  private rotationCursor = new Date().toISOString();

  private readonly budget: RobotBudget;
  private readonly budgetOptions: RobotBudgetOptions;
  /** Hubs sharing robots: the robots this hub ingests, those its operators watch, and the channels subscribed per robot. */
  private readonly ingested = new Set<string>();
  private readonly watched = new Set<string>();
  private readonly subscribed = new Map<string, Set<RobotChannel>>();
  private shareTimers: NodeJS.Timeout[] = [];
  private rebalancing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: RobotFleetOptions) {
    super();
    this.budgetOptions = options.budget ?? DEFAULT_ROBOT_BUDGET;
    this.budget = new RobotBudget(this.budgetOptions);
  }

  async start(): Promise<void> {
    const { registry, broker } = this.options;
    for (const record of await registry.list()) this.sessions.set(record.id, this.newSession(record));
    const share = this.options.share;
    if (share) {
      // The ingesting hub shares what it sees of its robots; the others take it from Redis.
      this.on('changed', (robotId) => this.pushPresence(robotId));
      share.ingest.on('membership', () => void this.rebalance());
      share.ingest.on('presence', (robotId) => void this.pullPresence([robotId]));
      share.ingest.on('enrolled', (robotId) => void this.find(robotId).then(() => this.rebalance(), () => undefined));
      await this.pullPresence([...this.sessions.keys()]);
      await this.rebalance();
      this.shareTimers = [
        setInterval(() => void this.pollEnrolled(), ENROLLED_POLL_MS),
        setInterval(() => void this.pullPresence([...this.sessions.keys()].filter((id) => !this.ingested.has(id))), PRESENCE_POLL_MS),
      ];
    } else {
      for (const channel of INBOUND) {
        await broker.subscribe(allRobotsTopic(channel), (topic, payload) => this.receive(topic, payload));
      }
    }
    this.pingTimer = setInterval(() => this.pingAll(), this.options.pingIntervalMs ?? 1000);
    this.revocationTimer = setInterval(() => void this.pollCredentialChanges(), this.options.revocationPollMs ?? 1000);
  }

  stop(): void {
    this.stopped = true;
    if (this.pingTimer) clearInterval(this.pingTimer);
    if (this.revocationTimer) clearInterval(this.revocationTimer);
    for (const t of this.shareTimers) clearInterval(t);
  }

  /** Whether this hub ingests the robot's messages (judges its presence, probes its clock, enforces its budget). */
  ingests(robotId: string): boolean {
    return this.options.share ? this.ingested.has(robotId) : this.sessions.has(robotId);
  }

  /** Robots this hub ingests. */
  get ingestedCount(): number {
    return this.options.share ? this.ingested.size : this.sessions.size;
  }

  /**
   * Whether this hub's operators watch a robot: a hub that does not ingest it subscribes to its state, status and
   * events directly at the broker while they do, to forward them (nothing else goes through Redis).
   */
  setWatched(robotId: string, watched: boolean): void {
    if (!this.options.share || watched === this.watched.has(robotId)) return;
    if (watched) this.watched.add(robotId);
    else this.watched.delete(robotId);
    this.rebalancing = this.rebalancing
      .then(() => this.syncSubscriptions([robotId]))
      .catch((err: Error) => this.options.logger.warn({ robotId, err: err.message }, `subscribing to watched robot ${robotId} at the broker failed`));
  }

  /** Robots move when the hubs alive change: this hub subscribes to the robots it gains and lets go of those it loses. */
  private rebalance(): Promise<void> {
    this.rebalancing = this.rebalancing.then(async () => {
      const share = this.options.share;
      if (!share || this.stopped) return;
      const gained: RobotSession[] = [];
      const lost: string[] = [];
      for (const [id, session] of this.sessions) {
        const owns = share.ingest.owns(id);
        if (owns && !this.ingested.has(id)) {
          this.ingested.add(id);
          gained.push(session);
        } else if (!owns && this.ingested.has(id)) {
          this.ingested.delete(id);
          session.pings.clear();
          lost.push(id);
        }
      }
      this.options.metrics.robotsIngested.set(this.ingested.size);
      if (gained.length === 0 && lost.length === 0) return;
      this.options.logger.info({ gained: gained.length, lost: lost.length, ingested: this.ingested.size }, 'robots moved between hubs');
      await this.syncSubscriptions([...gained.map((s) => s.record.id), ...lost]);
      for (const session of gained) {
        // Taken over from another hub: silence is judged from now, and the clock probed at once. The robot's
        // retained presence, description and status arrive with the subscription.
        if (session.online) {
          session.lastSeenMs = Date.now();
          this.burstPings(session);
        }
        this.pushPresence(session.record.id);
      }
      if (lost.length > 0) await this.pullPresence(lost);
    }).catch((err: Error) => this.options.logger.error({ err: err.message }, 'moving robots between hubs failed; retried when the hubs alive change'));
    return this.rebalancing;
  }

  /** Subscribes to, and unsubscribes from, what each robot needs: every channel when ingested, forwarding ones when watched. */
  private async syncSubscriptions(robotIds: string[]): Promise<void> {
    const share = this.options.share;
    if (!share) return;
    const add: string[] = [];
    const remove: string[] = [];
    for (const id of robotIds) {
      const need = this.ingested.has(id) && this.sessions.has(id) ? INBOUND : this.watched.has(id) && this.sessions.has(id) ? FORWARDED : [];
      const have = this.subscribed.get(id) ?? new Set<RobotChannel>();
      for (const c of need) if (!have.has(c)) add.push(robotTopic(id, c));
      for (const c of have) if (!need.includes(c)) remove.push(robotTopic(id, c));
      if (need.length > 0) this.subscribed.set(id, new Set(need));
      else this.subscribed.delete(id);
    }
    const handler: MessageHandler = (topic, payload) => this.receive(topic, payload);
    for (let i = 0; i < remove.length; i += 600) await share.topics.unsubscribeTopics(remove.slice(i, i + 600));
    for (let i = 0; i < add.length; i += 600) await share.topics.subscribeTopics(add.slice(i, i + 600), handler);
  }

  /** Writes a robot's presence to Redis for the other hubs, when this hub ingests it. */
  private pushPresence(robotId: string): void {
    const share = this.options.share;
    const s = this.sessions.get(robotId);
    if (!share || !s || !this.ingested.has(robotId)) return;
    const presence: SharedPresence = {
      online: s.online,
      offlineBecause: s.offlineBecause,
      lastSeenMs: s.lastSeenMs,
      description: s.descriptionBytes ? s.descriptionBytes.toString('base64') : null,
      status: s.statusBytes ? s.statusBytes.toString('base64') : null,
      urdfRefusal: s.urdfRefusal,
      hubId: share.ingest.hubId,
    };
    share.ingest.publishPresence(robotId, presence);
  }

  /** Takes robots' presence from Redis, as their ingesting hubs wrote it (robots this hub ingests are its own to judge). */
  private async pullPresence(robotIds: string[]): Promise<void> {
    const share = this.options.share;
    if (!share || robotIds.length === 0) return;
    let found: Map<string, SharedPresence>;
    try {
      found = await share.ingest.readPresence(robotIds);
    } catch (err) {
      this.options.logger.warn({ err: (err as Error).message }, 'reading robots\' presence from Redis failed; read again at the next look');
      return;
    }
    for (const [id, p] of found) {
      const s = this.sessions.get(id);
      if (!s || this.ingested.has(id)) continue;
      let changed = false;
      const description = s.descriptionBytes?.toString('base64') ?? null;
      if (p.description !== description) {
        try {
          const bytes = p.description === null ? null : Buffer.from(p.description, 'base64');
          s.description = bytes ? v1.RobotDescription.decode(bytes) : null;
          s.descriptionBytes = bytes;
          changed = true;
        } catch {
          this.options.logger.warn({ robotId: id }, 'undecodable shared description in Redis: ignored');
        }
      }
      const status = s.statusBytes?.toString('base64') ?? null;
      if (p.status !== status) {
        try {
          const bytes = p.status === null ? null : Buffer.from(p.status, 'base64');
          s.status = bytes ? v1.RobotStatus.decode(bytes) : null;
          s.statusBytes = bytes;
          changed = true;
        } catch {
          this.options.logger.warn({ robotId: id }, 'undecodable shared status in Redis: ignored');
        }
      }
      s.urdfRefusal = p.urdfRefusal;
      s.lastSeenMs = p.lastSeenMs;
      if (p.online !== s.online) {
        s.online = p.online;
        s.offlineBecause = p.online ? null : p.offlineBecause;
        changed = true;
        if (p.online) {
          this.options.metrics.robotsConnected.inc();
          this.emit('online', id);
        } else {
          this.options.metrics.robotsConnected.dec();
          s.inFlight = [];
          this.emit('offline', id);
        }
      }
      if (changed) this.emit('changed', id);
    }
  }

  /** Robots enrolled by another process (the CLI) that no hub announced: listed, and ingested by their hub. */
  private async pollEnrolled(): Promise<void> {
    try {
      let added = false;
      for (const record of await this.options.registry.list()) {
        if (this.sessions.has(record.id) || this.refused.has(record.id) || record.revokedAt !== null) continue;
        this.adopt(record, false);
        added = true;
      }
      if (added) await this.rebalance();
    } catch (err) {
      this.options.logger.error({ err }, 'looking for robots enrolled elsewhere failed');
    }
  }

  get(robotId: string): RobotSession | undefined {
    return this.sessions.get(robotId);
  }

  /** Looks a robot up, loading it from the registry if it was enrolled after the hub started. */
  async find(robotId: string): Promise<RobotSession | undefined> {
    const known = this.sessions.get(robotId);
    if (known) return known;
    const record = await this.options.registry.get(robotId);
    if (!record || record.revokedAt !== null) return undefined;
    return this.adopt(record, false);
  }

  all(): RobotSession[] {
    return [...this.sessions.values()];
  }

  get onlineCount(): number {
    let n = 0;
    for (const s of this.sessions.values()) if (s.online) n++;
    return n;
  }

  /**
   * Adds a freshly enrolled robot (from the API) without waiting for its first message; hubs sharing robots are
   * told (`announce`), and the one that ingests it subscribes to it.
   */
  adopt(record: RobotRecord, announce = true): RobotSession {
    const existing = this.sessions.get(record.id);
    if (existing) return existing;
    const session = this.newSession(record);
    this.sessions.set(record.id, session);
    this.refused.delete(record.id);
    this.emit('changed', record.id);
    const share = this.options.share;
    if (share) {
      if (announce) share.ingest.announceEnrolled(record.id);
      void this.rebalance();
    }
    return session;
  }

  /** Removes a revoked robot at once: disconnects it and tells listeners. */
  remove(robotId: string): void {
    const session = this.sessions.get(robotId);
    this.refused.add(robotId);
    if (!session) return;
    this.sessions.delete(robotId);
    this.budget.forget(robotId);
    if (this.options.share) {
      this.ingested.delete(robotId);
      this.watched.delete(robotId);
      this.options.share.ingest.forget(robotId);
      this.rebalancing = this.rebalancing.then(() => this.syncSubscriptions([robotId])).catch(() => undefined);
    }
    const kicked = this.options.broker.disconnectRobot(robotId);
    this.options.logger.warn({ robotId, kicked }, 'robot revoked: removed from the fleet');
    if (session.online) this.options.metrics.robotsConnected.dec();
    this.emit('removed', robotId);
  }

  /**
   * Ends the live connection of a robot whose secret was rotated, if it authenticated before `rotatedAtMs` (with
   * the old secret): a thief holding that secret is disconnected, and cannot come back.
   */
  endSessionsBefore(robotId: string, rotatedAtMs: number): void {
    const session = this.sessions.get(robotId);
    if (!session) return;
    const { broker, logger } = this.options;
    // An external broker cannot tell which connection used the old secret: its connection ends whatever its age.
    if (!broker.disconnectRobot(robotId, rotatedAtMs)) return;
    logger.warn({ robotId }, `robot ${robotId}'s secret was rotated: its connection with the old secret was ended`);
    // Whatever that connection left as its presence, it is gone.
    broker.publish(robotTopic(robotId, 'presence'), 'offline', { qos: 1, retain: true });
    this.setOnline(session, false, 'presence');
  }

  summary(session: RobotSession, lease: { holder: string | null; queueLength: number; estopLatch: EStopLatchView | null }): RobotSummary {
    return {
      robotId: session.record.id,
      name: session.record.name,
      // The model the owner enrolled; what the robot reports is in its description.
      model: session.record.model,
      online: session.online,
      lastSeenAt: session.lastSeenMs === null ? null : new Date(session.lastSeenMs).toISOString(),
      leaseHolder: lease.holder,
      queueLength: lease.queueLength,
      mode: v1.RobotMode[session.status?.mode ?? v1.RobotMode.ROBOT_MODE_UNSPECIFIED] ?? 'ROBOT_MODE_UNSPECIFIED',
      estop: session.status?.estop ?? false,
      estopLatch: lease.estopLatch,
      cameras: (session.description?.cameras ?? []).map((c) => ({ name: c.name ?? '', width: c.width ?? 0, height: c.height ?? 0, fps: c.fps ?? 0 })),
    };
  }

  /**
   * Forwards a command the gateway already checked (`bytes` is its encoding), stamped with the hub time and, with
   * hubs sharing leases, the lease's fencing token. The stamp is appended as more fields: protobuf keeps the last
   * value of a field, so no re-encode is needed.
   */
  sendCommand(robotId: string, command: v1.ControlCommand, bytes: Uint8Array, fencingToken = 0): void {
    const session = this.sessions.get(robotId);
    if (!session) return;
    const hubNs = nowNs();
    // The token is the hub's to set: appended fields win over the operator's; a 0 cannot be appended, so an operator's own token is cut out.
    const own = fromLong(command.fencingToken) !== 0n && fencingToken === 0 ? v1.ControlCommand.encode({ ...command, fencingToken: toLong(0n) }).finish() : bytes;
    const stamp = v1.ControlCommand.encode({ hubTimeNs: toLong(hubNs), fencingToken: toLong(BigInt(fencingToken)) }).finish();
    this.options.broker.publish(robotTopic(robotId, 'control'), Buffer.concat([own, stamp]), { qos: 0 });
    this.options.metrics.hot.controlOut.inc();
    session.inFlight.push({ sequence: fromLong(command.sequence), leaseId: command.leaseId, hubNs });
    if (session.inFlight.length > MAX_IN_FLIGHT) session.inFlight.shift();
  }

  sendSession(robotId: string, event: v1.SessionEvent.$Properties): void {
    const payload = v1.SessionEvent.encode({ timeNs: toLong(nowNs()), ...event }).finish();
    this.options.broker.publish(robotTopic(robotId, 'session'), payload, { qos: 1 });
    this.options.metrics.countMqttOut('session');
  }

  private newSession(record: RobotRecord): RobotSession {
    return {
      record,
      online: false,
      lastSeenMs: null,
      description: null,
      descriptionBytes: null,
      urdfRefusal: null,
      status: null,
      statusBytes: null,
      state: null,
      stateBytes: null,
      clock: new ClockEstimator(),
      inFlight: [],
      pings: new Map(),
      nextPingId: 1n,
      offlineBecause: null,
    };
  }

  private receive(topic: string, payload: Buffer): void {
    const parsed = parseRobotTopic(topic);
    if (!parsed?.channel || !INBOUND.includes(parsed.channel)) return;
    const { robotId, channel } = parsed;
    this.options.metrics.countMqttIn(channel);
    if (this.options.share && !this.ingested.has(robotId)) return this.forward(robotId, channel, payload);
    if (payload.length > this.options.maxPayloadBytes) {
      return this.dropped(robotId, new RobotMessageError('oversized', `${payload.length}-byte ${channel} message is over the ${this.options.maxPayloadBytes}-byte limit`));
    }
    const verdict = this.budget.admit(robotId, channel, payload.length);
    if (verdict !== 'ok') return this.overBudget(robotId, channel, verdict);
    const session = this.sessions.get(robotId);
    if (session) return this.handle(session, channel, payload);
    if (this.refused.has(robotId)) return this.dropped(robotId, new RobotMessageError('unknown_robot', `message on ${topic} from a robot that is not enrolled or was revoked`));
    // Not seen yet: a robot enrolled after start, or a stranger. Hold its messages while the registry answers.
    const queue = this.pending.get(robotId);
    if (queue) {
      if (queue.length < 32) queue.push([channel, payload]);
      return;
    }
    this.pending.set(robotId, [[channel, payload]]);
    this.options.registry.get(robotId).then(
      (record) => {
        const held = this.pending.get(robotId) ?? [];
        this.pending.delete(robotId);
        if (!record || record.revokedAt !== null) {
          this.refused.add(robotId);
          for (const [c] of held) {
            this.dropped(robotId, new RobotMessageError(record ? 'revoked_robot' : 'unknown_robot', `${c} message from robot ${robotId}, which is ${record ? 'revoked' : 'not enrolled'}`));
          }
          return;
        }
        const s = this.adopt(record);
        for (const [c, p] of held) this.handle(s, c, p);
      },
      (err: unknown) => {
        this.pending.delete(robotId);
        this.options.logger.error({ err, robotId }, 'registry lookup failed');
      },
    );
  }

  /**
   * A watched robot another hub ingests: its state, status and events go to this hub's operators (checked as the
   * ingesting hub checks them); its presence, budget and clock are that hub's to judge.
   */
  private forward(robotId: string, channel: RobotChannel, payload: Buffer): void {
    const session = this.sessions.get(robotId);
    if (!session || !FORWARDED.includes(channel)) return;
    if (payload.length > this.options.maxPayloadBytes) return this.options.metrics.drop('robot', 'oversized');
    try {
      if (channel === 'state') this.onState(session, payload);
      else if (channel === 'status') this.onStatus(session, payload);
      else this.onEvent(session, payload);
    } catch (err) {
      this.options.metrics.drop('robot', err instanceof RobotMessageError ? err.reason : 'malformed');
    }
  }

  private handle(session: RobotSession, channel: RobotChannel, payload: Buffer): void {
    if (channel !== 'presence') {
      session.lastSeenMs = Date.now();
      // A robot that fell silent and is heard again is back (one that said it left must say it is back).
      if (!session.online && session.offlineBecause === 'silent') this.setOnline(session, true, 'heard');
    }
    try {
      switch (channel) {
        case 'presence':
          return this.onPresence(session, payload);
        case 'describe':
          return this.onDescribe(session, payload);
        case 'state':
          return this.onState(session, payload);
        case 'status':
          return this.onStatus(session, payload);
        case 'events':
          return this.onEvent(session, payload);
        case 'pong':
          return this.onPong(session, payload);
        default:
          return;
      }
    } catch (err) {
      if (err instanceof RobotMessageError) return this.dropped(session.record.id, err);
      // protobufjs throws plain Errors for undecodable bytes.
      this.dropped(session.record.id, new RobotMessageError('malformed', `undecodable ${channel} message (${payload.length} bytes): ${(err as Error).message}`));
    }
  }

  private overBudget(robotId: string, channel: RobotChannel, verdict: 'throttled' | 'disconnect'): void {
    const { broker, logger, metrics } = this.options;
    this.dropped(robotId, new RobotMessageError('over_budget', `robot ${robotId} sends more ${channel} messages than its budget (${this.budget.rateOf(channel)}/s, ${this.budgetOptions.bytesRate} bytes/s in all)`));
    if (verdict !== 'disconnect') return;
    if (!broker.disconnectRobot(robotId)) return;
    metrics.robotBudgetDisconnects.inc();
    logger.warn({ robotId }, `robot ${robotId} stayed over its message budget for ${this.budgetOptions.disconnectAfterMs} ms: disconnected, and again if it sends within ${this.budgetOptions.coolDownMs} ms`);
  }

  private dropped(robotId: string, err: RobotMessageError): void {
    this.options.metrics.drop('robot', err.reason);
    const now = Date.now();
    let w = this.dropLogWindow.get(robotId);
    if (!w || now - w.startMs >= 1000) {
      w = { startMs: now, count: 0 };
      this.dropLogWindow.set(robotId, w);
    }
    if (w.count++ < DROP_LOGS_PER_S) this.options.logger.warn({ robotId, reason: err.reason }, `dropped message from robot ${robotId}: ${err.message}`);
  }

  private onPresence(session: RobotSession, payload: Buffer): void {
    const text = payload.toString('utf8');
    if (text !== 'online' && text !== 'offline') throw new RobotMessageError('malformed', `presence must be "online" or "offline", got "${text.slice(0, 40)}"`);
    session.lastSeenMs = Date.now();
    this.setOnline(session, text === 'online', 'presence');
  }

  private setOnline(session: RobotSession, online: boolean, why: 'presence' | 'silent' | 'heard'): void {
    if (online === session.online) return;
    session.online = online;
    session.offlineBecause = online ? null : why === 'silent' ? 'silent' : 'presence';
    const id = session.record.id;
    if (online) {
      this.options.metrics.robotsConnected.inc();
      this.options.logger.info({ robotId: id, why }, 'robot online');
      this.burstPings(session);
      this.emit('online', id);
    } else {
      this.options.metrics.robotsConnected.dec();
      this.options.logger.info({ robotId: id, why }, why === 'silent' ? `robot offline: nothing heard from it for ${this.silenceMs} ms` : 'robot offline');
      session.inFlight = [];
      this.emit('offline', id);
    }
    this.emit('changed', id);
  }

  private get silenceMs(): number {
    return this.options.silenceMs ?? 8000;
  }

  private onDescribe(session: RobotSession, payload: Buffer): void {
    const d = v1.RobotDescription.decode(payload);
    const id = session.record.id;
    if (d.robotId !== id) throw new RobotMessageError('malformed', `description names robot "${d.robotId}" but was published by ${id}`);
    if (d.joints.length === 0) throw new RobotMessageError('malformed', 'description lists no joints');
    const names = new Set<string>();
    for (const j of d.joints) {
      if (!j.name || names.has(j.name)) throw new RobotMessageError('malformed', `joint name "${j.name}" is empty or repeated`);
      names.add(j.name);
      const min = j.minPosition ?? Number.NaN;
      const max = j.maxPosition ?? Number.NaN;
      const maxVelocity = j.maxVelocity ?? Number.NaN;
      if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
        throw new RobotMessageError('malformed', `joint ${j.name} has invalid limits [${min}, ${max}]`);
      }
      if (!(maxVelocity > 0) || !Number.isFinite(maxVelocity)) throw new RobotMessageError('malformed', `joint ${j.name} has invalid max velocity ${maxVelocity}`);
    }
    if (d.urdf) {
      try {
        checkUrdf(d.urdf, this.options.urdf);
      } catch (err) {
        if (!(err instanceof UrdfRefusedError)) throw err;
        session.urdfRefusal = `robot ${id} announced a URDF the hub refuses: ${err.message}`;
        throw new RobotMessageError('bad_urdf', `description refused: ${err.message}; its URDF is not served until it announces an acceptable one`);
      }
    }
    if (d.model && d.model !== session.record.model) {
      this.options.logger.warn({ robotId: id, reported: d.model, enrolled: session.record.model }, `robot ${id} reports model ${d.model} but was enrolled as ${session.record.model}; the enrolled model is shown`);
    }
    session.urdfRefusal = null;
    session.description = d;
    session.descriptionBytes = payload;
    session.lastSeenMs = Date.now();
    // The checks judge episodes by the limits the robot first described: wider ones announced later change nothing.
    const limits = describedJoints(d).map((j) => ({ name: j.name, min: j.minPosition, max: j.maxPosition }));
    this.options.registry.registerJointLimits(id, limits).then(
      (registered) => {
        if (JSON.stringify(registered) !== JSON.stringify(limits)) {
          this.options.logger.warn({ robotId: id, announced: limits, registered }, `robot ${id} described joint limits other than its first ones; its episodes are checked against the first ones`);
        }
      },
      (err: unknown) => this.options.logger.error({ err, robotId: id }, 'registering the joint limits failed'),
    );
    if (d.signingAddress) {
      this.options.registry.registerSigningAddress(id, d.signingAddress).then(
        (registered) => {
          if (registered.toLowerCase() !== d.signingAddress.toLowerCase()) {
            this.options.logger.warn({ robotId: id, announced: d.signingAddress, registered }, `robot ${id} announced a different signing key; its manifests will be refused until the owner re-enrolls it`);
          }
        },
        (err: unknown) => this.options.logger.error({ err, robotId: id }, 'registering the signing key failed'),
      );
    }
    this.emit('changed', id);
  }

  private onState(session: RobotSession, payload: Buffer): void {
    const hubNs = nowNs();
    const state = v1.JointState.decode(payload);
    const joints = session.description?.joints.length;
    if (joints !== undefined && state.positions.length !== joints) {
      throw new RobotMessageError('malformed', `state has ${state.positions.length} positions, the robot described ${joints} joints`);
    }
    for (const p of state.positions) if (!Number.isFinite(p)) throw new RobotMessageError('malformed', 'state contains a non-finite position');
    session.state = state;
    session.stateBytes = payload;
    session.lastSeenMs = Date.now();
    const m = this.options.metrics;
    const offset = session.clock.offsetNs;
    const captureHubNs = fromLong(state.captureTimeNs) - offset;
    if (session.clock.known) m.stateLatency.observe(Number(hubNs - captureHubNs) / 1e9);
    const applied = fromLong(state.appliedSequence);
    if (session.inFlight.length > 0 && applied > 0n) {
      let k = 0;
      for (const f of session.inFlight) {
        const sameLease = f.leaseId === state.leaseId;
        if (sameLease && f.sequence > applied) break;
        if (sameLease && f.sequence === applied) {
          m.hot.roundTrip.observe(Number(hubNs - f.hubNs) / 1e9);
          this.emit('roundTrip', session.record.id, Number(hubNs - f.hubNs) / 1e6);
          if (session.clock.known) m.hot.hubToRobot.observe(Number(captureHubNs - f.hubNs) / 1e9);
        }
        k++;
      }
      if (k > 0) session.inFlight.splice(0, k);
    }
    this.emit('state', session.record.id, payload, state);
  }

  private onStatus(session: RobotSession, payload: Buffer): void {
    const status = v1.RobotStatus.decode(payload);
    const before = session.status;
    session.status = status;
    session.statusBytes = payload;
    session.lastSeenMs = Date.now();
    this.emit('status', session.record.id, payload);
    if (!before || before.mode !== status.mode || before.estop !== status.estop) this.emit('changed', session.record.id);
  }

  private onEvent(session: RobotSession, payload: Buffer): void {
    const event = v1.RobotEvent.decode(payload);
    this.options.logger.info(
      { robotId: session.record.id, kind: v1.RobotEvent.Kind[event.kind], reason: event.reason || undefined },
      `robot event: ${event.message}`,
    );
    this.emit('event', session.record.id, event);
  }

  private onPong(session: RobotSession, payload: Buffer): void {
    const t3 = nowNs();
    const pong = v1.Pong.decode(payload);
    const key = fromLong(pong.id).toString();
    const t0 = session.pings.get(key);
    if (t0 === undefined) return;
    session.pings.delete(key);
    session.clock.add(t0, fromLong(pong.t1Ns), fromLong(pong.t2Ns), t3);
  }

  private ping(session: RobotSession): void {
    const id = session.nextPingId++;
    const t0 = nowNs();
    session.pings.set(id.toString(), t0);
    if (session.pings.size > 16) session.pings.delete(session.pings.keys().next().value as string);
    const best = session.clock.best();
    const payload = v1.Ping.encode({
      id: toLong(id),
      t0Ns: toLong(t0),
      offsetNs: toLong(best?.offsetNs ?? 0n, false),
      offsetKnown: best !== null,
    }).finish();
    this.options.broker.publish(robotTopic(session.record.id, 'ping'), payload, { qos: 0 });
    this.options.metrics.countMqttOut('ping');
  }

  /** A few quick probes when a robot comes online, so its offset is known within a second. */
  private burstPings(session: RobotSession): void {
    for (let i = 0; i < 5; i++) {
      setTimeout(() => {
        if (session.online) this.ping(session);
      }, i * 100).unref();
    }
  }

  private pingAll(): void {
    const now = Date.now();
    for (const s of this.sessions.values()) {
      if (!s.online) continue;
      if (this.options.share && !this.ingested.has(s.record.id)) continue; // its hub probes it and judges its silence
      if (s.lastSeenMs !== null && now - s.lastSeenMs > this.silenceMs) this.setOnline(s, false, 'silent');
      else this.ping(s);
    }
  }

  private async pollCredentialChanges(): Promise<void> {
    try {
      const revoked = await this.options.registry.revokedSince(this.revocationCursor);
      for (const r of revoked) {
        if (r.revokedAt > this.revocationCursor) this.revocationCursor = r.revokedAt;
        this.remove(r.id);
      }
      const rotated = await this.options.registry.rotatedSince(this.rotationCursor);
      for (const r of rotated) {
        if (r.rotatedAt > this.rotationCursor) this.rotationCursor = r.rotatedAt;
        this.endSessionsBefore(r.id, Date.parse(r.rotatedAt));
      }
    } catch (err) {
      this.options.logger.error({ err }, 'checking for revoked robots and rotated secrets failed');
    }
  }
}

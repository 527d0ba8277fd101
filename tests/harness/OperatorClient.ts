// A Node operator speaking the same socket.io protocol as the browser console.
import { io, type Socket } from 'socket.io-client';
import { keyFor, signIn } from './signIn.ts';
import { PATIENCE_MS } from './processes.ts';
import {
  fromLong,
  nowNs,
  operatorSocketParser,
  toLong,
  v1,
  type Ack,
  type Binary,
  type ClientToServerEvents,
  type EStopLatchView,
  type LeaseUpdate,
  type OperatorError,
  type RobotSummary,
  type ServerToClientEvents,
  type SubscribeResult,
} from '@teleop/proto';

export class OperatorAckError extends Error {
  constructor(readonly error: OperatorError) {
    super(`${error.code}: ${error.message}`);
  }
}

export interface ReceivedState {
  robotId: string;
  state: v1.JointState;
  receivedNs: bigint;
}

export class OperatorClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly states: ReceivedState[] = [];
  readonly errors: OperatorError[] = [];
  readonly leaseUpdates: LeaseUpdate[] = [];
  readonly presence: RobotSummary[] = [];
  /** The latest RobotStatus of each subscribed robot. */
  readonly statuses = new Map<string, v1.RobotStatus>();
  private readonly stateWaiters: { match: (s: ReceivedState) => boolean; resolve: (s: ReceivedState) => void }[] = [];
  private sequence = 0n;
  leaseId: string | null = null;
  clockOffsetNs: bigint | null = null;

  /** Signs in as the test wallet of `name` and connects. */
  static async connect(hubUrl: string, name: string): Promise<OperatorClient> {
    const { token, address } = await signIn(hubUrl, keyFor(name));
    return new OperatorClient(hubUrl, token, address).connected();
  }

  constructor(
    hubUrl: string,
    /** The session token (Bearer) of the signed-in wallet, for the hub's HTTP API. */
    readonly token: string,
    /** The signed-in wallet address: the hub's operator id for this client. */
    readonly address: string,
    /** Headers of the WebSocket handshake, e.g. a load balancer's sticky cookie. */
    extraHeaders: Record<string, string> = {},
  ) {
    this.socket = io(hubUrl, { transports: ['websocket'], parser: operatorSocketParser, auth: { token }, reconnection: false, extraHeaders });
    this.socket.on('robot:state', (robotId: string, payload: Binary) => {
      const s = { robotId, state: v1.JointState.decode(new Uint8Array(payload as ArrayBuffer)), receivedNs: nowNs() };
      this.states.push(s);
      if (this.states.length > 20_000) this.states.splice(0, 10_000);
      for (const w of [...this.stateWaiters]) {
        if (w.match(s)) {
          this.stateWaiters.splice(this.stateWaiters.indexOf(w), 1);
          w.resolve(s);
        }
      }
    });
    this.socket.on('operator:error', (e) => this.errors.push(e));
    this.socket.on('lease:update', (u) => {
      this.leaseUpdates.push(u);
      if (u.status === 'granted') this.leaseId = u.leaseId ?? null;
      else if (u.status === 'revoked' && u.leaseId === this.leaseId) this.leaseId = null;
    });
    this.socket.on('robot:presence', (p) => this.presence.push(p));
    this.socket.on('robot:status', (robotId: string, payload: Binary) => this.statuses.set(robotId, v1.RobotStatus.decode(new Uint8Array(payload as ArrayBuffer))));
    this.socket.on('clock:ping', (_t0, ack) => {
      const t = nowNs().toString();
      ack(t, t);
    });
    this.socket.on('clock:offset', (o) => (this.clockOffsetNs = BigInt(o.offsetNs)));
  }

  async connected(): Promise<this> {
    if (this.socket.connected) return this;
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
    return this;
  }

  /** Sends a request and waits for the hub's answer; a hub that never answers (it died) fails the wait after the hang backstop. */
  async call<T>(send: (ack: (res: Ack<T>) => void) => void, what = 'a request'): Promise<T> {
    const res = await new Promise<Ack<T>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer from the hub to ${what} within ${PATIENCE_MS} ms`)), PATIENCE_MS);
      send((r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
    if (!res.ok) throw new OperatorAckError(res.error);
    return res.value;
  }

  listRobots(): Promise<RobotSummary[]> {
    return this.call((ack) => this.socket.emit('robots:list', ack));
  }

  subscribe(robotId: string, maxRateHz?: number): Promise<SubscribeResult & { describe: v1.RobotDescription }> {
    return this.call<SubscribeResult>((ack) => this.socket.emit('robot:subscribe', { robotId, maxRateHz }, ack)).then((r) => ({
      ...r,
      describe: v1.RobotDescription.decode(new Uint8Array(r.description as ArrayBuffer)),
    }));
  }

  async requestLease(robotId: string): Promise<LeaseUpdate> {
    const u = await this.call<LeaseUpdate>((ack) => this.socket.emit('lease:request', { robotId }, ack));
    if (u.status === 'granted') this.leaseId = u.leaseId ?? null;
    return u;
  }

  releaseLease(robotId: string): Promise<null> {
    return this.call((ack) => this.socket.emit('lease:release', { robotId }, ack));
  }

  /** Presses the e-stop; answers with the hub's latch (`pending` until the robot confirms). */
  estop(robotId: string, reason = 'test'): Promise<EStopLatchView> {
    return this.call((ack) => this.socket.emit('estop', { robotId, reason }, ack));
  }

  /** Asks for the e-stop's reset; answers with the latch `resetting` (null when the hub held none). */
  resetEstop(robotId: string): Promise<EStopLatchView | null> {
    return this.call((ack) => this.socket.emit('estop:reset', { robotId }, ack));
  }

  /** Sends one command; returns its sequence number. */
  send(robotId: string, values: number[], over: Partial<v1.ControlCommand.$Properties> = {}): bigint {
    const sequence = ++this.sequence;
    const bytes = v1.ControlCommand.encode({
      sequence: toLong(sequence),
      sendTimeNs: toLong(nowNs()),
      leaseId: this.leaseId ?? '',
      mode: v1.ControlMode.CONTROL_MODE_JOINT_POSITION,
      values,
      ...over,
    }).finish();
    this.socket.emit('control', robotId, bytes);
    return sequence;
  }

  /** Streams the same target at `hz` until stopped (a console keeps sending while the operator drives). */
  stream(robotId: string, values: number[] | (() => number[]), hz = 50): () => void {
    const timer = setInterval(() => this.send(robotId, typeof values === 'function' ? values() : values), 1000 / hz);
    return () => clearInterval(timer);
  }

  waitForState(match: (s: ReceivedState) => boolean, timeoutMs = PATIENCE_MS): Promise<ReceivedState> {
    const seen = this.states.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching state within ${timeoutMs} ms (have ${this.states.length})`)), timeoutMs);
      this.stateWaiters.push({
        match,
        resolve: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
      });
    });
  }

  /** Waits for the first state that reflects command `sequence`. */
  waitApplied(sequence: bigint, timeoutMs = PATIENCE_MS): Promise<ReceivedState> {
    return this.waitForState((s) => fromLong(s.state.appliedSequence) >= sequence && s.state.leaseId === this.leaseId, timeoutMs);
  }

  waitForError(code: OperatorError['code'], timeoutMs = PATIENCE_MS): Promise<OperatorError> {
    const start = Date.now();
    return new Promise((resolve, reject) => {
      const tick = (): void => {
        const e = this.errors.find((x) => x.code === code);
        if (e) return resolve(e);
        if (Date.now() - start > timeoutMs) return reject(new Error(`no ${code} error within ${timeoutMs} ms; got ${JSON.stringify(this.errors)}`));
        setTimeout(tick, 10);
      };
      tick();
    });
  }

  /** Waits until the robot itself reports that it applies this client's lease (it then takes its commands). */
  waitLeaseApplied(robotId: string, timeoutMs = PATIENCE_MS): Promise<void> {
    const start = Date.now();
    return new Promise((resolve, reject) => {
      const tick = (): void => {
        const status = this.statuses.get(robotId);
        if (this.leaseId && status?.leaseId === this.leaseId) return resolve();
        if (Date.now() - start > timeoutMs) return reject(new Error(`robot ${robotId} did not report lease ${this.leaseId} applied within ${timeoutMs} ms (its status says "${status?.leaseId ?? 'nothing'}")`));
        setTimeout(tick, 10);
      };
      tick();
    });
  }

  waitForLease(match: (u: LeaseUpdate) => boolean, timeoutMs = PATIENCE_MS): Promise<LeaseUpdate> {
    const start = Date.now();
    return new Promise((resolve, reject) => {
      const tick = (): void => {
        const u = this.leaseUpdates.find(match);
        if (u) return resolve(u);
        if (Date.now() - start > timeoutMs) return reject(new Error(`no matching lease update within ${timeoutMs} ms; got ${JSON.stringify(this.leaseUpdates)}`));
        setTimeout(tick, 10);
      };
      tick();
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}

// The agent's last line of defence, independent of any driver: it decides
// which commands may move the robot and turns them into a setpoint that
// respects joint position and velocity limits, holds when commands stop, and
// latches the e-stop until an explicit reset.
import { fromLong, v1 } from '@teleop/proto';

export interface SafetyJoint {
  name: string;
  minPosition: number;
  maxPosition: number;
  maxVelocity: number;
}

export interface SafetyConfig {
  joints: SafetyJoint[];
  /** Index of the joint CONTROL_MODE_GRIPPER drives; -1 when the robot has no gripper. */
  gripperIndex: number;
  /** Under an active lease, hold the pose when no command arrived for this long. */
  holdTimeoutMs: number;
  /** Drop commands older than this (by the hub's forward time, corrected by the clock offset). */
  maxCommandAgeMs: number;
}

/** Nanoseconds since the Unix epoch; injectable so tests control time. */
export type Clock = () => bigint;

export type RejectReason =
  | 'estopped'
  | 'no_lease'
  | 'wrong_lease'
  | 'fenced'
  | 'out_of_order'
  | 'stale'
  | 'clock_skew'
  | 'non_finite'
  | 'bad_length'
  | 'unsupported_mode'
  | 'fault';

export type CommandVerdict =
  | { accepted: true; clamped: boolean }
  | { accepted: false; reason: RejectReason; message: string };

export interface SafetyOutput {
  /** Goal positions to send to the driver (the dataset's action). */
  setpoint: number[];
  mode: v1.RobotMode;
  /** True on the tick the watchdog started holding. */
  holdStarted: boolean;
}

type Target =
  | { kind: 'position'; positions: number[] }
  | { kind: 'velocity'; velocities: number[] };

const NS_PER_MS = 1_000_000n;

export class SafetyLayer {
  private leaseId: string | null = null;
  /** Fencing token of the current lease (0: none, one hub). */
  private leaseToken = 0n;
  /** The highest fencing token any grant carried: hubs sharing leases never go back below it. */
  private highestToken = 0n;
  private lastSequence = 0n;
  private lastCommandAtNs: bigint | null = null;
  private estopReason: string | null = null;
  private faultActive = false;
  private faultWhy = '';
  private holding = false;
  private clockOffsetNs = 0n;
  private setpoint: number[] | null = null;
  private target: Target | null = null;
  private lastTickNs: bigint | null = null;
  private appliedSequence = 0n;
  private appliedLeaseId = '';
  /** Set when something must stop the robot: the next tick re-anchors the setpoint to the measured pose. */
  private freezeRequested = true;

  constructor(
    private readonly config: SafetyConfig,
    private readonly clock: Clock,
  ) {}

  get mode(): v1.RobotMode {
    if (this.faultActive) return v1.RobotMode.ROBOT_MODE_FAULT;
    if (this.estopReason !== null) return v1.RobotMode.ROBOT_MODE_ESTOPPED;
    if (this.leaseId === null) return v1.RobotMode.ROBOT_MODE_IDLE;
    return this.holding || this.lastCommandAtNs === null ? v1.RobotMode.ROBOT_MODE_HOLDING : v1.RobotMode.ROBOT_MODE_TELEOP;
  }

  get currentLeaseId(): string | null {
    return this.leaseId;
  }

  get estopped(): boolean {
    return this.estopReason !== null;
  }

  get estopDescription(): string {
    return this.estopReason ?? '';
  }

  /** Sequence and lease of the last command that reached the setpoint. */
  get applied(): { sequence: bigint; leaseId: string } {
    return { sequence: this.appliedSequence, leaseId: this.appliedLeaseId };
  }

  /** Robot clock minus hub clock, as estimated by the hub. */
  setClockOffset(offsetNs: bigint): void {
    this.clockOffsetNs = offsetNs;
  }

  get highestFencingToken(): bigint {
    return this.highestToken;
  }

  /** At start: the highest token a previous run saw (see FencingTokenFile). Never lowers it. */
  restoreHighestFencingToken(token: bigint): void {
    if (token > this.highestToken) this.highestToken = token;
  }

  /**
   * Makes `leaseId` the active lease. With hubs sharing leases the grant carries a fencing token: a grant whose
   * token is lower than the highest seen (a stale hub's, delivered late), or another lease under the token seen,
   * is refused (returns false) and the current lease stays.
   */
  grantLease(leaseId: string, fencingToken = 0n): boolean {
    if (this.leaseId === leaseId && this.leaseToken === fencingToken) return true;
    if (fencingToken < this.highestToken || (fencingToken > 0n && fencingToken === this.highestToken)) return false;
    if (fencingToken > this.highestToken) this.highestToken = fencingToken;
    this.leaseToken = fencingToken;
    this.leaseId = leaseId;
    this.lastSequence = 0n;
    this.lastCommandAtNs = null;
    this.stopMotion();
    return true;
  }

  /** Ends the lease if it is the current one; returns whether it was. */
  revokeLease(leaseId: string): boolean {
    if (this.leaseId !== leaseId) return false;
    this.leaseId = null;
    this.lastCommandAtNs = null;
    this.stopMotion();
    return true;
  }

  engageEStop(reason: string): void {
    this.estopReason = reason;
    // The command stream is over: the watchdog must not re-anchor the frozen pose later.
    this.lastCommandAtNs = null;
    this.stopMotion();
  }

  /** Clears the latch; the robot keeps holding until new commands arrive. */
  resetEStop(): boolean {
    if (this.estopReason === null) return false;
    this.estopReason = null;
    this.lastCommandAtNs = null;
    this.stopMotion();
    return true;
  }

  /** A driver fault stops motion and rejects commands until cleared; `why` goes into the rejections. */
  setFault(active: boolean, why = ''): void {
    this.faultWhy = why;
    // Anchored again to the measured pose both ways: a joint may have sagged while the fault lasted.
    if (active !== this.faultActive) {
      this.lastCommandAtNs = null;
      this.stopMotion();
    }
    this.faultActive = active;
  }

  /** Checks a command and, when it passes, makes it the new target. */
  submit(command: v1.ControlCommand): CommandVerdict {
    const now = this.clock();
    const sequence = fromLong(command.sequence);
    const reject = (reason: RejectReason, message: string): CommandVerdict => ({ accepted: false, reason, message });

    if (this.faultActive) return reject('fault', `the robot has an active fault${this.faultWhy ? ` (${this.faultWhy})` : ''}; motion is stopped until the fault is reset`);
    if (this.estopReason !== null) return reject('estopped', `e-stop is latched (${this.estopReason}); reset it before driving`);
    const token = fromLong(command.fencingToken);
    if (token < this.highestToken) {
      return reject('fenced', `command carries fencing token ${token}, lower than ${this.highestToken} this robot has seen: it comes from a hub that no longer holds the lease`);
    }
    if (this.leaseId === null) return reject('no_lease', 'no control lease is active on this robot');
    if (command.leaseId !== this.leaseId) return reject('wrong_lease', `command carries lease "${command.leaseId}", the active lease is another`);
    if (token !== this.leaseToken) return reject('wrong_lease', `command carries fencing token ${token}, the active lease's is ${this.leaseToken}`);
    if (sequence <= this.lastSequence) {
      return reject('out_of_order', `sequence ${sequence} is not newer than ${this.lastSequence}`);
    }
    const refNs = fromLong(command.hubTimeNs) || fromLong(command.sendTimeNs);
    if (refNs === 0n) return reject('stale', 'command carries no send time');
    const ageMs = Number(now - (refNs + this.clockOffsetNs)) / 1e6;
    if (ageMs > this.config.maxCommandAgeMs) {
      return reject('stale', `command is ${ageMs.toFixed(1)} ms old (limit ${this.config.maxCommandAgeMs} ms)`);
    }
    if (ageMs < -this.config.maxCommandAgeMs) {
      return reject('clock_skew', `command is stamped ${(-ageMs).toFixed(1)} ms in the future; clocks disagree`);
    }
    const values = command.values;
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) return reject('non_finite', `value ${i} is ${values[i]}, not a finite number`);
    }

    const joints = this.config.joints;
    let clamped = false;
    const clampTo = (v: number, lo: number, hi: number): number => {
      const c = Math.min(hi, Math.max(lo, v));
      if (c !== v) clamped = true;
      return c;
    };
    switch (command.mode) {
      case v1.ControlMode.CONTROL_MODE_JOINT_POSITION: {
        if (values.length !== joints.length) return reject('bad_length', `expected ${joints.length} positions, got ${values.length}`);
        this.target = { kind: 'position', positions: values.map((v, i) => clampTo(v, joints[i]!.minPosition, joints[i]!.maxPosition)) };
        break;
      }
      case v1.ControlMode.CONTROL_MODE_JOINT_VELOCITY: {
        if (values.length !== joints.length) return reject('bad_length', `expected ${joints.length} velocities, got ${values.length}`);
        this.target = { kind: 'velocity', velocities: values.map((v, i) => clampTo(v, -joints[i]!.maxVelocity, joints[i]!.maxVelocity)) };
        break;
      }
      case v1.ControlMode.CONTROL_MODE_GRIPPER: {
        const g = this.config.gripperIndex;
        if (g < 0) return reject('unsupported_mode', 'this robot has no gripper');
        if (values.length !== 1) return reject('bad_length', `expected 1 gripper value, got ${values.length}`);
        const base = this.target?.kind === 'position' ? [...this.target.positions] : [...(this.setpoint ?? [])];
        if (base.length !== joints.length) return reject('fault', 'no pose to move the gripper from yet');
        base[g] = clampTo(values[0]!, joints[g]!.minPosition, joints[g]!.maxPosition);
        this.target = { kind: 'position', positions: base };
        break;
      }
      default:
        return reject('unsupported_mode', `control mode ${command.mode} is not supported`);
    }
    this.lastSequence = sequence;
    this.lastCommandAtNs = now;
    this.holding = false;
    this.appliedSequence = sequence;
    this.appliedLeaseId = command.leaseId;
    return { accepted: true, clamped };
  }

  /** One control step: moves the setpoint toward the target within limits. */
  tick(measured: readonly number[]): SafetyOutput {
    const now = this.clock();
    const joints = this.config.joints;
    const dt = this.lastTickNs === null ? 0 : Math.max(0, Number(now - this.lastTickNs) / 1e9);
    this.lastTickNs = now;
    let holdStarted = false;

    if (
      this.leaseId !== null &&
      this.lastCommandAtNs !== null &&
      !this.holding &&
      now - this.lastCommandAtNs > BigInt(this.config.holdTimeoutMs) * NS_PER_MS
    ) {
      this.holding = true;
      holdStarted = true;
      this.stopMotion();
    }

    if (this.freezeRequested || this.setpoint === null || this.setpoint.length !== joints.length) {
      this.setpoint = joints.map((j, i) => Math.min(j.maxPosition, Math.max(j.minPosition, measured[i] ?? 0)));
      this.freezeRequested = false;
    } else if (this.target !== null && this.mode === v1.RobotMode.ROBOT_MODE_TELEOP) {
      const sp = this.setpoint;
      for (let i = 0; i < joints.length; i++) {
        const j = joints[i]!;
        const maxStep = j.maxVelocity * dt;
        let next: number;
        if (this.target.kind === 'position') {
          const delta = this.target.positions[i]! - sp[i]!;
          next = sp[i]! + Math.max(-maxStep, Math.min(maxStep, delta));
        } else {
          next = sp[i]! + this.target.velocities[i]! * dt;
        }
        sp[i] = Math.min(j.maxPosition, Math.max(j.minPosition, next));
      }
    }
    return { setpoint: [...this.setpoint], mode: this.mode, holdStarted };
  }

  private stopMotion(): void {
    this.target = null;
    this.freezeRequested = true;
  }
}

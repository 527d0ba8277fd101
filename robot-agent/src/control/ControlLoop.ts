// The agent's fixed-rate loop: read the driver, let the safety layer compute
// the setpoint, send it, and publish JointState at the state rate. A command
// that passes the safety layer is applied at once (one extra step) so the
// robot reacts without waiting for the next tick.
import { nowNs, toLong, v1 } from '@teleop/proto';
import type { Driver, JointReading } from '../drivers/Driver.ts';
import type { CommandVerdict, SafetyLayer } from './SafetyLayer.ts';

/** One control step as taken: the reading, when it was captured, and the setpoint applied on it. */
export interface StepSample {
  reading: JointReading;
  captureNs: bigint;
  setpoint: number[];
}

/** How punctual the loop is over its recent steps (up to the last 1,000), ms. */
export interface StepTiming {
  /** Scheduled steps taken so far, and how many started more than a period late. */
  steps: number;
  overruns: number;
  /** How late scheduled steps started against their due time. */
  lateP50Ms: number;
  lateP99Ms: number;
  lateMaxMs: number;
  /** How long a step took (read, safety, write). */
  durationP99Ms: number;
}

const TIMING_WINDOW = 1000;

export interface ControlLoopOptions {
  driver: Driver;
  safety: SafetyLayer;
  /** Internal loop rate, Hz (>= 100 recommended). */
  controlRateHz: number;
  /** JointState publication rate, Hz. */
  stateRateHz: number;
  /** Called with every JointState to publish. */
  publishState: (state: v1.JointState.$Properties) => void;
  /** Called when the robot's mode or e-stop changes, or the watchdog starts holding. */
  onModeChange?: (mode: v1.RobotMode, reason: 'watchdog' | 'other') => void;
  /** Called when a driver fault appears or clears. */
  onFault?: (faults: ReturnType<Driver['faults']>) => void;
  clock?: () => bigint;
}

export class ControlLoop {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stepping: Promise<void> | null = null;
  private stepAgain = false;
  private publishNext = false;
  private lastPublishNs = 0n;
  private stateSequence = 0n;
  private lastMode: v1.RobotMode | null = null;
  private lastFaultKey = '';
  private readonly clock: () => bigint;
  private readonly statePeriodNs: bigint;
  private last: JointReading | null = null;
  private lastCaptured = 0n;
  private lastSetpoint: number[] | null = null;
  /** Counts of steps and of steps that overran the loop period, for diagnostics. */
  readonly stats = { steps: 0, overruns: 0 };
  private readonly stepListeners = new Set<(s: StepSample) => void>();
  private readonly lateMs: number[] = [];
  private readonly durationMs: number[] = [];
  private scheduledSteps = 0;

  constructor(private readonly options: ControlLoopOptions) {
    this.clock = options.clock ?? nowNs;
    this.statePeriodNs = BigInt(Math.round(1e9 / options.stateRateHz));
  }

  get lastReading(): JointReading | null {
    return this.last;
  }

  /** The latest reading with its capture time and the setpoint applied on that step (for the recorder). */
  get latest(): { reading: JointReading; captureNs: bigint; setpoint: number[] } | null {
    return this.last && this.lastSetpoint ? { reading: this.last, captureNs: this.lastCaptured, setpoint: this.lastSetpoint } : null;
  }

  /** Calls `listener` with every step taken; returns the function that stops it. */
  onStep(listener: (s: StepSample) => void): () => void {
    this.stepListeners.add(listener);
    return () => this.stepListeners.delete(listener);
  }

  /** Punctuality of the recent scheduled steps. */
  timing(): StepTiming {
    const q = (values: number[], p: number): number => {
      if (values.length === 0) return 0;
      const sorted = [...values].sort((a, b) => a - b);
      return Number(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2));
    };
    return {
      steps: this.scheduledSteps,
      overruns: this.stats.overruns,
      lateP50Ms: q(this.lateMs, 0.5),
      lateP99Ms: q(this.lateMs, 0.99),
      lateMaxMs: q(this.lateMs, 1),
      durationP99Ms: q(this.durationMs, 0.99),
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const periodMs = 1000 / this.options.controlRateHz;
    let next = performance.now();
    const schedule = (): void => {
      if (!this.running) return;
      next += periodMs;
      const now = performance.now();
      if (next < now - periodMs) {
        this.stats.overruns++;
        next = now;
      }
      const due = next;
      this.timer = setTimeout(() => {
        const started = performance.now();
        this.scheduledSteps++;
        push(this.lateMs, Math.max(0, started - due));
        void this.step().finally(() => {
          push(this.durationMs, performance.now() - started);
          schedule();
        });
      }, Math.max(0, next - now));
    };
    schedule();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.stepping;
  }

  /** Passes a command through the safety layer and, if accepted, applies it now and publishes the state. */
  submit(command: v1.ControlCommand): CommandVerdict {
    const verdict = this.options.safety.submit(command);
    if (verdict.accepted) {
      this.publishNext = true;
      void this.step();
    }
    return verdict;
  }

  /** Re-evaluates safety now (after a session change such as e-stop) and publishes the state. */
  poke(): void {
    this.publishNext = true;
    void this.step();
  }

  /** Runs one step; concurrent requests collapse into one follow-up step. */
  step(): Promise<void> {
    if (this.stepping) {
      this.stepAgain = true;
      return this.stepping;
    }
    this.stepping = (async () => {
      try {
        do {
          this.stepAgain = false;
          await this.stepOnce();
        } while (this.stepAgain);
      } finally {
        this.stepping = null;
      }
    })();
    return this.stepping;
  }

  private async stepOnce(): Promise<void> {
    const { driver, safety } = this.options;
    this.stats.steps++;
    const faults = driver.faults();
    const faultKey = faults.map((f) => `${f.code}:${f.joint ?? ''}`).join(',');
    if (faultKey !== this.lastFaultKey) {
      this.lastFaultKey = faultKey;
      safety.setFault(faults.length > 0, faults.map((f) => f.message).join('; '));
      this.options.onFault?.(faults);
    }
    const reading = await driver.readState();
    const capturedNs = this.clock();
    this.last = reading;
    this.lastCaptured = capturedNs;
    const out = safety.tick(reading.positions);
    this.lastSetpoint = out.setpoint;
    for (const listener of this.stepListeners) listener({ reading, captureNs: capturedNs, setpoint: out.setpoint });
    if (faults.length === 0) await driver.sendAction(out.setpoint);
    if (out.mode !== this.lastMode || out.holdStarted) {
      this.lastMode = out.mode;
      this.options.onModeChange?.(out.mode, out.holdStarted ? 'watchdog' : 'other');
    }
    if (this.publishNext || capturedNs - this.lastPublishNs >= this.statePeriodNs) {
      this.publishNext = false;
      this.lastPublishNs = capturedNs;
      const applied = safety.applied;
      this.options.publishState({
        captureTimeNs: toLong(capturedNs),
        positions: reading.positions,
        velocities: reading.velocities,
        efforts: reading.efforts,
        appliedPositions: out.setpoint,
        appliedSequence: toLong(applied.sequence),
        leaseId: applied.leaseId,
        stateSequence: toLong(++this.stateSequence),
      });
    }
  }
}

function push(window: number[], value: number): void {
  window.push(value);
  if (window.length > TIMING_WINDOW) window.shift();
}

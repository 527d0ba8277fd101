// A leader SO-101 on the operator's own computer: torque off (a hand moves
// it), its six joints read with one SYNC_READ as fast as the bus answers (paced
// at 100 Hz), converted with its calibration to the same radians the follower
// uses. Calibration happens here too, in LeRobot's two steps, and is kept in
// this browser's storage.
import { feetech } from '@teleop/proto';

const { STS3215 } = feetech;
const IDS = [1, 2, 3, 4, 5, 6];
const STORAGE_KEY = 'teleop.leaderCalibration';

export class LeaderArmError extends Error {}

export function savedLeaderCalibration(): feetech.ArmCalibration | null {
  const text = localStorage.getItem(STORAGE_KEY);
  if (!text) return null;
  try {
    return feetech.checkCalibration(JSON.parse(text));
  } catch {
    return null;
  }
}

export interface LeaderReading {
  /** Radians, zero at the middle of each calibrated range (the follower's convention). */
  positions: number[];
  /** The gripper as LeRobot normalises it, 0 (closed end of its range) to 100. */
  gripperPercent: number;
}

export class LeaderArm {
  readonly bus: feetech.FeetechBus;
  calibration: feetech.ArmCalibration | null;
  private running = false;
  private reads = 0;
  private rateFrom = performance.now();
  /** Reads per second over the last second. */
  readHz = 0;
  /** Reads that lost a servo. */
  misses = 0;
  private listener: { onReading: (r: LeaderReading) => void; hz: number } | null = null;
  private loop: Promise<void> = Promise.resolve();
  private loopDone: () => void = () => undefined;
  private sweep: { middle: Record<string, number>; min: Record<string, number>; max: Record<string, number> } | null = null;

  constructor(transport: feetech.ByteTransport) {
    this.bus = new feetech.FeetechBus(transport, { timeoutMs: 50, retries: 1 });
    this.calibration = savedLeaderCalibration();
  }

  /** Checks that six servos answer and turns their torque off. */
  async init(): Promise<void> {
    const missing: string[] = [];
    for (const id of IDS) if ((await this.bus.ping(id)) === null) missing.push(`${feetech.SO101_JOINTS[id - 1]} (id ${id})`);
    if (missing.length) throw new LeaderArmError(`the leader arm does not answer for ${missing.join(', ')}: check its power and cable`);
    await this.bus.syncWrite(STS3215.torqueEnable, new Map(IDS.map((id) => [id, 0])));
    this.bus.timeoutMs = 15;
  }

  private async readRaw(): Promise<Record<string, number> | null> {
    try {
      return await feetech.readPositions(this.bus);
    } catch {
      this.misses++;
      return null;
    }
  }

  /** Reads continuously until stop(), at most `hz` times a second. */
  start(onReading: (r: LeaderReading) => void, hz = 100): void {
    if (this.running) return;
    this.running = true;
    this.listener = { onReading, hz };
    const stopped = new Promise<void>((resolve) => (this.loopDone = resolve));
    this.loop = stopped;
    const period = 1000 / hz;
    void (async () => {
      let next = performance.now();
      while (this.running) {
        const raw = await this.readRaw().catch(() => null);
        if (raw) {
          this.reads++;
          this.track(raw);
          const c = this.calibration;
          if (c && !this.sweep) {
            onReading({
              positions: feetech.SO101_JOINTS.map((j) => feetech.rawToRadians(c[j]!, raw[j]!)),
              gripperPercent: feetech.rawToNormalized(c.gripper!, raw.gripper!, true),
            });
          }
        }
        const now = performance.now();
        if (now - this.rateFrom >= 1000) {
          this.readHz = (this.reads * 1000) / (now - this.rateFrom);
          this.reads = 0;
          this.rateFrom = now;
        }
        next += period;
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        else next = performance.now();
      }
      this.loopDone();
    })();
  }

  stop(): void {
    this.running = false;
  }

  private track(raw: Record<string, number>): void {
    const s = this.sweep;
    if (!s) return;
    for (const [j, v] of Object.entries(raw)) {
      s.min[j] = Math.min(s.min[j] ?? v, v);
      s.max[j] = Math.max(s.max[j] ?? v, v);
    }
  }

  /** Calibration step 1, with the arm in its middle pose: zero offsets, read, write the homing offsets. */
  async calibrateMiddle(): Promise<void> {
    const wasRunning = this.running;
    this.stop();
    await this.loop;
    // Configuration writes get time to answer; reading goes back to tight timeouts after.
    this.bus.timeoutMs = 100;
    let middle: Record<string, number>;
    try {
      await feetech.prepareCalibration(this.bus);
      middle = await feetech.setMiddlePose(this.bus);
    } finally {
      this.bus.timeoutMs = 15;
    }
    this.sweep = { middle, min: {}, max: {} };
    if (wasRunning && this.listener) this.start(this.listener.onReading, this.listener.hz);
  }

  /** Calibration step 2, after moving every joint through its range: the calibration, saved in this browser. */
  finishCalibration(): feetech.ArmCalibration {
    const s = this.sweep;
    if (!s) throw new LeaderArmError('set the middle pose first');
    const calibration = feetech.finishCalibration(s.middle, s.min, s.max);
    this.sweep = null;
    this.calibration = calibration;
    localStorage.setItem(STORAGE_KEY, JSON.stringify(calibration));
    return calibration;
  }

  get calibrating(): boolean {
    return this.sweep !== null;
  }
}

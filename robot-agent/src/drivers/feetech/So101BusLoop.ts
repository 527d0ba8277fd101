// The SO-101's servo bus, stepped at a fixed rate by whoever owns the port
// (the So101 bus process; see so101BusProcess.ts): each step reads position,
// velocity and load of the six servos and writes the latest goal; every 5th
// step (50 ms) also reads torque enable, voltage, temperature and status.
//
// Faults latch: once a servo stops answering (3 missed steps in a row AND 250
// ms with nothing heard from it), reports a protection bit, gets too hot or
// loses torque (its protection released it, or it power-cycled), every
// answering servo's goal is set to where it is and READ BACK before the fault
// is reported; from then on the only goal writes are holds, until reset()
// finds every servo healthy, checks its settings again and turns torque back
// on. Losing the port is a fault too; when the port is back the arm is taken
// back (settings checked, holding where it is) without a reset.
import { feetech } from '@teleop/proto';
import type { DriverFault, JointReading } from '../Driver.ts';

const { STS3215 } = feetech;
type Register = feetech.Register;
const STEP_RAD = (2 * Math.PI) / 4095;
/** Steps in a row a servo may miss, and how long it may stay unheard, before it "stopped answering". */
const MISSES_FOR_TIMEOUT = 3;
const SILENCE_FOR_TIMEOUT_MS = 250;
/** Steps in a row a servo may answer only late (heard, but after its step gave up: no fresh reading) before it is a fault: 1 s at 100 Hz. */
const MISSES_FOR_LATE = 100;
/** Torque and status are read every this many steps (50 ms at 100 Hz): a lost torque is reported within 100 ms. */
const HEALTH_EVERY = 5;
/** How long a step waits for the answers (a healthy bus answers six servos in 1-2 ms; a busy machine may take far longer to read them). */
const STEP_TIMEOUT_MS = 20;
/** Step intervals are counted in 0.1 ms bins up to 500 ms (the last bin holds everything longer). */
const BIN_MS = 0.1;
const BINS = 5001;

export class So101ConfigError extends Error {
  override name = 'So101ConfigError';
}

export class So101ResetError extends Error {
  override name = 'So101ResetError';
}

/** EEPROM settings of one servo, as LeRobot configures the SO-101: its calibration, position mode, gains, no return delay, and the gripper's protection limits. */
export function eepromSettings(joint: string, c: feetech.JointCalibration): [Register, number][] {
  return [
    [STS3215.homingOffset, c.homing_offset],
    [STS3215.minPositionLimit, c.range_min],
    [STS3215.maxPositionLimit, c.range_max],
    [STS3215.operatingMode, 0],
    // A softer P gain than the default 32 against shaking, D 32, I 0.
    [STS3215.pCoefficient, 16],
    [STS3215.iCoefficient, 0],
    [STS3215.dCoefficient, 32],
    [STS3215.returnDelay, 0],
    // The gripper squeezes objects: half its torque and current, 25 % torque once overloaded, so it does not burn out.
    ...(joint === 'gripper'
      ? ([
          [STS3215.maxTorqueLimit, 500],
          [STS3215.protectionCurrent, 250],
          [STS3215.overloadTorque, 25],
        ] as [Register, number][])
      : []),
  ];
}

/** RAM settings (lost when a servo power-cycles): full acceleration. */
export const RAM_SETTINGS: [Register, number][] = [
  [STS3215.acceleration, 254],
  [STS3215.maxAcceleration, 254],
];

export interface StepStats {
  steps: number;
  /** Steps that started more than a period late (their slot was skipped). */
  overruns: number;
  /** Time between the starts of consecutive steps since the start, ms (0.1 ms bins). */
  intervalP50Ms: number;
  intervalP99Ms: number;
  intervalMaxMs: number;
  /** Goal SYNC_WRITEs sent (holds included), and holds confirmed by reading the goals back. */
  goalWrites: number;
  holds: number;
}

export interface BusSnapshot {
  reading: JointReading;
  faults: DriverFault[];
  bus: feetech.BusStats | null;
  step: StepStats;
}

export interface So101BusLoopOptions {
  calibration: feetech.ArmCalibration;
  /** The port's name, for messages. */
  port: string;
  /** Over-temperature threshold, °C (default 65; the servo's own limit is 70). */
  maxTemperatureC?: number;
  /** Step rate, Hz (default 100). */
  rateHz?: number;
  /** Called after every step. */
  onSnapshot: (s: BusSnapshot) => void;
}

interface ServoState {
  id: number;
  joint: string;
  c: feetech.JointCalibration;
  misses: number;
  lastHeardMs: number;
  /** Homed raw position of the last answer. */
  raw: number | null;
  /** Answered in the current step. */
  fresh: boolean;
  statusBits: number;
  temperatureC: number | null;
  torqueOn: boolean | null;
}

export class So101BusLoop {
  private bus: feetech.FeetechBus | null = null;
  private readonly servos: ServoState[];
  private readonly ids: number[];
  private goal: number[] | null = null;
  /** Faults reported (after their hold was confirmed), by code and joint; they stay until reset(). */
  private readonly latched = new Map<string, DriverFault>();
  private portFault: DriverFault | null;
  private last: JointReading;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stepping: Promise<void> | null = null;
  private resetRequest: { resolve: () => void; reject: (err: Error) => void } | null = null;
  private next = 0;
  private lastStepStart = 0;
  private readonly intervalBins = new Uint32Array(BINS);
  private intervalCount = 0;
  private intervalMax = 0;
  private percentilesAt = 0;
  private percentiles = { intervalP50Ms: 0, intervalP99Ms: 0 };
  private readonly stats = { steps: 0, overruns: 0, goalWrites: 0, holds: 0 };
  private readonly periodMs: number;

  constructor(private readonly o: So101BusLoopOptions) {
    this.servos = feetech.SO101_JOINTS.map((joint) => {
      const c = o.calibration[joint]!;
      return { id: c.id, joint, c, misses: 0, lastHeardMs: performance.now(), raw: null, fresh: false, statusBits: 0, temperatureC: null, torqueOn: null };
    });
    this.ids = this.servos.map((s) => s.id);
    this.periodMs = 1000 / (o.rateHz ?? 100);
    this.portFault = { code: 'not_connected', message: `the arm on ${o.port} is not connected` };
    this.last = { positions: this.ids.map(() => 0), velocities: this.ids.map(() => 0), efforts: this.ids.map(() => 0) };
  }

  private named(s: ServoState): string {
    return `${s.joint} (servo ${s.id})`;
  }

  /**
   * Takes the arm on a freshly opened port. The first time, the settings are written (torque off meanwhile, the
   * EEPROM Lock open and closed again after); every time they are read back and the arm is refused, naming the
   * servo and register, when one differs. Torque goes on where the arm is, read back.
   */
  async attach(transport: feetech.ByteTransport, first: boolean): Promise<void> {
    // Patient while taking the arm (a busy machine, a freshly opened adapter); tight in the loop.
    const bus = new feetech.FeetechBus(transport, { timeoutMs: 300, retries: 2 });
    const missing: string[] = [];
    const since = performance.now();
    for (const s of this.servos) {
      let model = await bus.ping(s.id);
      // A servo heard, even too late for the pings (a busy machine), is there: it is asked again before it is
      // called missing (a silent one sends nothing at all, so it costs no more).
      for (let again = 0; model === null && again < 5 && (bus.heardAt(s.id) ?? 0) >= since; again++) model = await bus.ping(s.id);
      if (model === null) missing.push(`${s.joint} (id ${s.id})`);
      else if (model !== feetech.STS3215_MODEL_NUMBER) throw new So101ConfigError(`servo ${s.id} (${s.joint}) is model ${model}, not an STS3215 (777)`);
    }
    if (missing.length) throw new So101ConfigError(`servo${missing.length > 1 ? 's' : ''} not answering on ${this.o.port}: ${missing.join(', ')}; check the power supply and the cable chain`);
    if (first) {
      for (const s of this.servos) {
        const stored = await bus.readBlock(s.id, 0, 40);
        const differ = eepromSettings(s.joint, s.c).filter(([r, v]) => feetech.decodeValue(r, stored, r.address) !== v);
        if (differ.length === 0) continue;
        await bus.write(s.id, STS3215.torqueEnable, 0);
        await bus.write(s.id, STS3215.lock, 0);
        for (const [r, v] of differ) await bus.write(s.id, r, v);
        await bus.write(s.id, STS3215.lock, 1);
      }
    }
    await this.checkSettings(bus);
    await this.torqueOn(bus, first ? this.servos : []);
    bus.timeoutMs = STEP_TIMEOUT_MS;
    // In the loop a silent servo costs one step, not a retry: the miss rule judges it.
    bus.retries = 0;
    for (const s of this.servos) {
      s.misses = 0;
      s.lastHeardMs = performance.now();
    }
    this.bus = bus;
    this.portFault = null;
  }

  /** Reads every EEPROM setting back; throws naming each servo and register that differ. */
  private async checkSettings(bus: feetech.FeetechBus): Promise<void> {
    const wrong: string[] = [];
    for (const s of this.servos) {
      const stored = await bus.readBlock(s.id, 0, 40);
      for (const [r, v] of eepromSettings(s.joint, s.c)) {
        const got = feetech.decodeValue(r, stored, r.address);
        if (got !== v) wrong.push(`${this.named(s)} ${r.name} reads ${got}, the calibration file and settings say ${v}`);
      }
    }
    if (wrong.length) throw new So101ConfigError(`refusing to drive the arm on ${this.o.port}: ${wrong.join('; ')}. Calibrate again (robot-agent calibrate) or check that this is the right arm`);
  }

  /**
   * RAM settings, then goal = where each servo is (read back), then torque on (read back). `servos` lists the
   * servos to turn torque on for; the others are only told to hold where they are.
   */
  private async torqueOn(bus: feetech.FeetechBus, servos: ServoState[]): Promise<void> {
    for (const s of this.servos) {
      for (const [r, v] of RAM_SETTINGS) {
        if ((await bus.read(s.id, r)) === v) continue;
        await bus.write(s.id, r, v);
        if ((await bus.read(s.id, r)) !== v) throw new So101ConfigError(`${this.named(s)} does not keep ${r.name} = ${v}`);
      }
    }
    const now = await bus.syncRead(this.ids, STS3215.presentPosition.address, 2);
    if (now.missing.length) throw new So101ConfigError(`servos stopped answering while taking the arm: ${now.missing.map((id) => this.named(this.servo(id))).join(', ')}`);
    const goals = new Map(this.ids.map((id) => [id, this.clampToLimits(this.servo(id), feetech.decodeValue(STS3215.presentPosition, now.answers.get(id)!.data))]));
    await bus.syncWrite(STS3215.goalPosition, goals);
    this.stats.goalWrites++;
    const unconfirmed = await this.readBackGoals(bus, goals);
    if (unconfirmed.length) throw new So101ConfigError(`the hold did not reach ${unconfirmed.join(', ')}`);
    if (servos.length) await bus.syncWrite(STS3215.torqueEnable, new Map(servos.map((s) => [s.id, 1])));
    const torque = await bus.syncRead(this.ids, STS3215.torqueEnable.address, 1);
    for (const s of this.servos) {
      const a = torque.answers.get(s.id);
      s.torqueOn = a ? a.data[0] === 1 : null;
      if (servos.includes(s) && !s.torqueOn) throw new So101ConfigError(`${this.named(s)} did not turn its torque on`);
    }
  }

  private servo(id: number): ServoState {
    return this.servos.find((s) => s.id === id)!;
  }

  private clampToLimits(s: ServoState, raw: number): number {
    return Math.min(s.c.range_max, Math.max(s.c.range_min, raw));
  }

  /** Reads goal registers back; the servos whose goal is not what was written. */
  private async readBackGoals(bus: feetech.FeetechBus, goals: ReadonlyMap<number, number>): Promise<string[]> {
    const r = await bus.syncRead([...goals.keys()], STS3215.goalPosition.address, 2);
    const wrong: string[] = [];
    for (const [id, g] of goals) {
      const a = r.answers.get(id);
      if (!a || feetech.decodeValue(STS3215.goalPosition, a.data) !== g) wrong.push(this.named(this.servo(id)));
    }
    return wrong;
  }

  /** The port went away (unplugged): motion stops; the owner of the port attaches again when it is back. */
  portLost(reason: string): void {
    this.bus = null;
    // The arm is taken back holding where it is; a goal from before the unplug is not resumed.
    this.goal = null;
    this.portFault ??= { code: 'port_closed', message: `${this.o.port}: ${reason}; motion stopped until the arm is back` };
  }

  /** A port that could be opened, but the arm on it is refused (its settings differ): motion stays stopped. */
  refused(message: string): void {
    this.portFault = { code: 'config_mismatch', message };
  }

  /** The goal for the next step (radians, in joint order); the latest wins. Ignored while a fault is latched. */
  setGoal(positions: number[]): void {
    if (this.latched.size > 0 || this.portFault) return;
    this.goal = positions;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.next = performance.now();
    this.schedule();
  }

  /** Stops stepping; with `torqueOff` the servos go limp, as LeRobot disconnects. */
  async stop(torqueOff: boolean): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.stepping;
    const bus = this.bus;
    this.bus = null;
    if (bus && torqueOff) await bus.syncWrite(STS3215.torqueEnable, new Map(this.ids.map((id) => [id, 0]))).catch(() => undefined);
    this.resetRequest?.reject(new So101ResetError('the arm was disconnected'));
    this.resetRequest = null;
  }

  /** Clears latched faults once every servo is healthy again: settings checked, torque back on where the arm is. Runs between two steps. */
  reset(): Promise<void> {
    if (this.latched.size === 0) return Promise.resolve();
    if (!this.running) return Promise.reject(new So101ResetError('the arm is not running'));
    this.resetRequest?.reject(new So101ResetError('another reset was asked for'));
    return new Promise((resolve, reject) => (this.resetRequest = { resolve, reject }));
  }

  private schedule(): void {
    if (!this.running) return;
    this.next += this.periodMs;
    const now = performance.now();
    if (this.next < now) {
      this.stats.overruns++;
      this.next = now;
    }
    this.timer = setTimeout(() => {
      const started = performance.now();
      if (this.lastStepStart) {
        const ms = started - this.lastStepStart;
        this.intervalBins[Math.min(BINS - 1, Math.floor(ms / BIN_MS))]!++;
        this.intervalCount++;
        this.intervalMax = Math.max(this.intervalMax, ms);
      }
      this.lastStepStart = started;
      this.stepping = this.runStep().finally(() => {
        this.stepping = null;
        this.schedule();
      });
    }, Math.max(0, this.next - now));
  }

  private async runStep(): Promise<void> {
    const request = this.resetRequest;
    let answer: (() => void) | null = null;
    if (request) {
      this.resetRequest = null;
      answer = await this.doReset().then(
        () => request.resolve,
        (err: Error) => () => request.reject(err),
      );
    }
    try {
      await this.step();
    } catch (err) {
      // The port failed under the step (a write to a port that is gone).
      this.portLost((err as Error).message);
    }
    this.o.onSnapshot(this.snapshot());
    // The reset is answered after the snapshot that shows its outcome.
    answer?.();
  }

  private async step(): Promise<void> {
    const bus = this.bus;
    this.stats.steps++;
    if (!bus) return;
    const r = await bus.syncRead(this.ids, STS3215.presentPosition.address, 6);
    const now = performance.now();
    const positions = [...this.last.positions];
    const velocities = [...this.last.velocities];
    const efforts = [...this.last.efforts];
    let statusSeen = false;
    for (const [i, s] of this.servos.entries()) {
      const a = r.answers.get(s.id);
      s.fresh = !!a;
      if (!a) {
        s.misses++;
        continue;
      }
      s.misses = 0;
      s.lastHeardMs = now;
      const sign = s.c.drive_mode === 1 ? -1 : 1;
      s.raw = feetech.decodeValue(STS3215.presentPosition, a.data, 0);
      positions[i] = feetech.rawToRadians(s.c, s.raw);
      velocities[i] = sign * feetech.decodeValue(STS3215.presentVelocity, a.data, 2) * STEP_RAD;
      // Load is in 0.1 % of the servo's maximum torque; reported as a fraction of it.
      efforts[i] = (sign * feetech.decodeValue(STS3215.presentLoad, a.data, 4)) / 1000;
      s.statusBits = a.error;
      if (a.error) statusSeen = true;
    }
    this.last = { positions, velocities, efforts };
    // A status bit is read out at once (temperature, torque), so the fault says what the servo reads now.
    if (statusSeen || this.stats.steps % HEALTH_EVERY === 0) await this.readHealth(bus);
    const active = this.servoFaults(now);
    if (active.length > 0) {
      const first = this.latched.size === 0;
      if (first) {
        this.goal = null;
        const silent = new Set(active.filter((f) => f.code === 'servo_timeout').map((f) => this.named(this.servos.find((s) => s.joint === f.joint)!)));
        const unconfirmed = await this.patiently(bus, () => this.hold(bus, silent));
        if (unconfirmed.length) active.push({ code: 'hold_unconfirmed', message: `the hold could not be confirmed on ${unconfirmed.join(', ')}` });
      }
      for (const f of active) this.latched.set(`${f.code}:${f.joint ?? ''}`, f);
      return;
    }
    if (this.latched.size > 0 || !this.goal) return;
    const goals = new Map<number, number>();
    for (const [i, s] of this.servos.entries()) {
      const g = this.goal[i];
      if (g === undefined || !Number.isFinite(g)) continue;
      goals.set(s.id, feetech.radiansToRaw(s.c, g));
    }
    if (goals.size === 0) return;
    await bus.syncWrite(STS3215.goalPosition, goals);
    this.stats.goalWrites++;
  }

  private async readHealth(bus: feetech.FeetechBus): Promise<void> {
    const torque = await bus.syncRead(this.ids, STS3215.torqueEnable.address, 1);
    for (const [id, a] of torque.answers) this.servo(id).torqueOn = a.data[0] === 1;
    // Voltage, temperature, (reserved), status.
    const health = await bus.syncRead(this.ids, STS3215.presentVoltage.address, 4);
    for (const [id, a] of health.answers) {
      const s = this.servo(id);
      s.temperatureC = a.data[1]!;
      s.statusBits = a.error | a.data[3]!;
    }
  }

  /** What is wrong with the servos now. */
  private servoFaults(now: number): DriverFault[] {
    const out: DriverFault[] = [];
    const E = feetech.StatusError;
    const max = this.o.maxTemperatureC ?? 65;
    for (const s of this.servos) {
      const joint = s.joint;
      const who = this.named(s);
      // Heard is heard: a late answer (discarded, never taken for the next request's) still says the servo is there.
      const heard = Math.max(s.lastHeardMs, this.bus?.heardAt(s.id) ?? 0);
      if (s.misses >= MISSES_FOR_TIMEOUT && now - heard >= SILENCE_FOR_TIMEOUT_MS) {
        out.push({ code: 'servo_timeout', message: `${who} stopped answering: motion stopped`, joint });
        continue;
      }
      if (s.misses >= MISSES_FOR_LATE) {
        out.push({ code: 'servo_late', message: `${who} answers too late for the ${Math.round(1000 / this.periodMs)} Hz step (no answer in time for ${s.misses} steps): motion stopped`, joint });
        continue;
      }
      const t = s.temperatureC;
      const reads = t !== null ? ` (reads ${t} °C, limit ${max} °C)` : '';
      if (s.statusBits & E.OVERLOAD) out.push({ code: 'overload', message: `${who} is overloaded: motion stopped`, joint });
      if (s.statusBits & E.OVERCURRENT) out.push({ code: 'overload', message: `${who} draws too much current: motion stopped`, joint });
      if (s.statusBits & E.OVERHEAT || (t !== null && t >= max)) out.push({ code: 'over_temperature', message: `${who} is too hot${reads}: motion stopped`, joint });
      if (s.statusBits & E.VOLTAGE) out.push({ code: 'voltage', message: `${who} reports its input voltage out of range`, joint });
      if (s.statusBits & E.ANGLE) out.push({ code: 'angle_sensor', message: `${who} reports an angle sensor error`, joint });
      if (s.torqueOn === false) out.push({ code: 'torque_off', message: `${who} has no torque (its protection released it, or it lost power): the joint is limp; motion stopped`, joint });
    }
    return out;
  }

  /**
   * Every servo is told to hold where it was last read, and its goal register is read back; tried three times.
   * Returns the servos whose hold could not be confirmed, but for those already known to be silent.
   */
  private async hold(bus: feetech.FeetechBus, silent: ReadonlySet<string>): Promise<string[]> {
    const goals = new Map<number, number>();
    // A servo known to be silent cannot be held (nor read back): asking it would only delay the report.
    for (const s of this.servos) if (s.raw !== null && !silent.has(this.named(s))) goals.set(s.id, this.clampToLimits(s, s.raw));
    let wrong: string[] = [];
    for (let attempt = 0; attempt < 3 && goals.size > 0; attempt++) {
      await bus.syncWrite(STS3215.goalPosition, goals);
      this.stats.goalWrites++;
      wrong = await this.readBackGoals(bus, goals);
      if (wrong.every((w) => silent.has(w))) break;
    }
    this.stats.holds++;
    return wrong.filter((w) => !silent.has(w));
  }

  /** Runs `work` with the bus's start-up patience (100 ms, a retry): a hold or a reset is rare and must not fail on a slow answer. */
  private async patiently<T>(bus: feetech.FeetechBus, work: () => Promise<T>): Promise<T> {
    const [timeoutMs, retries] = [bus.timeoutMs, bus.retries];
    bus.timeoutMs = 100;
    bus.retries = 1;
    try {
      return await work();
    } finally {
      bus.timeoutMs = timeoutMs;
      bus.retries = retries;
    }
  }

  private async doReset(): Promise<void> {
    const bus = this.bus;
    if (this.portFault || !bus) throw new So101ResetError(`cannot reset: ${this.portFault?.message ?? 'the port is gone'}`);
    await this.patiently(bus, () => this.resetOn(bus));
  }

  private async resetOn(bus: feetech.FeetechBus): Promise<void> {
    // Every servo must answer and be healthy now.
    const r = await bus.syncRead(this.ids, STS3215.presentPosition.address, 2);
    const now = performance.now();
    for (const s of this.servos) {
      if (r.answers.has(s.id)) {
        s.misses = 0;
        s.lastHeardMs = now;
      }
    }
    if (r.missing.length) throw new So101ResetError(`cannot reset: ${r.missing.map((id) => this.named(this.servo(id))).join(', ')} still not answering`);
    await this.readHealth(bus);
    const still = this.servoFaults(now).filter((f) => f.code !== 'torque_off');
    if (still.length) throw new So101ResetError(`cannot reset: ${still.map((f) => f.message.replace(/: motion stopped$/, '')).join('; ')}`);
    // A servo that power-cycled kept only what was written into its EEPROM with the Lock open: checked again.
    try {
      await this.checkSettings(bus);
      await this.torqueOn(bus, this.servos);
    } catch (err) {
      throw new So101ResetError(`cannot reset: ${(err as Error).message}`);
    }
    this.latched.clear();
    this.goal = null;
  }

  snapshot(): BusSnapshot {
    const q = (p: number): number => {
      if (this.intervalCount === 0) return 0;
      const rank = Math.ceil(p * this.intervalCount);
      let seen = 0;
      for (let i = 0; i < BINS; i++) {
        seen += this.intervalBins[i]!;
        // The bin's upper edge: never reports a step interval as shorter than it was.
        if (seen >= rank) return Number(((i + 1) * BIN_MS).toFixed(1));
      }
      return Number(this.intervalMax.toFixed(1));
    };
    // The percentiles walk 5,001 bins: refreshed every 50 steps, not every step.
    if (this.stats.steps - this.percentilesAt >= 50 || this.percentilesAt === 0) {
      this.percentilesAt = this.stats.steps;
      this.percentiles = { intervalP50Ms: q(0.5), intervalP99Ms: q(0.99) };
    }
    return {
      reading: this.last,
      faults: [...(this.portFault ? [this.portFault] : []), ...this.latched.values()],
      bus: this.bus ? { ...this.bus.stats, roundTrips: [...this.bus.stats.roundTrips] } : null,
      step: { ...this.stats, ...this.percentiles, intervalMaxMs: Number(this.intervalMax.toFixed(2)) },
    };
  }
}

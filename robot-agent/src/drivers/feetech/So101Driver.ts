// The SO-100/SO-101 follower arm: six STS3215 servos (ids 1-6) on a Feetech
// bus. Joint names are LeRobot's (shoulder_pan ... gripper); positions are
// radians, zero at the middle of each joint's calibrated range (see
// proto/src/feetech/calibration.ts), and the calibrated ranges are the joint
// limits the safety layer enforces (goals are clamped to them again here).
//
// Each control step is one SYNC_READ of position, velocity and load of all six
// servos and one SYNC_WRITE of the six goals. Every 20th step also reads
// voltage and temperature. Faults, each reported with its joint:
// - servo_timeout: a servo missed 3 reads in a row (cut cable, lost power);
// - overload / over_temperature / voltage / angle_sensor: what the servo
//   reports in its status, or a temperature at or above the limit;
// - port_closed: the serial port went away (unplugged); it is tried again every
//   second and the arm is taken back, holding where it is, when it returns.
// On a fault the control loop stops sending goals and the safety layer holds;
// the driver sets every answering servo's goal to where it is, so nothing keeps
// pushing (torque stays on: a limp arm would fall). disconnect() turns torque
// off, as LeRobot does.
import { readFileSync } from 'node:fs';
import { feetech, v1 } from '@teleop/proto';
import type { Driver, DriverDescription, DriverFault, JointReading } from '../Driver.ts';
import { urdfJointSpecs } from '../urdfJoints.ts';
import { SerialTransport } from './SerialTransport.ts';

const urdf = readFileSync(new URL('../sim/sim-arm.urdf', import.meta.url), 'utf8');
const { STS3215 } = feetech;
const STEP_RAD = (2 * Math.PI) / 4095;
const MISSES_FOR_TIMEOUT = 3;
const STATUS_EVERY = 20;

export class So101Error extends Error {
  override name = 'So101Error';
}

export interface So101Options {
  port: string;
  calibrationFile: string;
  baud?: number;
  /** Over-temperature threshold, °C (default 65; the servo's own limit is 70). */
  maxTemperatureC?: number;
  /** A transport instead of opening `port` (tests). */
  transport?: feetech.ByteTransport & { close?: () => Promise<void> };
  model?: string;
}

/** Reads and checks a calibration file; a clear error when it is missing or inconsistent. */
export function loadCalibration(file: string): feetech.ArmCalibration {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new So101Error(`no calibration at ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): run \`robot-agent calibrate --driver so101 --port PORT --calibration ${file}\` first`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new So101Error(`calibration ${file} is not JSON: ${(err as Error).message}`);
  }
  try {
    return feetech.checkCalibration(parsed);
  } catch (err) {
    if (err instanceof feetech.CalibrationError) throw new So101Error(`calibration ${file} is inconsistent: ${err.problems.join('; ')}`);
    throw err;
  }
}

export class So101Driver implements Driver {
  readonly name = 'so101';
  readonly calibration: feetech.ArmCalibration;
  private readonly joints = feetech.SO101_JOINTS;
  private readonly ids: number[];
  private readonly description: DriverDescription;
  private transport: (feetech.ByteTransport & { close?: () => Promise<void> }) | null = null;
  bus: feetech.FeetechBus | null = null;
  private readonly misses: number[];
  private readonly statusBits = new Map<number, number>();
  private readonly temperatures = new Map<number, number>();
  private portFault: DriverFault | null = null;
  private reopenTimer: NodeJS.Timeout | null = null;
  private closing = false;
  private last: JointReading;
  private steps = 0;
  private holding = false;

  constructor(private readonly o: So101Options) {
    this.calibration = loadCalibration(o.calibrationFile);
    this.ids = this.joints.map((j) => this.calibration[j]!.id);
    this.misses = this.ids.map(() => 0);
    const specs = urdfJointSpecs(urdf);
    const joints = this.joints.map((name) => {
      const spec = specs.find((s) => s.name === name) ?? { name, unit: 'rad', maxVelocity: 3 };
      const [lo, hi] = feetech.radianLimits(this.calibration[name]!);
      return { ...spec, name, minPosition: lo, maxPosition: hi };
    });
    this.description = {
      model: o.model ?? 'so101_follower',
      joints,
      controlModes: [v1.ControlMode.CONTROL_MODE_JOINT_POSITION, v1.ControlMode.CONTROL_MODE_JOINT_VELOCITY, v1.ControlMode.CONTROL_MODE_GRIPPER],
      gripperJoint: 'gripper',
      urdf,
    };
    this.last = { positions: joints.map(() => 0), velocities: joints.map(() => 0), efforts: joints.map(() => 0) };
  }

  describe(): DriverDescription {
    return this.description;
  }

  private jointOf(id: number): string {
    return this.joints[this.ids.indexOf(id)] ?? `servo ${id}`;
  }

  async connect(): Promise<void> {
    this.closing = false;
    await this.attach(true);
  }

  /**
   * Opens the port and takes the arm: at the first connection the calibration and servo settings are written
   * (torque off meanwhile); when the adapter comes back after an unplug the servos kept power and settings,
   * so they are only checked and told to hold where they are (torque never drops).
   */
  private async attach(first: boolean): Promise<void> {
    let transport: feetech.ByteTransport & { close?: () => Promise<void> };
    if (this.o.transport) transport = this.o.transport;
    else {
      const serial = await SerialTransport.open(this.o.port, this.o.baud ?? 1_000_000);
      serial.onClose((reason) => this.portLost(reason));
      transport = serial;
    }
    // Generous timeouts while starting (a freshly opened adapter can be slow to answer first), tight ones in the loop.
    const bus = new feetech.FeetechBus(transport, { timeoutMs: 100, retries: 1 });
    try {
      const missing: string[] = [];
      for (const [i, id] of this.ids.entries()) {
        const model = await bus.ping(id);
        if (model === null) missing.push(`${this.joints[i]} (id ${id})`);
        else if (model !== feetech.STS3215_MODEL_NUMBER) throw new So101Error(`servo ${id} (${this.joints[i]}) is model ${model}, not an STS3215 (777)`);
      }
      if (missing.length) throw new So101Error(`servo${missing.length > 1 ? 's' : ''} not answering on ${this.o.port}: ${missing.join(', ')}; check the power supply and the cable chain`);
      // The calibration lives in the servos too (homing offset, position limits), as LeRobot writes it.
      for (const [i, id] of first ? this.ids.entries() : []) {
        const c = this.calibration[this.joints[i]!]!;
        const offset = await bus.read(id, STS3215.homingOffset);
        const min = await bus.read(id, STS3215.minPositionLimit);
        const max = await bus.read(id, STS3215.maxPositionLimit);
        if (offset !== c.homing_offset || min !== c.range_min || max !== c.range_max) {
          await bus.write(id, STS3215.torqueEnable, 0);
          await bus.write(id, STS3215.lock, 0);
          await bus.write(id, STS3215.homingOffset, c.homing_offset);
          await bus.write(id, STS3215.minPositionLimit, c.range_min);
          await bus.write(id, STS3215.maxPositionLimit, c.range_max);
          await bus.write(id, STS3215.lock, 1);
        }
      }
      // Servo settings as LeRobot configures the SO-101 (torque is off until below): position mode, a softer
      // P gain than the default 32 against shaking, D 32, I 0, no return delay, full acceleration.
      for (const id of first ? this.ids : []) {
        await bus.write(id, STS3215.torqueEnable, 0);
        await bus.write(id, STS3215.operatingMode, 0);
        await bus.write(id, STS3215.pCoefficient, 16);
        await bus.write(id, STS3215.iCoefficient, 0);
        await bus.write(id, STS3215.dCoefficient, 32);
        await bus.write(id, STS3215.returnDelay, 0);
        await bus.write(id, STS3215.acceleration, 254);
      }
      // Torque on where the arm is: the goal is the present position, so nothing jumps.
      const now = await bus.syncRead(this.ids, STS3215.presentPosition.address, 2);
      if (now.missing.length) throw new So101Error(`servos stopped answering during start: ${now.missing.map((id) => this.jointOf(id)).join(', ')}`);
      await bus.syncWrite(STS3215.goalPosition, new Map(this.ids.map((id) => [id, feetech.decodeValue(STS3215.presentPosition, now.answers.get(id)!.data)])));
      await bus.syncWrite(STS3215.torqueEnable, new Map(this.ids.map((id) => [id, 1])));
      bus.timeoutMs = 15;
      this.transport = transport;
      this.bus = bus;
      this.portFault = null;
      this.misses.fill(0);
      this.last = await this.readState();
    } catch (err) {
      await transport.close?.();
      throw err;
    }
  }

  /** The port went away: motion stops (fault), and the port is tried again every second until it is back. */
  private portLost(reason: string): void {
    if (this.closing) return;
    this.portFault ??= { code: 'port_closed', message: `${this.o.port}: ${reason}; motion stopped until the arm is back` };
    if (this.o.transport || this.reopenTimer) return;
    let trying = false;
    this.reopenTimer = setInterval(() => {
      if (trying || this.closing) return;
      trying = true;
      this.attach(false).then(
        () => {
          if (this.reopenTimer) clearInterval(this.reopenTimer);
          this.reopenTimer = null;
        },
        () => undefined,
      ).finally(() => (trying = false));
    }, 1000);
  }

  async readState(): Promise<JointReading> {
    const bus = this.bus;
    if (!bus || this.portFault) return this.last;
    this.steps++;
    let r: feetech.SyncReadResult;
    try {
      r = await bus.syncRead(this.ids, STS3215.presentPosition.address, 6);
    } catch (err) {
      this.portLost((err as Error).message);
      return this.last;
    }
    const positions = [...this.last.positions];
    const velocities = [...this.last.velocities];
    const efforts = [...this.last.efforts];
    for (const [i, id] of this.ids.entries()) {
      const a = r.answers.get(id);
      if (!a) {
        this.misses[i]!++;
        continue;
      }
      this.misses[i] = 0;
      const c = this.calibration[this.joints[i]!]!;
      positions[i] = feetech.rawToRadians(c, feetech.decodeValue(STS3215.presentPosition, a.data, 0));
      velocities[i] = (c.drive_mode === 1 ? -1 : 1) * feetech.decodeValue(STS3215.presentVelocity, a.data, 2) * STEP_RAD;
      // Load is in 0.1 % of the servo's maximum torque; reported as a fraction of it.
      efforts[i] = (c.drive_mode === 1 ? -1 : 1) * feetech.decodeValue(STS3215.presentLoad, a.data, 4) / 1000;
      this.setStatusFault(id, a.error, null);
    }
    if (this.steps % STATUS_EVERY === 0) await this.readHealth(bus);
    this.last = { positions, velocities, efforts };
    if (this.faults().length > 0 && !this.holding) await this.hold();
    if (this.faults().length === 0) this.holding = false;
    return this.last;
  }

  private async readHealth(bus: feetech.FeetechBus): Promise<void> {
    const r = await bus.syncRead(this.ids, STS3215.presentVoltage.address, 2).catch(() => null);
    if (!r) return;
    for (const [id, a] of r.answers) this.setStatusFault(id, a.error, a.data[1]!);
  }

  private setStatusFault(id: number, error: number, temperatureC: number | null): void {
    this.statusBits.set(id, error);
    if (temperatureC !== null) this.temperatures.set(id, temperatureC);
  }

  /** Faults from what the servos report: status bits of the last answer, temperature of the last health read. */
  private statusFaults(): DriverFault[] {
    const out: DriverFault[] = [];
    const E = feetech.StatusError;
    const max = this.o.maxTemperatureC ?? 65;
    for (const id of this.ids) {
      const joint = this.jointOf(id);
      const error = this.statusBits.get(id) ?? 0;
      const t = this.temperatures.get(id);
      if (error & E.OVERLOAD) out.push({ code: 'overload', message: `${joint} (servo ${id}) is overloaded: motion stopped`, joint });
      if (error & E.OVERCURRENT) out.push({ code: 'overload', message: `${joint} (servo ${id}) draws too much current: motion stopped`, joint });
      if (error & E.OVERHEAT || (t !== undefined && t >= max)) out.push({ code: 'over_temperature', message: `${joint} (servo ${id}) is too hot${t !== undefined ? ` (${t} °C)` : ''}: motion stopped`, joint });
      if (error & E.VOLTAGE) out.push({ code: 'voltage', message: `${joint} (servo ${id}) reports its input voltage out of range`, joint });
      if (error & E.ANGLE) out.push({ code: 'angle_sensor', message: `${joint} (servo ${id}) reports an angle sensor error`, joint });
    }
    return out;
  }

  /** Every answering servo's goal becomes where it is, once per fault episode. */
  private async hold(): Promise<void> {
    this.holding = true;
    const bus = this.bus;
    if (!bus || this.portFault) return;
    const goals = new Map<number, number>();
    for (const [i, id] of this.ids.entries()) {
      if (this.misses[i]! >= MISSES_FOR_TIMEOUT) continue;
      goals.set(id, feetech.radiansToRaw(this.calibration[this.joints[i]!]!, this.last.positions[i]!));
    }
    await bus.syncWrite(STS3215.goalPosition, goals).catch(() => undefined);
  }

  async sendAction(goalPositions: readonly number[]): Promise<void> {
    const bus = this.bus;
    if (!bus || this.portFault) return;
    const goals = new Map<number, number>();
    for (const [i, id] of this.ids.entries()) {
      const g = goalPositions[i];
      if (g === undefined || !Number.isFinite(g)) continue;
      goals.set(id, feetech.radiansToRaw(this.calibration[this.joints[i]!]!, g));
    }
    await bus.syncWrite(STS3215.goalPosition, goals).catch((err: Error) => this.portLost(err.message));
  }

  faults(): DriverFault[] {
    if (!this.bus) return [{ code: 'not_connected', message: `the arm on ${this.o.port} is not connected` }];
    const out: DriverFault[] = [];
    if (this.portFault) out.push(this.portFault);
    for (const [i, n] of this.misses.entries()) {
      if (n >= MISSES_FOR_TIMEOUT) out.push({ code: 'servo_timeout', message: `${this.joints[i]} (servo ${this.ids[i]}) stopped answering: motion stopped`, joint: this.joints[i]! });
    }
    out.push(...this.statusFaults());
    return out;
  }

  /** Bus counters, for status and benchmarks. */
  busStats(): feetech.BusStats | null {
    return this.bus ? { ...this.bus.stats } : null;
  }

  async disconnect(): Promise<void> {
    this.closing = true;
    if (this.reopenTimer) clearInterval(this.reopenTimer);
    this.reopenTimer = null;
    const bus = this.bus;
    this.bus = null;
    if (bus && !this.portFault) await bus.syncWrite(STS3215.torqueEnable, new Map(this.ids.map((id) => [id, 0]))).catch(() => undefined);
    await this.transport?.close?.();
    this.transport = null;
  }
}

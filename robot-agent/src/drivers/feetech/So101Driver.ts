// The SO-100/SO-101 follower arm: six STS3215 servos (ids 1-6) on a Feetech
// bus. Joint names are LeRobot's (shoulder_pan ... gripper); positions are
// radians, zero at the middle of each joint's calibrated range (see
// proto/src/feetech/calibration.ts), and the calibrated ranges are the joint
// limits the safety layer enforces (goals are clamped to them again here).
//
// The port is owned by the So101 bus process (so101BusProcess.ts), a child
// process that steps the bus at 100 Hz on its own, out of reach of this
// process's event-loop stalls. This driver sends it the latest goal and reads
// its latest snapshot; the fault model (what latches, what a reset needs) is
// So101BusLoop's. disconnect() turns torque off, as LeRobot does.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { feetech, v1 } from '@teleop/proto';
import { forkTs } from '../../tsProcess.ts';
import type { Driver, DriverDescription, DriverFault, JointReading } from '../Driver.ts';
import { urdfJointSpecs } from '../urdfJoints.ts';
import type { BusSnapshot } from './So101BusLoop.ts';
import type { FromBusProcess, ToBusProcess } from './so101BusProcess.ts';

const urdf = readFileSync(new URL('../sim/sim-arm.urdf', import.meta.url), 'utf8');
/** How long the bus process may take to open the port and take the arm, ms. */
const CONNECT_TIMEOUT_MS = 30_000;
const RESET_TIMEOUT_MS = 10_000;
const CLOSE_TIMEOUT_MS = 4000;

export class So101Error extends Error {
  override name = 'So101Error';
}

export interface So101Options {
  port: string;
  calibrationFile: string;
  baud?: number;
  /** Over-temperature threshold, °C (default 65; the servo's own limit is 70). */
  maxTemperatureC?: number;
  /** Bus step rate, Hz (default 100). */
  rateHz?: number;
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
  private readonly description: DriverDescription;
  private child: ChildProcess | null = null;
  private snapshot: BusSnapshot | null = null;
  private processFault: DriverFault | null = null;
  private closing = false;
  /** The bus process took the arm (its exit after that is a fault). */
  private ready = false;
  /** The bus process's niceness (-10 when it could raise its priority, 0 when not allowed). */
  private niceness: number | null = null;
  private readonly resets = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  private nextResetId = 1;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly o: So101Options) {
    this.calibration = loadCalibration(o.calibrationFile);
    const specs = urdfJointSpecs(urdf);
    const joints = feetech.SO101_JOINTS.map((name) => {
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
  }

  describe(): DriverDescription {
    return this.description;
  }

  private send(m: ToBusProcess): void {
    const child = this.child;
    if (child?.connected) child.send(m, (err) => err && undefined);
  }

  /** Starts the bus process, which opens the port and takes the arm; rejects with its reason when it cannot. */
  async connect(): Promise<void> {
    this.closing = false;
    this.ready = false;
    this.processFault = null;
    // A larger thread pool than libuv's 4: the port's reads and writes run on it, and must never queue.
    const child = forkTs(new URL('./so101BusProcess.ts', import.meta.url), { env: { ...process.env, UV_THREADPOOL_SIZE: '8' } });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new So101Error(`the SO-101 bus process did not take the arm on ${this.o.port} within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
      child.on('message', (m: FromBusProcess) => {
        if (m.type === 'ready') {
          this.niceness = m.niceness;
          clearTimeout(timer);
          resolve();
        } else if (m.type === 'failed') {
          clearTimeout(timer);
          reject(new So101Error(m.message));
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new So101Error(`the SO-101 bus process exited (${code ?? signal}) before taking the arm on ${this.o.port}`));
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(new So101Error(`cannot start the SO-101 bus process: ${err.message}`));
      });
    });
    child.on('message', (m: FromBusProcess) => this.onMessage(m));
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      for (const r of this.resets.values()) r.reject(new So101Error('the SO-101 bus process ended'));
      this.resets.clear();
      if (!this.closing && this.ready) this.processFault = { code: 'bus_process', message: `the SO-101 bus process exited (${code ?? signal}): motion stopped; restart the agent` };
    });
    this.send({ type: 'open', port: this.o.port, baud: this.o.baud ?? 1_000_000, calibration: this.calibration, ...(this.o.maxTemperatureC !== undefined ? { maxTemperatureC: this.o.maxTemperatureC } : {}), ...(this.o.rateHz !== undefined ? { rateHz: this.o.rateHz } : {}) });
    try {
      await ready;
      this.ready = true;
    } catch (err) {
      await this.endProcess();
      throw err;
    }
  }

  private onMessage(m: FromBusProcess): void {
    if (m.type === 'snapshot') {
      this.snapshot = m.snapshot;
      // The bus process sends the next one only when this process keeps up (see so101BusProcess.ts).
      this.send({ type: 'ack' });
    }
    else if (m.type === 'reset') {
      const r = this.resets.get(m.id);
      this.resets.delete(m.id);
      if (m.error === null) r?.resolve();
      else r?.reject(new So101Error(m.error));
    }
  }

  /** The latest reading of the bus process (it reads the arm 100 times a second on its own). */
  readState(): Promise<JointReading> {
    const r = this.snapshot?.reading;
    return Promise.resolve(r ?? { positions: this.description.joints.map(() => 0), velocities: this.description.joints.map(() => 0), efforts: this.description.joints.map(() => 0) });
  }

  /** The goal for the bus process's next step; the latest wins. While a fault is latched it is dropped there. */
  sendAction(goalPositions: readonly number[]): Promise<void> {
    this.send({ type: 'goal', positions: [...goalPositions] });
    return Promise.resolve();
  }

  faults(): DriverFault[] {
    if (this.processFault) return [this.processFault];
    if (!this.child || !this.snapshot) return [{ code: 'not_connected', message: `the arm on ${this.o.port} is not connected` }];
    return this.snapshot.faults;
  }

  /** Clears latched faults when every servo is healthy again (torque back on, settings checked); rejects saying why not. */
  resetFaults(): Promise<void> {
    if (!this.child?.connected) return Promise.reject(new So101Error(`cannot reset: the arm on ${this.o.port} is not connected`));
    const id = this.nextResetId++;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.resets.delete(id);
        reject(new So101Error(`cannot reset: the SO-101 bus process did not answer within ${RESET_TIMEOUT_MS / 1000} s`));
      }, RESET_TIMEOUT_MS);
      this.resets.set(id, {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      });
      this.send({ type: 'reset', id });
    });
  }

  /** Bus counters and step timing of the bus process, for status and benchmarks. */
  busStats(): BusSnapshot['bus'] {
    return this.snapshot?.bus ?? null;
  }

  stepStats(): BusSnapshot['step'] | null {
    return this.snapshot?.step ?? null;
  }

  diagnostics(): Record<string, unknown> | null {
    return this.snapshot ? { busProcessNiceness: this.niceness, bus: this.snapshot.bus, step: this.snapshot.step } : null;
  }

  /** Asks the bus process to close (torque off, port closed) and waits for it to end; killed if it does not. */
  private async endProcess(torqueOff = false): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.send({ type: 'close', torqueOff });
    const timer = setTimeout(() => child.kill('SIGKILL'), CLOSE_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
    this.child = null;
  }

  async disconnect(): Promise<void> {
    this.closing = true;
    await this.endProcess(true);
    this.snapshot = null;
  }
}

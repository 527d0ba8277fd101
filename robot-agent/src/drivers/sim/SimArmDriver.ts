// A simulated 6-joint arm (SO-101-shaped): each joint tracks its goal with a
// proportional controller under a velocity limit, integrated in real time
// from whatever moments the agent reads it.
import { readFileSync } from 'node:fs';
import { v1 } from '@teleop/proto';
import type { Driver, DriverDescription, DriverFault, JointReading } from '../Driver.ts';
import { urdfJointSpecs } from '../urdfJoints.ts';

const urdf = readFileSync(new URL('./sim-arm.urdf', import.meta.url), 'utf8');

export interface SimArmOptions {
  /** Joint positions at start (rad); default: the pose every joint at 0. */
  initialPositions?: number[];
  /** Proportional gain of each joint's tracking controller, 1/s. */
  gain?: number;
  /** Source of time in ms; injectable for tests. */
  nowMs?: () => number;
}

/** Longest physics step; longer gaps between reads are integrated in pieces. */
const MAX_STEP_S = 0.002;
const GRAVITY_TORQUE_NM = [0, 1.1, 0.55, 0.12, 0, 0];

export class SimArmDriver implements Driver {
  readonly name = 'sim';
  private readonly description: DriverDescription;
  private readonly positions: number[];
  private readonly velocities: number[];
  private goal: number[];
  private lastMs: number;
  private readonly gain: number;
  private readonly nowMs: () => number;
  private connected = false;

  constructor(options: SimArmOptions = {}) {
    const joints = urdfJointSpecs(urdf);
    this.description = {
      model: 'so101_sim',
      joints,
      controlModes: [v1.ControlMode.CONTROL_MODE_JOINT_POSITION, v1.ControlMode.CONTROL_MODE_JOINT_VELOCITY, v1.ControlMode.CONTROL_MODE_GRIPPER],
      gripperJoint: 'gripper',
      urdf,
    };
    this.positions = options.initialPositions ? [...options.initialPositions] : joints.map(() => 0);
    this.velocities = joints.map(() => 0);
    this.goal = [...this.positions];
    this.gain = options.gain ?? 40;
    this.nowMs = options.nowMs ?? (() => performance.now());
    this.lastMs = this.nowMs();
  }

  describe(): DriverDescription {
    return this.description;
  }

  async connect(): Promise<void> {
    this.connected = true;
    this.lastMs = this.nowMs();
  }

  async readState(): Promise<JointReading> {
    this.advance();
    const efforts = this.positions.map((_, i) => this.effort(i));
    return { positions: [...this.positions], velocities: [...this.velocities], efforts };
  }

  async sendAction(goalPositions: readonly number[]): Promise<void> {
    this.advance();
    this.goal = [...goalPositions];
  }

  faults(): DriverFault[] {
    return this.connected ? [] : [{ code: 'not_connected', message: 'simulated arm is not connected' }];
  }

  async disconnect(): Promise<void> {
    this.connected = false;
  }

  private advance(): void {
    const now = this.nowMs();
    let remaining = Math.max(0, (now - this.lastMs) / 1000);
    this.lastMs = now;
    const joints = this.description.joints;
    while (remaining > 0) {
      const dt = Math.min(MAX_STEP_S, remaining);
      remaining -= dt;
      for (let i = 0; i < joints.length; i++) {
        const spec = joints[i]!;
        const maxV = spec.maxVelocity ?? 1;
        const pos = this.positions[i]!;
        const v = Math.max(-maxV, Math.min(maxV, this.gain * ((this.goal[i] ?? pos) - pos)));
        const next = Math.max(spec.minPosition ?? -Infinity, Math.min(spec.maxPosition ?? Infinity, pos + v * dt));
        this.velocities[i] = (next - pos) / dt;
        this.positions[i] = next;
      }
    }
  }

  /** A rough holding torque: gravity on the lifting joints plus the tracking effort. */
  private effort(i: number): number {
    const pitch = this.positions.slice(1, i + 1).reduce((a, b) => a + b, 0);
    const gravity = (GRAVITY_TORQUE_NM[i] ?? 0) * Math.sin(pitch);
    return gravity + 0.02 * (this.velocities[i] ?? 0);
  }
}

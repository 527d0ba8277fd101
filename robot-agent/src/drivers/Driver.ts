// The hardware abstraction of the agent, in the spirit of LeRobot's Robot:
// adding a robot means adding a folder under drivers/ with one Driver.
import type { v1 } from '@teleop/proto';

/** One reading of every joint, in describe().joints order. */
export interface JointReading {
  positions: number[];
  velocities: number[];
  efforts: number[];
}

export interface DriverFault {
  /** Stable machine-readable code, e.g. "servo_timeout". */
  code: string;
  message: string;
  joint?: string;
}

/** What a driver tells the rest of the agent about the robot it drives. */
export interface DriverDescription {
  model: string;
  joints: v1.JointSpec.$Properties[];
  controlModes: v1.ControlMode[];
  /** Joint driven by CONTROL_MODE_GRIPPER, if any. */
  gripperJoint?: string;
  urdf?: string;
  urdfUrl?: string;
}

export interface Driver {
  /** Driver name as given on the command line (--driver). */
  readonly name: string;
  describe(): DriverDescription;
  connect(): Promise<void>;
  /** Reads every joint now. */
  readState(): Promise<JointReading>;
  /** Sends goal positions, already checked by the safety layer. */
  sendAction(goalPositions: readonly number[]): Promise<void>;
  /** Faults active now; an empty list when healthy. */
  faults(): DriverFault[];
  /**
   * Clears latched faults (the operator's reset), for drivers whose faults latch: resolves once the robot is
   * healthy and driven again, rejects saying why not.
   */
  resetFaults?(): Promise<void>;
  /** The driver's own counters (bus steps and their timing, timeouts), logged every 10 s. */
  diagnostics?(): Record<string, unknown> | null;
  disconnect(): Promise<void>;
}

/** LeRobot feature names for a driver's joints ("shoulder_pan.pos", ...). */
export function positionFeatureNames(description: DriverDescription): string[] {
  return description.joints.map((j) => `${j.name}.pos`);
}

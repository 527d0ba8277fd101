// A RobotDescription's joints with every field present (protobuf decoding
// fills defaults, but the generated types leave them optional).
import type { teleop } from './generated/teleop.js';

export interface DescribedJoint {
  name: string;
  unit: string;
  minPosition: number;
  maxPosition: number;
  maxVelocity: number;
  maxEffort: number;
}

export function describedJoints(d: teleop.v1.RobotDescription.$Properties): DescribedJoint[] {
  return (d.joints ?? []).map((j) => ({
    name: j.name ?? '',
    unit: j.unit ?? '',
    minPosition: j.minPosition ?? 0,
    maxPosition: j.maxPosition ?? 0,
    maxVelocity: j.maxVelocity ?? 0,
    maxEffort: j.maxEffort ?? 0,
  }));
}

// SO-100/SO-101 calibration, in the JSON shape LeRobot writes
// ({"shoulder_pan": {"id", "drive_mode", "homing_offset", "range_min",
// "range_max"}, ...}), so a calibration made with LeRobot works here and the
// other way round. Positions on the wire of Teleop Hub are radians, zero at
// the middle of each joint's calibrated range (the pose LeRobot's calibration
// asks for):
//
//   rad = (raw - (range_min + range_max) / 2) * 2π / 4095   (negated when drive_mode is 1)
//
// which is LeRobot's degrees mode (`use_degrees=True`) in radians; LeRobot's
// normalised modes are here too: -100..100 over the range for body joints and
// 0..100 for the gripper.

export const SO101_JOINTS = ['shoulder_pan', 'shoulder_lift', 'elbow_flex', 'wrist_flex', 'wrist_roll', 'gripper'] as const;
export type So101Joint = (typeof SO101_JOINTS)[number];

export interface JointCalibration {
  id: number;
  drive_mode: 0 | 1;
  homing_offset: number;
  range_min: number;
  range_max: number;
}

export type ArmCalibration = Record<string, JointCalibration>;

export class CalibrationError extends Error {
  override name = 'CalibrationError';
  constructor(readonly problems: string[]) {
    super(`calibration is not usable: ${problems.join('; ')}`);
  }
}

const STEPS = 4095;

/** Checks a parsed calibration for the given joints; throws CalibrationError listing every problem. */
export function checkCalibration(value: unknown, joints: readonly string[] = SO101_JOINTS): ArmCalibration {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CalibrationError(['it is not a JSON object of joints']);
  const v = value as Record<string, unknown>;
  const ids = new Map<number, string>();
  for (const joint of joints) {
    const j = v[joint] as Partial<JointCalibration> | undefined;
    if (!j || typeof j !== 'object') {
      problems.push(`${joint} is missing`);
      continue;
    }
    const int = (k: keyof JointCalibration, lo: number, hi: number): boolean => {
      const x = j[k];
      if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > hi) {
        problems.push(`${joint}.${k} must be an integer from ${lo} to ${hi}, got ${JSON.stringify(x)}`);
        return false;
      }
      return true;
    };
    if (int('id', 0, 253)) {
      const other = ids.get(j.id!);
      if (other) problems.push(`${joint} and ${other} share servo id ${j.id}`);
      ids.set(j.id!, joint);
    }
    int('drive_mode', 0, 1);
    int('homing_offset', -2047, 2047);
    const okMin = int('range_min', 0, STEPS);
    const okMax = int('range_max', 0, STEPS);
    if (okMin && okMax && j.range_min! >= j.range_max!) problems.push(`${joint}: range_min ${j.range_min} is not below range_max ${j.range_max}`);
  }
  const extra = Object.keys(v).filter((k) => !joints.includes(k));
  if (extra.length) problems.push(`unknown joints: ${extra.join(', ')}`);
  if (problems.length) throw new CalibrationError(problems);
  return Object.fromEntries(joints.map((k) => [k, v[k] as JointCalibration]));
}

const mid = (c: JointCalibration): number => (c.range_min + c.range_max) / 2;
const sign = (c: JointCalibration): number => (c.drive_mode === 1 ? -1 : 1);

export function rawToRadians(c: JointCalibration, raw: number): number {
  return (sign(c) * (raw - mid(c)) * 2 * Math.PI) / STEPS;
}

/** Radians to the nearest encoder step, clamped to the calibrated range. */
export function radiansToRaw(c: JointCalibration, rad: number): number {
  const raw = Math.round(mid(c) + (sign(c) * rad * STEPS) / (2 * Math.PI));
  return Math.min(c.range_max, Math.max(c.range_min, raw));
}

/** The calibrated range in radians, [low, high]. */
export function radianLimits(c: JointCalibration): [number, number] {
  const a = rawToRadians(c, c.range_min);
  const b = rawToRadians(c, c.range_max);
  return a < b ? [a, b] : [b, a];
}

/** LeRobot's normalised value: -100..100 over the range (0..100 for the gripper). */
export function rawToNormalized(c: JointCalibration, raw: number, gripper = false): number {
  const t = (Math.min(c.range_max, Math.max(c.range_min, raw)) - c.range_min) / (c.range_max - c.range_min);
  const x = c.drive_mode === 1 ? 1 - t : t;
  return gripper ? x * 100 : x * 200 - 100;
}

/**
 * Calibration from recorded positions: the homing offset puts the recorded middle pose (read with no
 * offset) at step 2047, as the servo subtracts it from what it reads; the range is what the joints swept
 * afterwards, in homed steps. Joints in
 * `fullTurn` (wrist_roll) get the whole turn.
 */
export function calibrationFromRecording(o: {
  ids: Record<string, number>;
  middle: Record<string, number>;
  /** Minimum and maximum seen per joint once the homing offsets were written (homed steps). */
  min: Record<string, number>;
  max: Record<string, number>;
  fullTurn?: readonly string[];
  driveModes?: Record<string, 0 | 1>;
}): ArmCalibration {
  const out: ArmCalibration = {};
  const problems: string[] = [];
  for (const [joint, id] of Object.entries(o.ids)) {
    const homing = o.middle[joint]! - 2047;
    const full = o.fullTurn?.includes(joint) ?? false;
    const lo = full ? 0 : o.min[joint]!;
    const hi = full ? STEPS : o.max[joint]!;
    if (!full && hi - lo < 20) problems.push(`${joint} barely moved (${hi - lo} steps): move it through its whole range`);
    out[joint] = { id, drive_mode: o.driveModes?.[joint] ?? 0, homing_offset: homing, range_min: Math.max(0, lo), range_max: Math.min(STEPS, hi) };
  }
  if (problems.length) throw new CalibrationError(problems);
  return out;
}

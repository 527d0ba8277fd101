// The bus side of calibrating an SO-101, shared by `robot-agent calibrate`
// (follower, on the robot) and the console (leader, in the browser): LeRobot's
// two steps. First, limp servos with no homing offset and full limits, so the
// raw positions show; with the arm in its middle pose, the homing offsets that
// make that pose read 2047 are written. Then the joints are swept (the caller
// samples `readPositions` meanwhile) and the result becomes a calibration.
import type { FeetechBus } from './bus.ts';
import { calibrationFromRecording, SO101_JOINTS, type ArmCalibration } from './calibration.ts';
import { decodeValue, FeetechProtocolError, STS3215 } from './protocol.ts';

export const SO101_IDS = [1, 2, 3, 4, 5, 6] as const;
const nameOf = (id: number): string => SO101_JOINTS[id - 1]!;

/** Present positions of the six servos by joint name; throws naming the servos that did not answer. */
export async function readPositions(bus: FeetechBus): Promise<Record<string, number>> {
  const r = await bus.syncRead([...SO101_IDS], STS3215.presentPosition.address, 2);
  if (r.missing.length) throw new FeetechProtocolError(`servos stopped answering: ${r.missing.map(nameOf).join(', ')}`);
  return Object.fromEntries(SO101_IDS.map((id) => [nameOf(id), decodeValue(STS3215.presentPosition, r.answers.get(id)!.data)]));
}

/** Step 1a: torque off, EEPROM unlocked, no homing offset, full position limits. */
export async function prepareCalibration(bus: FeetechBus): Promise<void> {
  for (const id of SO101_IDS) {
    await bus.write(id, STS3215.torqueEnable, 0);
    await bus.write(id, STS3215.lock, 0);
    await bus.write(id, STS3215.homingOffset, 0);
    await bus.write(id, STS3215.minPositionLimit, 0);
    await bus.write(id, STS3215.maxPositionLimit, 4095);
  }
}

/** Step 1b, arm in its middle pose: reads it and writes the homing offsets; returns the raw middle pose. */
export async function setMiddlePose(bus: FeetechBus): Promise<Record<string, number>> {
  const middle = await readPositions(bus);
  for (const id of SO101_IDS) await bus.write(id, STS3215.homingOffset, middle[nameOf(id)]! - 2047);
  return middle;
}

/** Step 2, after the sweep: the calibration (wrist_roll a full turn, as LeRobot treats it). */
export function finishCalibration(middle: Record<string, number>, min: Record<string, number>, max: Record<string, number>): ArmCalibration {
  return calibrationFromRecording({ ids: Object.fromEntries(SO101_IDS.map((id) => [nameOf(id), id])), middle, min, max, fullTurn: ['wrist_roll'] });
}

/** Writes a calibration's position limits into the servos and locks their EEPROM. */
export async function writeLimits(bus: FeetechBus, calibration: ArmCalibration): Promise<void> {
  for (const c of Object.values(calibration)) {
    await bus.write(c.id, STS3215.minPositionLimit, c.range_min);
    await bus.write(c.id, STS3215.maxPositionLimit, c.range_max);
    await bus.write(c.id, STS3215.lock, 1);
  }
}

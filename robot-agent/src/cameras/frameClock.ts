// The frame clock of the cameras drawn in the agent (sim, test): how many late
// frames they may still make, and their due times as wall-clock capture times.
import { nowNs } from '@teleop/proto';

/**
 * Frames a drawn camera may make late after its thread was held up (about a quarter of a second at 30 fps),
 * as a USB camera keeps a few frames in its driver's buffers until they are read. Older ones are lost and counted.
 */
export const FRAME_BUFFER = 8;

/** A performance.now() time (ms) as wall-clock ns since the epoch. */
export function epochNsOf(perfMs: number): bigint {
  return nowNs() - BigInt(Math.round((performance.now() - perfMs) * 1e6));
}

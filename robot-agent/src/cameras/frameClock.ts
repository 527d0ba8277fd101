// The frame clock of the cameras drawn in the agent (sim, test): how many late
// frames they may still make, and their due times as wall-clock capture times.
import { nowNs } from '@teleop/proto';

/**
 * Frames a drawn camera may make late after its thread was held up (a second at 30 fps), as a USB camera keeps
 * frames in its driver's buffers until they are read. Older ones are lost and counted. Beside two CPU hogs on the
 * 2-core VM, 8 frames lost 6-16% of the frames of two cameras out of three in a 60 s episode (the threads were not
 * scheduled for longer than that); 30 lost none (tests/bench/RESULTS.md, "Holding up on a busy machine").
 */
export const FRAME_BUFFER = 30;

/** A performance.now() time (ms) as wall-clock ns since the epoch. */
export function epochNsOf(perfMs: number): bigint {
  return nowNs() - BigInt(Math.round((performance.now() - perfMs) * 1e6));
}

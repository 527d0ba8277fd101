// Recent joint positions with their capture times, written by the control loop
// (main thread) and read by the simulated camera (its own thread) through
// shared memory, so a frame made late still shows the arm as it was at the
// frame's own time. Each entry has a version (odd while it is written), so a
// reader never takes a half-written pose. The history must reach back as far
// as a camera may make a frame late (FRAME_BUFFER frames): a frame older than
// every pose kept would show a later pose than its time (the hub's video_sync
// check then sees the frame times moved). Poses closer than MIN_SPACING_MS to
// the last one kept are skipped, so how far back it reaches does not depend on
// how often the loop steps (commands add steps).

const HEADER_BYTES = 8;
/** Poses kept at most this often (ms): at most 500 a second, whatever the step rate. */
export const MIN_SPACING_MS = 2;

export class PoseHistory {
  private readonly count: Int32Array;
  private readonly versions: Int32Array;
  private readonly data: Float64Array;
  private readonly stride: number;

  /** How many poses keep the last `reachMs` whatever the step rate. */
  static capacityFor(reachMs: number): number {
    return Math.max(16, Math.ceil(reachMs / MIN_SPACING_MS) + 1);
  }

  /** Shared memory for `capacity` poses of `joints` positions (the capacity is kept in it for the readers). */
  static allocate(joints: number, capacity = 128): SharedArrayBuffer {
    const buffer = new SharedArrayBuffer(HEADER_BYTES + capacity * 4 + (capacity * 4) % 8 + capacity * (1 + joints) * 8);
    new Int32Array(buffer, 0, 2)[1] = capacity;
    return buffer;
  }

  readonly capacity: number;
  /** Capture time (ns) of the last pose this writer kept. */
  private lastWrittenNs: bigint | null = null;

  constructor(
    buffer: SharedArrayBuffer,
    readonly joints: number,
  ) {
    this.stride = 1 + joints;
    const capacity = new Int32Array(buffer, 0, 2)[1]!;
    this.capacity = capacity;
    this.count = new Int32Array(buffer, 0, 1);
    this.versions = new Int32Array(buffer, HEADER_BYTES, capacity);
    const dataOffset = HEADER_BYTES + capacity * 4 + (capacity * 4) % 8;
    this.data = new Float64Array(buffer, dataOffset, capacity * this.stride);
  }

  /** Adds the pose captured at `timeNs` (one writer only), unless the last one kept is within MIN_SPACING_MS of it. */
  write(timeNs: bigint, positions: readonly number[]): void {
    if (this.lastWrittenNs !== null && timeNs - this.lastWrittenNs < BigInt(MIN_SPACING_MS * 1e6)) return;
    this.lastWrittenNs = timeNs;
    const timeMs = Number(timeNs) / 1e6;
    const n = Atomics.load(this.count, 0);
    const slot = n % this.capacity;
    Atomics.add(this.versions, slot, 1);
    const at = slot * this.stride;
    this.data[at] = timeMs;
    for (let j = 0; j < this.joints; j++) this.data[at + 1 + j] = positions[j] ?? 0;
    Atomics.add(this.versions, slot, 1);
    Atomics.store(this.count, 0, n + 1);
  }

  /** The newest pose captured at or before `timeNs` (the oldest kept if all are newer; zeros before any). */
  at(timeNs: bigint): number[] {
    const target = Number(timeNs) / 1e6;
    const n = Atomics.load(this.count, 0);
    let oldest: number[] | null = null;
    for (let k = n - 1; k >= Math.max(0, n - this.capacity + 1); k--) {
      const read = this.read(k % this.capacity);
      if (!read) continue; // being overwritten: the writer lapped us here
      if (read.timeMs <= target) return read.positions;
      oldest = read.positions;
    }
    return oldest ?? new Array<number>(this.joints).fill(0);
  }

  private read(slot: number): { timeMs: number; positions: number[] } | null {
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = Atomics.load(this.versions, slot);
      if (before % 2 === 1) continue;
      const at = slot * this.stride;
      const timeMs = this.data[at]!;
      const positions = Array.from(this.data.subarray(at + 1, at + 1 + this.joints));
      if (Atomics.load(this.versions, slot) === before) return { timeMs, positions };
    }
    return null;
  }
}

// The frame clock of cameras that make their frames in this thread (the
// simulated and test cameras): slot k is due at start + k periods, and each
// call is given its slot and the slot's due time. Like a real camera, which
// exposes on its own clock and buffers a few frames until they are read, a
// thread that falls behind still produces the slots it missed (each with its
// own time) as long as they are within `maxLagFrames` of the newest one due;
// older slots are lost, and show as a jump in the index. Frames are never
// made for a slot that is not yet due.

export interface FrameTickerOptions {
  /** How many slots may be made late, newest first kept (1: only the newest due slot). */
  maxLagFrames?: number;
}

export class FrameTicker {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private origin = 0;
  private slot = 0;
  private readonly maxLag: number;

  constructor(
    private readonly fps: number,
    /** Called with the slot's index and its due time (performance.now() clock, ms). */
    private readonly onTick: (index: number, dueMs: number) => void,
    options: FrameTickerOptions = {},
  ) {
    this.maxLag = Math.max(1, Math.floor(options.maxLagFrames ?? 1));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const period = 1000 / this.fps;
    this.origin = performance.now();
    this.slot = 0;
    const tick = (): void => {
      const due = Math.floor((performance.now() - this.origin) / period);
      if (due - this.slot >= this.maxLag) this.slot = due - this.maxLag + 1;
      while (this.slot <= due && this.running) {
        const slot = this.slot++;
        this.onTick(slot, this.origin + slot * period);
      }
      if (!this.running) return;
      this.timer = setTimeout(tick, Math.max(0, this.origin + this.slot * period - performance.now()));
    };
    tick();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

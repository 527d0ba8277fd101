// Calls back at a fixed frame rate, correcting drift, for cameras that draw
// their frames in this process. Frames it had to skip show as a jump in the index.

export class FrameTicker {
  private timer: NodeJS.Timeout | null = null;
  private next = 0;
  private index = 0;

  constructor(
    private readonly fps: number,
    private readonly onTick: (index: number) => void,
  ) {}

  start(): void {
    if (this.timer) return;
    const period = 1000 / this.fps;
    this.next = performance.now();
    const tick = (): void => {
      this.onTick(this.index++);
      this.next += period;
      const now = performance.now();
      // Fell behind by more than a frame: skip those frames (the index says so) instead of bursting.
      if (this.next < now - period) {
        const skipped = Math.floor((now - this.next) / period);
        this.index += skipped;
        this.next += skipped * period;
      }
      this.timer = setTimeout(tick, Math.max(0, this.next - now));
    };
    tick();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

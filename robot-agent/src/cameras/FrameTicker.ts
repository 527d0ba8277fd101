// Calls back at a fixed frame rate for cameras that draw their frames in this
// thread. Each call is given its slot on the frame clock (slot k is due at
// start + k periods): a call less than a period late is still its slot's frame;
// a later one takes the newest slot that is due, so the slots it could not
// serve show as a jump in the index, and frames are never burst out late.

export class FrameTicker {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private origin = 0;
  private slot = 0;

  constructor(
    private readonly fps: number,
    private readonly onTick: (index: number) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    const period = 1000 / this.fps;
    this.origin = performance.now();
    this.slot = 0;
    const tick = (): void => {
      const due = Math.floor((performance.now() - this.origin) / period);
      if (due > this.slot) this.slot = due;
      this.onTick(this.slot++);
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

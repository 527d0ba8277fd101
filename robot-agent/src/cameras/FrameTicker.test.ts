import { describe, expect, it } from 'vitest';
import { FrameTicker } from './FrameTicker.ts';

describe('FrameTicker', () => {
  it('gives each frame its slot on the frame clock: never early, and a stall shows as a jump over the slots it missed', async () => {
    const fps = 100;
    const period = 1000 / fps;
    const calls: { index: number; at: number }[] = [];
    const before = performance.now();
    let stalled = false;
    const ticker = new FrameTicker(fps, (index) => {
      calls.push({ index, at: performance.now() });
      if (index >= 5 && !stalled) {
        stalled = true;
        const until = performance.now() + 100; // the thread is busy for ten periods
        while (performance.now() < until);
      }
    });
    ticker.start();
    await new Promise((r) => setTimeout(r, 400));
    ticker.stop();
    const count = calls.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.length).toBe(count); // stopped means stopped
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.index).toBeGreaterThan(calls[i - 1]!.index);
    // A frame is never taken before its slot is due (1 ms for timer rounding).
    for (const c of calls) expect(c.at).toBeGreaterThanOrEqual(before + c.index * period - 1);
    // The call after the stall is at least ten periods on: it skipped the slots it could not serve.
    const stall = calls.findIndex((c) => c.index >= 5);
    expect(calls[stall + 1]!.index - calls[stall]!.index).toBeGreaterThanOrEqual(10);
  });
});

import { describe, expect, it } from 'vitest';
import { FrameTicker } from './FrameTicker.ts';

/** Runs a 100 fps ticker whose thread is busy for 100 ms (ten periods) on slot 5; returns its calls. */
async function stalledRun(maxLagFrames: number): Promise<{ calls: { index: number; dueMs: number; at: number }[]; before: number }> {
  const calls: { index: number; dueMs: number; at: number }[] = [];
  const before = performance.now();
  let stalled = false;
  const ticker = new FrameTicker(
    100,
    (index, dueMs) => {
      calls.push({ index, dueMs, at: performance.now() });
      if (index >= 5 && !stalled) {
        stalled = true;
        const until = performance.now() + 100;
        while (performance.now() < until);
      }
    },
    { maxLagFrames },
  );
  ticker.start();
  await new Promise((r) => setTimeout(r, 400));
  ticker.stop();
  const count = calls.length;
  await new Promise((r) => setTimeout(r, 50));
  expect(calls.length).toBe(count); // stopped means stopped
  return { calls, before };
}

describe('FrameTicker', () => {
  it('gives each frame its slot and due time: never early, and with no buffer a stall jumps over the slots it missed', async () => {
    const { calls, before } = await stalledRun(1);
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.index).toBeGreaterThan(calls[i - 1]!.index);
    for (const c of calls) {
      expect(c.at).toBeGreaterThanOrEqual(c.dueMs); // never made before its slot is due
      expect(c.dueMs).toBeGreaterThanOrEqual(before + c.index * 10 - 1e-6);
    }
    const stall = calls.findIndex((c) => c.index >= 5);
    expect(calls[stall + 1]!.index - calls[stall]!.index).toBeGreaterThanOrEqual(10);
  });

  it('makes the slots missed in a stall late, each with its own time, up to its buffer; older ones are lost', async () => {
    const { calls } = await stalledRun(4);
    const stall = calls.findIndex((c) => c.index >= 5);
    const after = calls.slice(stall + 1, stall + 5);
    // Right after the stall: four consecutive slots, made at once, the newest already due.
    expect(after.map((c) => c.index - after[0]!.index)).toEqual([0, 1, 2, 3]);
    // Slots between the stalled one and the buffer's oldest were lost: the index jumps (by at least 10 - 4 + 1).
    expect(after[0]!.index - calls[stall]!.index).toBeGreaterThanOrEqual(7);
    for (const c of after) expect(c.at).toBeGreaterThanOrEqual(c.dueMs);
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.dueMs - calls[i - 1]!.dueMs).toBeCloseTo((calls[i]!.index - calls[i - 1]!.index) * 10, 6);
  });
});

import { describe, expect, it } from 'vitest';
import { MIN_SPACING_MS, PoseHistory } from './PoseHistory.ts';

describe('PoseHistory', () => {
  it('answers with the pose captured at or before a time, across the ring', () => {
    const h = new PoseHistory(PoseHistory.allocate(2, 8), 2);
    expect(h.at(5n)).toEqual([0, 0]);
    const t0 = 1_800_000_000_000_000_000n;
    for (let i = 0; i < 20; i++) h.write(t0 + BigInt(i) * 10_000_000n, [i, -i]);
    expect(h.at(t0 + 195_000_000n)).toEqual([19, -19]);
    expect(h.at(t0 + 150_000_000n)).toEqual([15, -15]);
    expect(h.at(t0 + 155_000_000n)).toEqual([15, -15]);
    // Older than anything kept: the oldest kept pose.
    expect(h.at(t0)).toEqual([13, -13]);
  });

  it('reaches back as far as it was sized for, however often the loop steps', () => {
    // A camera may make a frame 1 s late (FRAME_BUFFER at 30 fps); the loop steps at 100 Hz plus one step per
    // command (50 Hz here) and more: 400 steps a second.
    const h = new PoseHistory(PoseHistory.allocate(1, PoseHistory.capacityFor(2000)), 1);
    const t0 = 1_800_000_000_000_000_000n;
    for (let i = 0; i <= 600; i++) h.write(t0 + BigInt(i) * 2_500_000n, [i]);
    // 1.2 s before the newest pose: the pose of then, not a later one.
    const newest = t0 + 600n * 2_500_000n;
    expect(h.at(newest - 1_200_000_000n)).toEqual([600 - 480]);
    // Poses closer than MIN_SPACING_MS to the last kept are skipped: the one kept stands for them.
    const close = new PoseHistory(PoseHistory.allocate(1, 8), 1);
    close.write(t0, [1]);
    close.write(t0 + BigInt(MIN_SPACING_MS * 1e6 - 1), [2]);
    close.write(t0 + BigInt(MIN_SPACING_MS * 1e6), [3]);
    expect(close.at(t0 + 1_000_000n)).toEqual([1]);
    expect(close.at(t0 + BigInt(MIN_SPACING_MS * 1e6))).toEqual([3]);
  });

  it('is read whole from another thread while it is written', async () => {
    const { Worker } = await import('node:worker_threads');
    const buffer = PoseHistory.allocate(6, 16);
    const h = new PoseHistory(buffer, 6);
    // The reader (the real class, in a thread of its own) checks that every pose it gets has all six positions from one write.
    const tsx = import.meta.resolve('tsx/esm/api');
    const module = new URL('./PoseHistory.ts', import.meta.url).href;
    const worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(module)}); }).then(({ PoseHistory }) => {
         const h = new PoseHistory(workerData, 6); let torn = 0, reads = 0;
         const end = Date.now() + 300;
         while (Date.now() < end) {
           const p = h.at(10n ** 18n);
           reads++; if (p.some((x) => x !== p[0])) torn++;
         }
         parentPort.postMessage({ torn, reads });
       });`,
      { eval: true, workerData: buffer },
    );
    const result = new Promise<{ torn: number; reads: number }>((resolve) => worker.once('message', resolve));
    let i = 0;
    const writer = setInterval(() => {
      for (let k = 0; k < 200; k++, i++) h.write(BigInt(i) * 3_000_000n, new Array(6).fill(i));
    }, 1);
    const { torn, reads } = await result;
    clearInterval(writer);
    await worker.terminate();
    expect(reads).toBeGreaterThan(0);
    expect(torn).toBe(0);
  });
});

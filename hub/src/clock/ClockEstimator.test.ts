import { describe, expect, it } from 'vitest';
import { ClockEstimator } from './ClockEstimator.ts';

describe('ClockEstimator', () => {
  it('recovers a known offset and keeps the minimum-RTT sample', () => {
    const est = new ClockEstimator();
    const offset = 5_000_000_000n; // remote is 5 s ahead
    let t = 1_000_000_000_000n;
    // Probes with asymmetric queueing; the least delayed one gives the truth.
    for (const [up, down] of [[3_000_000n, 500_000n], [200_000n, 200_000n], [900_000n, 4_000_000n]] as const) {
      const t0 = t;
      const t1 = t0 + up + offset;
      const t2 = t1 + 50_000n;
      const t3 = t2 - offset + down;
      est.add(t0, t1, t2, t3);
      t += 1_000_000_000n;
    }
    expect(est.best()?.rttNs).toBe(400_000n);
    expect(est.offsetNs).toBe(offset);
  });

  it('rejects impossible probes and forgets samples outside the window', () => {
    const est = new ClockEstimator({ windowNs: 10_000n });
    expect(est.add(100n, 50n, 40n, 200n)).toBeNull();
    expect(est.known).toBe(false);
    est.add(0n, 10n, 11n, 20n);
    est.add(100_000n, 100_100n, 100_101n, 100_300n);
    expect(est.best()?.atNs).toBe(100_300n);
  });
});

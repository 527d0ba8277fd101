// NTP-style offset estimation for one remote clock: of the recent probes,
// trust the one with the smallest round trip (least queueing asymmetry).

export interface ClockSample {
  /** Remote clock minus local clock, ns. */
  offsetNs: bigint;
  rttNs: bigint;
  /** Local time the sample completed, ns. */
  atNs: bigint;
}

export interface ClockEstimatorOptions {
  /** Samples older than this are forgotten, so drift is followed. */
  windowNs?: bigint;
  maxSamples?: number;
}

export class ClockEstimator {
  private samples: ClockSample[] = [];
  private readonly windowNs: bigint;
  private readonly maxSamples: number;

  constructor(options: ClockEstimatorOptions = {}) {
    this.windowNs = options.windowNs ?? 120_000_000_000n;
    this.maxSamples = options.maxSamples ?? 64;
  }

  /**
   * Adds one probe: t0 local send, t1 remote receive, t2 remote send, t3 local receive.
   * Returns the sample, or null when the times are inconsistent.
   */
  add(t0: bigint, t1: bigint, t2: bigint, t3: bigint): ClockSample | null {
    const rttNs = t3 - t0 - (t2 - t1);
    if (t3 < t0 || t2 < t1 || rttNs < 0n) return null;
    const sample = { offsetNs: (t1 - t0 + (t2 - t3)) / 2n, rttNs, atNs: t3 };
    this.samples.push(sample);
    const cutoff = t3 - this.windowNs;
    this.samples = this.samples.filter((s) => s.atNs >= cutoff).slice(-this.maxSamples);
    return sample;
  }

  /** The minimum-RTT sample in the window, or null before the first probe. */
  best(): ClockSample | null {
    let best: ClockSample | null = null;
    for (const s of this.samples) if (best === null || s.rttNs < best.rttNs) best = s;
    return best;
  }

  /** Remote minus local clock, ns; 0 until known. */
  get offsetNs(): bigint {
    return this.best()?.offsetNs ?? 0n;
  }

  get known(): boolean {
    return this.samples.length > 0;
  }
}

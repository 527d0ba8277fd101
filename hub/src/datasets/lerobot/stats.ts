// Feature statistics as LeRobot keeps them (per episode in meta/episodes,
// aggregated in meta/stats.json): min, max, mean, population std, count and
// the q01/q10/q50/q90/q99 quantiles, per dimension. Image statistics are per
// RGB channel over sampled frames, scaled to 0..1, shaped [3][1][1].

export const STAT_KEYS = ['min', 'max', 'mean', 'std', 'count', 'q01', 'q10', 'q50', 'q90', 'q99'] as const;
const QUANTILES = [0.01, 0.1, 0.5, 0.9, 0.99] as const;

/** Statistics of one feature: every entry has one value per dimension (count has one value). */
export interface FeatureStats {
  min: number[];
  max: number[];
  mean: number[];
  std: number[];
  count: [number];
  q01: number[];
  q10: number[];
  q50: number[];
  q90: number[];
  q99: number[];
}

/** Quantile q of sorted values, linear interpolation between closest ranks (numpy's default). */
function quantileSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Statistics of `rows` (each a vector of the same length). */
export function vectorStats(rows: ArrayLike<number>[]): FeatureStats {
  const n = rows.length;
  const dims = n > 0 ? rows[0]!.length : 0;
  const s: FeatureStats = { min: [], max: [], mean: [], std: [], count: [n], q01: [], q10: [], q50: [], q90: [], q99: [] };
  for (let d = 0; d < dims; d++) {
    const col = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      col[i] = rows[i]![d]!;
      sum += col[i]!;
    }
    const mean = sum / n;
    let sq = 0;
    for (let i = 0; i < n; i++) sq += (col[i]! - mean) ** 2;
    col.sort();
    s.min.push(col[0]!);
    s.max.push(col[n - 1]!);
    s.mean.push(mean);
    s.std.push(Math.sqrt(sq / n));
    const [q01, q10, q50, q90, q99] = QUANTILES.map((q) => quantileSorted(col, q)) as [number, number, number, number, number];
    s.q01.push(q01);
    s.q10.push(q10);
    s.q50.push(q50);
    s.q90.push(q90);
    s.q99.push(q99);
  }
  return s;
}

/** Statistics of a scalar column. */
export function scalarStats(values: ArrayLike<number>): FeatureStats {
  return vectorStats(Array.from(values, (v) => [v]));
}

/**
 * Per-channel statistics of 8-bit RGB pixels (rgb24, interleaved) of sampled frames, scaled to 0..1.
 * Quantiles come from the exact 256-bin histogram. `count` is the number of frames.
 */
export function imageStats(frames: Uint8Array[]): FeatureStats {
  const hist = [new Float64Array(256), new Float64Array(256), new Float64Array(256)];
  for (const f of frames) {
    for (let i = 0; i < f.length; i += 3) {
      hist[0]![f[i]!]!++;
      hist[1]![f[i + 1]!]!++;
      hist[2]![f[i + 2]!]!++;
    }
  }
  const s: FeatureStats = { min: [], max: [], mean: [], std: [], count: [frames.length], q01: [], q10: [], q50: [], q90: [], q99: [] };
  for (const h of hist) {
    let total = 0;
    let sum = 0;
    for (let v = 0; v < 256; v++) {
      total += h[v]!;
      sum += h[v]! * v;
    }
    const mean = sum / total;
    let sq = 0;
    let min = 255;
    let max = 0;
    for (let v = 0; v < 256; v++) {
      if (h[v]! === 0) continue;
      sq += h[v]! * (v - mean) ** 2;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    const quantile = (q: number): number => {
      // Linear interpolation between ranks over the histogram's implicit sorted list.
      const pos = q * (total - 1);
      const value = (rank: number): number => {
        let seen = 0;
        for (let v = 0; v < 256; v++) {
          seen += h[v]!;
          if (rank < seen) return v;
        }
        return 255;
      };
      const lo = Math.floor(pos);
      return value(lo) + (value(Math.min(total - 1, lo + 1)) - value(lo)) * (pos - lo);
    };
    s.min.push(min / 255);
    s.max.push(max / 255);
    s.mean.push(mean / 255);
    s.std.push(Math.sqrt(sq / total) / 255);
    s.q01.push(quantile(0.01) / 255);
    s.q10.push(quantile(0.1) / 255);
    s.q50.push(quantile(0.5) / 255);
    s.q90.push(quantile(0.9) / 255);
    s.q99.push(quantile(0.99) / 255);
  }
  return s;
}

/** How many frames LeRobot samples from an episode of `length` frames for image statistics. */
export function imageSampleCount(length: number): number {
  return length < 100 ? length : Math.max(100, Math.min(Math.floor(length ** 0.75), 10_000));
}

/** Combines per-episode statistics as LeRobot does: count-weighted means, pooled std, weighted quantiles. */
export function aggregateStats(parts: FeatureStats[]): FeatureStats {
  const total = parts.reduce((a, p) => a + p.count[0], 0);
  const dims = parts[0]?.mean.length ?? 0;
  const weighted = (key: 'mean' | 'q01' | 'q10' | 'q50' | 'q90' | 'q99'): number[] =>
    Array.from({ length: dims }, (_, d) => parts.reduce((a, p) => a + p[key][d]! * p.count[0], 0) / total);
  const mean = weighted('mean');
  return {
    min: Array.from({ length: dims }, (_, d) => Math.min(...parts.map((p) => p.min[d]!))),
    max: Array.from({ length: dims }, (_, d) => Math.max(...parts.map((p) => p.max[d]!))),
    mean,
    std: Array.from({ length: dims }, (_, d) => Math.sqrt(parts.reduce((a, p) => a + p.count[0] * (p.std[d]! ** 2 + (p.mean[d]! - mean[d]!) ** 2), 0) / total)),
    count: [total],
    q01: weighted('q01'),
    q10: weighted('q10'),
    q50: weighted('q50'),
    q90: weighted('q90'),
    q99: weighted('q99'),
  };
}

// Small statistics helpers for benchmark reports.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(values: number[], digits = 3): Summary {
  const s = [...values].sort((a, b) => a - b);
  const r = (x: number): number => Number(x.toFixed(digits));
  return {
    n: s.length,
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    p99: r(percentile(s, 99)),
    max: r(s.at(-1) ?? Number.NaN),
    mean: r(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)),
  };
}

/** CPU time (user + system) of a process in seconds, from /proc. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}

/** Resident set size of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/**
 * The machine's load while a benchmark runs: the 1-minute load average sampled every 5 s, and how many
 * cores there are. Every benchmark reports it, so figures from a busy machine are read as such.
 */
export function sampleLoad(): { stop(): { cores: number; loadAvg1: { start: number; mean: number; max: number } } } {
  const start = loadavg()[0]!;
  const samples: number[] = [start];
  const timer = setInterval(() => samples.push(loadavg()[0]!), 5000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push(loadavg()[0]!);
      const r = (x: number): number => Number(x.toFixed(2));
      return { cores: availableParallelism(), loadAvg1: { start: r(start), mean: r(samples.reduce((a, b) => a + b, 0) / samples.length), max: r(Math.max(...samples)) } };
    },
  };
}

/** Samples a process's resident set (VmRSS) until stopped; the maximum and the first sample, MiB. */
export function sampleRss(pid: number): { stop(): { maxMiB: number; startMiB: number } } {
  const read = (): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const start = read();
  let max = start;
  const timer = setInterval(() => {
    try {
      max = Math.max(max, read());
    } catch {
      // the process is gone
    }
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return { maxMiB: Math.round(max), startMiB: Math.round(start) };
    },
  };
}

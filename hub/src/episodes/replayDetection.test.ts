// Replays of one motion stay within the threshold however they are disguised;
// different motions stay outside it; a still episode has no signature.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from './automaticChecks.ts';
import { motionSignature, signatureDistance, SIGNATURE_POINTS } from './replayDetection.ts';

const motion = (k: number) => (s: number): number[] => [0.5 * Math.sin(s * (1.5 + 0.4 * k)), -1 + 0.4 * Math.sin(s * 0.9 + k), 1 + 0.3 * Math.cos(s * 1.3), 0.8, 0.2 * k, s > 2 ? 0.1 : 0.6];

/** Samples `at` over `seconds` at `hz`, with still time before, uniform noise and a speed factor. */
function record(at: (s: number) => number[], o: { seconds?: number; hz?: number; noise?: number; stillBefore?: number; speed?: number; seed?: number } = {}) {
  let seed = o.seed ?? 1;
  const rnd = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const hz = o.hz ?? 30;
  const still = o.stillBefore ?? 0;
  const total = still + (o.seconds ?? 6) / (o.speed ?? 1);
  const out: { t: bigint; positions: number[] }[] = [];
  for (let i = 0; i / hz <= total; i++) {
    const s = i / hz;
    out.push({ t: BigInt(Math.round(s * 1e9)), positions: at(Math.max(0, (s - still) * (o.speed ?? 1))).map((v) => v + (o.noise ? (rnd() * 2 - 1) * o.noise : 0)) });
  }
  return out;
}

describe('replay detection', () => {
  const limit = DEFAULT_THRESHOLDS.duplicateRmsRad;
  const original = motionSignature(record(motion(0)));

  it('finds a motion in its replays: driven again with noise, shifted, re-sampled, faster', () => {
    expect(original).toHaveLength(SIGNATURE_POINTS);
    const disguises = {
      noise: record(motion(0), { noise: 0.01, seed: 3 }),
      shifted: record(motion(0), { stillBefore: 1.5 }),
      resampled: record(motion(0), { hz: 25 }),
      faster: record(motion(0), { speed: 1.1 }),
    };
    for (const [how, samples] of Object.entries(disguises)) expect(signatureDistance(original, motionSignature(samples)), how).toBeLessThan(limit);
  });

  it('tells different motions apart, and gives a still episode no signature', () => {
    for (const k of [1, 2, 3]) expect(signatureDistance(original, motionSignature(record(motion(k))))).toBeGreaterThan(limit);
    expect(motionSignature(record(() => [0, -1, 1, 0.8, 0, 0.5], { noise: 0.002 }))).toEqual([]);
  });
});

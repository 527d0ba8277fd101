import { describe, expect, it } from 'vitest';
import { solveIk, type IkChain } from './ik.ts';

/** A planar-ish 3-joint arm: yaw at the base, then two pitch joints, links of 0.3 m and 0.25 m. */
function arm(): IkChain & { q: number[] } {
  const q = [0, 0, 0];
  const chain = {
    q,
    joints: [0, 1, 2].map((i) => ({ name: `j${i}`, min: -2.5, max: 2.5, get: () => q[i]!, set: (v: number) => {
        q[i] = v;
      } })),
    tip: (): [number, number, number] => {
      const [yaw, a, b] = q as [number, number, number];
      const r = 0.3 * Math.sin(a) + 0.25 * Math.sin(a + b);
      const z = 0.1 + 0.3 * Math.cos(a) + 0.25 * Math.cos(a + b);
      return [r * Math.cos(yaw), r * Math.sin(yaw), z];
    },
  };
  return chain;
}

describe('solveIk', () => {
  it('reaches reachable goals to within a tenth of a millimetre', () => {
    for (const goal of [[0.2, 0.1, 0.3], [-0.1, 0.25, 0.2], [0.3, -0.2, 0.45]] as [number, number, number][]) {
      const chain = arm();
      solveIk(chain, goal);
      const p = chain.tip();
      expect(Math.hypot(p[0] - goal[0], p[1] - goal[1], p[2] - goal[2])).toBeLessThan(1e-4);
    }
  });

  it('stays within joint limits and gets as close as it can to an unreachable goal', () => {
    const chain = arm();
    chain.joints.forEach((j) => ((j as { min: number }).min = -0.5));
    chain.joints.forEach((j) => ((j as { max: number }).max = 0.5));
    const out = solveIk(chain, [2, 0, 0.1]);
    for (const v of out.values()) expect(Math.abs(v)).toBeLessThanOrEqual(0.5 + 1e-12);
    expect(chain.tip()[0]).toBeGreaterThan(0.3);
  });
});

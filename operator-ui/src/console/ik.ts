// Position inverse kinematics for a joint chain, by damped least squares on a
// numerically differentiated Jacobian: small, robust near singularities, and
// independent of how the chain is modelled (the URDF gives forward kinematics).

export interface IkJoint {
  name: string;
  min: number;
  max: number;
  get(): number;
  set(value: number): void;
}

export interface IkChain {
  joints: IkJoint[];
  /** World position of the tip for the joints' current values. */
  tip(): [number, number, number];
}

export interface IkOptions {
  iterations?: number;
  /** Initial damping factor λ of (JJᵀ + λ²I)⁻¹; it adapts while solving. */
  damping?: number;
  /** Stop when the tip is this close to the goal, m. */
  tolerance?: number;
  /** Largest step per joint per iteration, rad. */
  maxStep?: number;
}

/** Solves for joint values bringing the tip to `goal`; returns them (the chain is left at the solution). */
export function solveIk(chain: IkChain, goal: [number, number, number], o: IkOptions = {}): Map<string, number> {
  const { iterations = 60, tolerance = 1e-4, maxStep = 0.2 } = o;
  // Levenberg-Marquardt: a step is kept only if it brings the tip closer; otherwise damping grows.
  let lambda = o.damping ?? 0.02;
  const n = chain.joints.length;
  const h = 1e-4;
  const errorAt = (): number => {
    const p = chain.tip();
    return Math.hypot(goal[0] - p[0], goal[1] - p[1], goal[2] - p[2]);
  };
  let err = errorAt();
  for (let it = 0; it < iterations && err >= tolerance; it++) {
    const p = chain.tip();
    const e = [goal[0] - p[0], goal[1] - p[1], goal[2] - p[2]];
    // J: 3 x n, by forward differences.
    const J: number[][] = [[], [], []];
    for (let j = 0; j < n; j++) {
      const joint = chain.joints[j]!;
      const q = joint.get();
      joint.set(q + h);
      const pj = chain.tip();
      joint.set(q);
      for (let r = 0; r < 3; r++) J[r]![j] = (pj[r]! - p[r]!) / h;
    }
    const before = chain.joints.map((j) => j.get());
    let improved = false;
    for (let attempt = 0; attempt < 8 && !improved; attempt++) {
      // dq = Jᵀ (J Jᵀ + λ² I)⁻¹ e
      const A = [0, 1, 2].map((r) => [0, 1, 2].map((c) => J[r]!.reduce((sum, v, k) => sum + v * J[c]![k]!, 0) + (r === c ? lambda * lambda : 0)));
      const y = solve3(A, e);
      chain.joints.forEach((joint, j) => {
        const dq = Math.max(-maxStep, Math.min(maxStep, J[0]![j]! * y[0]! + J[1]![j]! * y[1]! + J[2]![j]! * y[2]!));
        joint.set(Math.max(joint.min, Math.min(joint.max, before[j]! + dq)));
      });
      const next = errorAt();
      if (next < err) {
        err = next;
        improved = true;
        lambda = Math.max(1e-4, lambda / 2);
      } else {
        chain.joints.forEach((joint, j) => joint.set(before[j]!));
        lambda *= 4;
      }
    }
    if (!improved) break; // a local minimum (e.g. the goal is out of reach)
  }
  return new Map(chain.joints.map((j) => [j.name, j.get()]));
}

/** Solves the 3x3 system A x = b (Cramer's rule; A is symmetric positive definite here). */
function solve3(A: number[][], b: number[]): number[] {
  const det = (m: number[][]): number =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) - m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) + m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const d = det(A);
  return [0, 1, 2].map((c) => det(A.map((row, r) => row.map((v, k) => (k === c ? b[r]! : v)))) / d);
}

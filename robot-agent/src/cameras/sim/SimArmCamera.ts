// The `sim` camera: draws the simulated arm from a fixed viewpoint at its
// joint positions (forward kinematics of the sim URDF's chain, perspective
// projection), so the picture shows what the arm does. Each frame shows the
// arm at the frame's own time on the camera's clock, even when it is drawn a
// little late (FrameTicker), as a real camera's buffered frames would.
import { EventEmitter } from 'node:events';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Camera, CameraDescription, CameraEvents } from '../Camera.ts';
import { FrameTicker } from '../FrameTicker.ts';
import { epochNsOf, FRAME_BUFFER } from '../frameClock.ts';

type Vec = [number, number, number];
type Mat = [Vec, Vec, Vec];

const mul = (a: Mat, b: Mat): Mat =>
  [0, 1, 2].map((i) => [0, 1, 2].map((j) => a[i]![0] * b[0]![j]! + a[i]![1] * b[1]![j]! + a[i]![2] * b[2]![j]!)) as Mat;
const apply = (m: Mat, v: Vec): Vec => [0, 1, 2].map((i) => m[i]![0] * v[0] + m[i]![1] * v[1] + m[i]![2] * v[2]) as Vec;
const add = (a: Vec, b: Vec): Vec => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const rz = (q: number): Mat => [[Math.cos(q), -Math.sin(q), 0], [Math.sin(q), Math.cos(q), 0], [0, 0, 1]];
const ry = (q: number): Mat => [[Math.cos(q), 0, Math.sin(q)], [0, 1, 0], [-Math.sin(q), 0, Math.cos(q)]];

/** Link lengths of the sim URDF (m): base to shoulder, lift offset, upper arm, forearm, wrist, jaw. */
const L = { base: 0.05, lift: 0.06, upper: 0.116, fore: 0.135, wrist: 0.06, jaw: 0.08 };

/** Joint positions in the sim driver's order -> points of the chain, base first, then the two jaw tips. */
export function armPoints(q: readonly number[]): Vec[] {
  const [pan = 0, lift = 0, elbow = 0, flex = 0, roll = 0, grip = 0] = q;
  const pts: Vec[] = [[0, 0, 0], [0, 0, L.base]];
  let R = rz(pan);
  let p: Vec = add(pts[1]!, apply(R, [0, 0, L.lift]));
  pts.push(p);
  R = mul(R, ry(lift));
  p = add(p, apply(R, [0, 0, L.upper]));
  pts.push(p);
  R = mul(R, ry(elbow));
  p = add(p, apply(R, [0, 0, L.fore]));
  pts.push(p);
  R = mul(R, ry(flex));
  p = add(p, apply(R, [0, 0, L.wrist]));
  pts.push(p);
  R = mul(R, rz(roll));
  const fixedJaw = add(p, apply(R, [-0.018, 0, L.jaw]));
  const movingJaw = add(add(p, apply(R, [0.018, 0, 0])), apply(mul(R, ry(grip)), [0, 0, L.jaw]));
  pts.push(fixedJaw, movingJaw);
  return pts;
}

export class SimArmCamera extends EventEmitter<CameraEvents> implements Camera {
  readonly description: CameraDescription;
  private readonly canvas;
  private readonly ctx: SKRSContext2D;
  private readonly ticker: FrameTicker;

  /** `pose` returns the arm's joint positions (rad) at a time (ns since the epoch). */
  constructor(
    options: { name: string; width: number; height: number; fps: number },
    private readonly pose: (atNs: bigint) => readonly number[],
  ) {
    super();
    this.description = { ...options, pixelFormat: 'rgba', source: 'sim' };
    this.canvas = createCanvas(options.width, options.height);
    this.ctx = this.canvas.getContext('2d');
    this.ticker = new FrameTicker(options.fps, (index, dueMs) => this.draw(index, epochNsOf(dueMs)), { maxLagFrames: FRAME_BUFFER });
  }

  async start(): Promise<void> {
    this.ticker.start();
  }

  async stop(): Promise<void> {
    this.ticker.stop();
  }

  /** Perspective projection from a fixed eye 3/4 front of the arm. */
  private project(v: Vec): [number, number, number] {
    const { width: w, height: h } = this.description;
    const eye: Vec = [0.55, -0.55, 0.32];
    const target: Vec = [0, 0, 0.17];
    const f = norm(sub(target, eye));
    const r = norm(cross(f, [0, 0, 1]));
    const u = cross(r, f);
    const d = sub(v, eye);
    const z = dot(d, f);
    const scale = (h * 1.4) / z;
    return [w / 2 + dot(d, r) * scale, h / 2 - dot(d, u) * scale, z];
  }

  private draw(index: number, captureNs: bigint): void {
    const { width: w, height: h } = this.description;
    const ctx = this.ctx;
    const q = this.pose(captureNs);
    const sky = ctx.createLinearGradient(0, 0, 0, h);
    sky.addColorStop(0, '#2b3440');
    sky.addColorStop(1, '#11161c');
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, w, h);
    // Floor grid, 5 cm cells.
    ctx.strokeStyle = 'rgba(255,255,255,0.12)';
    ctx.lineWidth = 1;
    for (let i = -6; i <= 6; i++) {
      this.line([i * 0.05, -0.3, 0], [i * 0.05, 0.3, 0]);
      this.line([-0.3, i * 0.05, 0], [0.3, i * 0.05, 0]);
    }
    const pts = armPoints(q);
    const px = pts.map((p) => this.project(p));
    ctx.lineCap = 'round';
    const widths = [0.06, 0.05, 0.04, 0.035, 0.03];
    const colors = ['#4a525c', '#20242a', '#f58c28', '#f58c28', '#20242a'];
    for (let i = 0; i < 5; i++) {
      const a = px[i]!;
      const b = px[i + 1]!;
      ctx.strokeStyle = colors[i]!;
      ctx.lineWidth = Math.max(2, widths[i]! * ((h * 1.4) / ((a[2] + b[2]) / 2)));
      ctx.beginPath();
      ctx.moveTo(a[0], a[1]);
      ctx.lineTo(b[0], b[1]);
      ctx.stroke();
    }
    ctx.strokeStyle = '#b4b8bd';
    ctx.lineWidth = Math.max(2, 0.012 * ((h * 1.4) / px[5]![2]));
    for (const tip of [px[6]!, px[7]!]) {
      ctx.beginPath();
      ctx.moveTo(px[5]![0], px[5]![1]);
      ctx.lineTo(tip[0], tip[1]);
      ctx.stroke();
    }
    ctx.fillStyle = 'rgba(255,255,255,0.75)';
    ctx.font = `${Math.max(10, Math.round(h / 30))}px sans-serif`;
    ctx.fillText(`${this.description.name}  ${new Date(Number(captureNs / 1_000_000n)).toISOString()}`, 8, h - 8);
    this.emit('frame', { data: Buffer.from(this.canvas.data()), captureNs, index });
  }

  private line(a: Vec, b: Vec): void {
    const pa = this.project(a);
    const pb = this.project(b);
    this.ctx.beginPath();
    this.ctx.moveTo(pa[0], pa[1]);
    this.ctx.lineTo(pb[0], pb[1]);
    this.ctx.stroke();
  }
}

const sub = (a: Vec, b: Vec): Vec => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Vec, b: Vec): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec, b: Vec): Vec => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: Vec): Vec => {
  const n = Math.hypot(a[0], a[1], a[2]);
  return [a[0] / n, a[1] / n, a[2] / n];
};

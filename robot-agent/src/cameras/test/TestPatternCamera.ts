// The `test` camera: a moving pattern with its capture time burned in, as text
// and as a barcode of 48 bits (ms since the epoch, most significant first,
// white = 1) in square cells of width/48 pixels along the bottom edge, for
// latency checks.
//
// Frames are written straight into RGBA pixels: drawing them on a canvas and
// reading the canvas back cost ~6 ms per 640x480 frame on this VM (4.9 ms of it
// the read-back), more than a robot spends on a real camera, whose frames
// ffmpeg captures. Only the glyphs of the text are drawn with a canvas, once.
import { EventEmitter } from 'node:events';
import { createCanvas } from '@napi-rs/canvas';
import type { Camera, CameraDescription, CameraEvents } from '../Camera.ts';
import { FrameTicker } from '../FrameTicker.ts';
import { epochNsOf, FRAME_BUFFER } from '../frameClock.ts';

export const BARCODE_BITS = 48;

/** One RGBA pixel as a little-endian 32-bit word (bytes R, G, B, A in memory). */
const rgba = (r: number, g: number, b: number): number => ((0xff << 24) | (b << 16) | (g << 8) | r) >>> 0;
const BARS = [rgba(0xc0, 0xc0, 0xc0), rgba(0xc0, 0xc0, 0), rgba(0, 0xc0, 0xc0), rgba(0, 0xc0, 0), rgba(0xc0, 0, 0xc0), rgba(0xc0, 0, 0), rgba(0, 0, 0xc0)];
const DARK = rgba(0x10, 0x14, 0x18);
const ORANGE = rgba(0xff, 0x8a, 0x1c);
const WHITE = rgba(0xff, 0xff, 0xff);
const BLACK = rgba(0, 0, 0);

interface Glyph {
  advance: number;
  width: number;
  height: number;
  /** Coverage 0..255, row by row. */
  alpha: Uint8Array;
}

export class TestPatternCamera extends EventEmitter<CameraEvents> implements Camera {
  readonly description: CameraDescription;
  private readonly ticker: FrameTicker;
  /** The bar row twice over, so a shifted row is one contiguous slice. */
  private readonly barRow: Uint32Array;
  /** Pre-made noise patches, cycled (fresh noise per frame costs more than the rest of the frame). */
  private readonly noise: Uint32Array[] = [];
  private readonly noiseSize: { w: number; h: number };
  private readonly glyphs = new Map<string, Glyph>();
  private readonly fontPx: number;
  private readonly ascentPx: number;

  constructor(options: { name: string; width: number; height: number; fps: number }) {
    super();
    this.description = { ...options, pixelFormat: 'rgba', source: 'test' };
    const { width: w, height: h } = options;
    this.barRow = new Uint32Array(2 * w);
    for (let x = 0; x < w; x++) this.barRow[x] = this.barRow[x + w] = BARS[Math.min(BARS.length - 1, Math.floor((x * BARS.length) / w))]!;
    this.noiseSize = { w: Math.floor(w / 4), h: Math.floor(h / 4) };
    for (let n = 0; n < 7; n++) {
      const px = new Uint32Array(this.noiseSize.w * this.noiseSize.h);
      for (let i = 0; i < px.length; i++) px[i] = (0xff000000 | ((Math.random() * 0xffffff) >>> 0)) >>> 0;
      this.noise.push(px);
    }
    this.fontPx = Math.max(12, Math.round(h / 20));
    this.ascentPx = Math.ceil(this.fontPx * 1.1);
    this.ticker = new FrameTicker(options.fps, (index, dueMs) => this.draw(index, epochNsOf(dueMs)), { maxLagFrames: FRAME_BUFFER });
  }

  async start(): Promise<void> {
    this.ticker.start();
  }

  async stop(): Promise<void> {
    this.ticker.stop();
  }

  private draw(index: number, captureNs: bigint): void {
    const { width: w, height: h, name, fps } = this.description;
    const px = new Uint32Array(w * h);
    const ms = captureNs / 1_000_000n;
    // Colour bars moving right 4 pixels a frame over the top 60%.
    const barRows = Math.floor(h * 0.6);
    const shift = (index * 4) % w;
    px.set(this.barRow.subarray(w - shift, 2 * w - shift), 0);
    for (let y = 1; y < barRows; y++) px.copyWithin(y * w, 0, w);
    px.fill(DARK, barRows * w);
    // A box sweeping left to right, one pass per second.
    this.fillRect(px, Math.floor(((index % fps) / fps) * (w - 40)), Math.floor(h * 0.62), 40, 40, ORANGE);
    // A patch of noise that changes every frame, so the encoder spends a camera-like bitrate.
    const patch = this.noise[index % this.noise.length]!;
    const nx = w - this.noiseSize.w - 8;
    const ny = Math.floor(h * 0.62);
    for (let y = 0; y < this.noiseSize.h && ny + y < h; y++) px.set(patch.subarray(y * this.noiseSize.w, (y + 1) * this.noiseSize.w), (ny + y) * w + nx);
    this.text(px, `${name}  #${index}  ${new Date(Number(ms)).toISOString()}`, 8, Math.floor(h * 0.8));
    const cell = Math.floor(w / BARCODE_BITS);
    for (let bit = 0; bit < BARCODE_BITS; bit++) {
      const on = (ms >> BigInt(BARCODE_BITS - 1 - bit)) & 1n;
      this.fillRect(px, bit * cell, h - cell, cell, cell, on ? WHITE : BLACK);
    }
    this.emit('frame', { data: Buffer.from(px.buffer, px.byteOffset, px.byteLength), captureNs, index });
  }

  private fillRect(px: Uint32Array, x: number, y: number, rw: number, rh: number, colour: number): void {
    const { width: w, height: h } = this.description;
    const x0 = Math.max(0, x);
    const x1 = Math.min(w, x + rw);
    for (let row = Math.max(0, y); row < Math.min(h, y + rh); row++) px.fill(colour, row * w + x0, row * w + x1);
  }

  /** White text with its baseline at `baseline`, blended by each glyph's coverage. */
  private text(px: Uint32Array, s: string, x: number, baseline: number): void {
    const { width: w, height: h } = this.description;
    const bytes = new Uint8Array(px.buffer);
    let pen = x;
    const top = baseline - this.ascentPx;
    for (const ch of s) {
      const g = this.glyph(ch);
      for (let gy = 0; gy < g.height; gy++) {
        const y = top + gy;
        if (y < 0 || y >= h) continue;
        for (let gx = 0; gx < g.width; gx++) {
          const a = g.alpha[gy * g.width + gx]!;
          const X = pen + gx;
          if (a === 0 || X < 0 || X >= w) continue;
          const o = (y * w + X) * 4;
          for (let c = 0; c < 3; c++) bytes[o + c] = bytes[o + c]! + (((255 - bytes[o + c]!) * a) >> 8);
        }
      }
      pen += g.advance;
    }
  }

  /** A character's coverage mask, drawn once with a canvas. */
  private glyph(ch: string): Glyph {
    let g = this.glyphs.get(ch);
    if (g) return g;
    const probe = createCanvas(1, 1).getContext('2d');
    probe.font = `${this.fontPx}px sans-serif`;
    const advance = Math.max(1, Math.round(probe.measureText(ch).width));
    const width = advance + 2;
    const height = Math.ceil(this.fontPx * 1.5);
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#000000';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#ffffff';
    ctx.font = `${this.fontPx}px sans-serif`;
    ctx.fillText(ch, 0, this.ascentPx);
    const data = ctx.getImageData(0, 0, width, height).data;
    const alpha = new Uint8Array(width * height);
    for (let i = 0; i < alpha.length; i++) alpha[i] = data[i * 4]!;
    g = { advance, width, height, alpha };
    this.glyphs.set(ch, g);
    return g;
  }
}

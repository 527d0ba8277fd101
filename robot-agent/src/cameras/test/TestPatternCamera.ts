// The `test` camera: a moving pattern with its capture time burned in, as text
// and as a barcode of 48 bits (ms since the epoch, most significant first,
// white = 1) in square cells of width/48 pixels along the bottom edge, for
// latency checks.
import { EventEmitter } from 'node:events';
import { createCanvas, type ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import type { Camera, CameraDescription, CameraEvents } from '../Camera.ts';
import { FrameTicker } from '../FrameTicker.ts';
import { epochNsOf, FRAME_BUFFER } from '../frameClock.ts';

export const BARCODE_BITS = 48;

export class TestPatternCamera extends EventEmitter<CameraEvents> implements Camera {
  readonly description: CameraDescription;
  private readonly canvas;
  private readonly ctx: SKRSContext2D;
  private readonly ticker: FrameTicker;
  /** Pre-drawn noise patches, cycled (drawing fresh noise per frame costs more than the rest of the frame). */
  private readonly noise: ImageData[] = [];

  constructor(options: { name: string; width: number; height: number; fps: number }) {
    super();
    this.description = { ...options, pixelFormat: 'rgba', source: 'test' };
    this.canvas = createCanvas(options.width, options.height);
    this.ctx = this.canvas.getContext('2d');
    for (let n = 0; n < 7; n++) {
      const patch = this.ctx.createImageData(Math.floor(options.width / 4), Math.floor(options.height / 4));
      const px = new Uint32Array(patch.data.buffer);
      for (let i = 0; i < px.length; i++) px[i] = 0xff000000 | ((Math.random() * 0xffffff) >>> 0);
      this.noise.push(patch);
    }
    this.ticker = new FrameTicker(options.fps, (index, dueMs) => this.draw(index, epochNsOf(dueMs)), { maxLagFrames: FRAME_BUFFER });
  }

  async start(): Promise<void> {
    this.ticker.start();
  }

  async stop(): Promise<void> {
    this.ticker.stop();
  }

  private draw(index: number, captureNs: bigint): void {
    const { width: w, height: h, name } = this.description;
    const ctx = this.ctx;
    const ms = captureNs / 1_000_000n;
    const bars = ['#c0c0c0', '#c0c000', '#00c0c0', '#00c000', '#c000c0', '#c00000', '#0000c0'];
    const shift = (index * 4) % w;
    for (let i = 0; i < bars.length; i++) {
      ctx.fillStyle = bars[i]!;
      const x = ((i * w) / bars.length + shift) % w;
      ctx.fillRect(x, 0, w / bars.length + 1, h * 0.6);
      if (x + w / bars.length > w) ctx.fillRect(x - w, 0, w / bars.length + 1, h * 0.6);
    }
    ctx.fillStyle = '#101418';
    ctx.fillRect(0, h * 0.6, w, h * 0.4);
    // A box sweeping left to right, one pass per second.
    const fps = this.description.fps;
    ctx.fillStyle = '#ff8a1c';
    ctx.fillRect(((index % fps) / fps) * (w - 40), h * 0.62, 40, 40);
    // A patch of noise that changes every frame, so the encoder spends a camera-like bitrate.
    ctx.putImageData(this.noise[index % this.noise.length]!, w - Math.floor(w / 4) - 8, Math.floor(h * 0.62));
    ctx.fillStyle = '#ffffff';
    ctx.font = `${Math.max(12, Math.round(h / 20))}px sans-serif`;
    ctx.fillText(`${name}  #${index}  ${new Date(Number(ms)).toISOString()}`, 8, h * 0.8);
    const cell = Math.floor(w / BARCODE_BITS);
    for (let bit = 0; bit < BARCODE_BITS; bit++) {
      const on = (ms >> BigInt(BARCODE_BITS - 1 - bit)) & 1n;
      ctx.fillStyle = on ? '#ffffff' : '#000000';
      ctx.fillRect(bit * cell, h - cell, cell, cell);
    }
    this.emit('frame', { data: Buffer.from(this.canvas.data()), captureNs, index });
  }
}

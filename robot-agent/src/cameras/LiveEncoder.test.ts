// Real ffmpeg: frames from the test camera in, RTP out.
import { afterEach, describe, expect, it } from 'vitest';
import type { RtpPacket } from 'werift';
import { createLogger } from '../log.ts';
import { LiveEncoder, rtpTimestampOf } from './LiveEncoder.ts';
import { TestPatternCamera } from './test/TestPatternCamera.ts';

const logger = createLogger('silent');

describe('LiveEncoder', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  async function run(codec: 'vp8' | 'h264', ms: number) {
    const camera = new TestPatternCamera({ name: 'front', width: 320, height: 240, fps: 30 });
    const encoder = new LiveEncoder({ camera: camera.description, codec, bitrateKbps: 800, keyframeInterval: 30, logger });
    const packets: RtpPacket[] = [];
    const captures: bigint[] = [];
    camera.on('frame', (f) => {
      captures.push(f.captureNs);
      encoder.push(f);
    });
    encoder.on('rtp', (p) => packets.push(p));
    await encoder.start();
    await camera.start();
    cleanups.push(async () => {
      await camera.stop();
      await encoder.stop();
    });
    await new Promise((r) => setTimeout(r, ms));
    return { camera, encoder, packets, captures };
  }

  for (const codec of ['vp8', 'h264'] as const) {
    it(`encodes ${codec} RTP stamped with each frame's capture time`, async () => {
      const { packets, captures } = await run(codec, 1500);
      expect(packets.length).toBeGreaterThan(30);
      const frameEnds = packets.filter((p) => p.header.marker);
      expect(frameEnds.length).toBeGreaterThanOrEqual(30);
      const stamps = new Set(captures.map(rtpTimestampOf));
      for (const p of frameEnds) expect(stamps.has(p.header.timestamp)).toBe(true);
      for (let i = 1; i < packets.length; i++) {
        expect(packets[i]!.header.sequenceNumber).toBe((packets[i - 1]!.header.sequenceNumber + 1) & 0xffff);
        expect(packets[i]!.header.ssrc).toBe(packets[0]!.header.ssrc);
      }
    });
  }

  it('restarts a dead encoder and keeps one continuous stream', async () => {
    const { encoder, packets } = await run('vp8', 700);
    const before = packets.length;
    const ssrc = packets[0]!.header.ssrc;
    process.kill(encoder.pid!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 1500));
    expect(encoder.stats.restarts).toBe(1);
    expect(packets.length).toBeGreaterThan(before + 10);
    for (let i = 1; i < packets.length; i++) {
      expect(packets[i]!.header.sequenceNumber).toBe((packets[i - 1]!.header.sequenceNumber + 1) & 0xffff);
      expect(packets[i]!.header.ssrc).toBe(ssrc);
    }
  });
});

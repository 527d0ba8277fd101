// Real ffmpeg: frames from the test camera in, RTP out.
import { afterEach, describe, expect, it } from 'vitest';
import type { RtpPacket } from 'werift';
import { createLogger } from '../log.ts';
import { rtpTimestampOf } from '@teleop/proto';
import { LiveEncoder } from './LiveEncoder.ts';
import { TestPatternCamera } from './test/TestPatternCamera.ts';

const logger = createLogger('silent');

describe('LiveEncoder', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  /** Runs a camera into an encoder until `frames` whole frames came out as RTP (however long that takes). */
  async function run(codec: 'vp8' | 'h264', frames: number) {
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
    while (packets.filter((p) => p.header.marker).length < frames) await new Promise((r) => setTimeout(r, 20));
    return { camera, encoder, packets, captures };
  }

  for (const codec of ['vp8', 'h264'] as const) {
    it(`encodes ${codec} RTP stamped with each frame's capture time`, async () => {
      // 30 whole frames (the rate itself is measured in the benches).
      const { packets, captures } = await run(codec, 30);
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
    const { encoder, packets } = await run('vp8', 10);
    const before = packets.length;
    const ssrc = packets[0]!.header.ssrc;
    process.kill(encoder.pid!, 'SIGKILL');
    // The restarted encoder's stream goes on: ten more packets, numbered on from the old one's.
    while (packets.length <= before + 10) await new Promise((r) => setTimeout(r, 20));
    expect(encoder.stats.restarts).toBe(1);
    for (let i = 1; i < packets.length; i++) {
      expect(packets[i]!.header.sequenceNumber).toBe((packets[i - 1]!.header.sequenceNumber + 1) & 0xffff);
      expect(packets[i]!.header.ssrc).toBe(ssrc);
    }
  });
});

describe('LiveEncoder key frames on request', () => {
  it('restarts a long-GOP encoder for a key frame, continuing the stream, and not twice within 2 s', async () => {
    const camera = new TestPatternCamera({ name: 'front', width: 320, height: 240, fps: 30 });
    const encoder = new LiveEncoder({ camera: camera.description, codec: 'vp8', bitrateKbps: 800, keyframeInterval: 300, logger });
    const packets: RtpPacket[] = [];
    camera.on('frame', (f) => encoder.push(f));
    encoder.on('rtp', (p) => packets.push(p));
    await encoder.start();
    await camera.start();
    try {
      while (!packets.some((p) => p.header.marker)) await new Promise((r) => setTimeout(r, 20));
      const firstPid = encoder.pid;
      const before = packets.length;
      encoder.requestKeyframe();
      encoder.requestKeyframe();
      // Sixteen frames of the restarted encoder (however long a busy machine takes to make them; far fewer than
      // its 300-frame key-frame interval).
      const frameStarts = (): RtpPacket[] => packets.slice(before).filter((p) => (p.payload[0]! & 0x10) !== 0);
      while (frameStarts().length <= 16) await new Promise((r) => setTimeout(r, 50));
      expect(encoder.stats).toMatchObject({ keyframeRequests: 2, forcedKeyframes: 1, restarts: 0 });
      expect(encoder.pid).not.toBe(firstPid);
      // A VP8 key frame: the P bit of the payload header's first byte after the descriptor is 0.
      const isKey = (p: RtpPacket): boolean => {
        const x = (p.payload[0]! & 0x80) !== 0;
        let i = 1;
        if (x) {
          const ext = p.payload[1]!;
          i = 2 + ((ext & 0x80) ? ((p.payload[2]! & 0x80) ? 2 : 1) : 0) + ((ext & 0x40) ? 1 : 0) + ((ext & 0x30) ? 1 : 0);
        }
        return (p.payload[i]! & 0x01) === 0;
      };
      expect(frameStarts().filter(isKey)).toHaveLength(1); // the forced one, and no other in a 300-frame GOP
      for (let i = 1; i < packets.length; i++) expect(packets[i]!.header.sequenceNumber).toBe((packets[i - 1]!.header.sequenceNumber + 1) & 0xffff);
    } finally {
      await camera.stop();
      await encoder.stop();
    }
  });
});

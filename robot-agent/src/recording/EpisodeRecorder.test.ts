// The recorder with real parts: the simulated arm and its control loop, a
// test camera, ffmpeg, and the MCAP reader (indexed) on what was written.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { McapIndexedReader } from '@mcap/core';
import zstd from '@foxglove/wasm-zstd';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { manifestSigner, nowNs, v1, type SignedManifest } from '@teleop/proto';
import { CameraThread, type CameraRecordingOptions, type CameraRecordingResult } from '../cameras/CameraThread.ts';
import { TestPatternCamera } from '../cameras/test/TestPatternCamera.ts';
import { ControlLoop } from '../control/ControlLoop.ts';
import { SafetyLayer } from '../control/SafetyLayer.ts';
import { SimArmDriver } from '../drivers/sim/SimArmDriver.ts';
import { createLogger } from '../log.ts';
import { CameraRecorder } from './CameraRecorder.ts';
import { EpisodeRecorder, sha256File, type RecordingCamera } from './EpisodeRecorder.ts';

const logger = createLogger(process.env.TEST_VERBOSE ? 'debug' : 'silent');

async function readMcap(path: string) {
  await zstd.isLoaded;
  const handle = await open(path, 'r');
  const size = (await handle.stat()).size;
  const reader = await McapIndexedReader.Initialize({
    readable: {
      size: async () => BigInt(size),
      read: async (offset: bigint, length: bigint) => {
        const buf = Buffer.alloc(Number(length));
        await handle.read(buf, 0, Number(length), Number(offset));
        return buf;
      },
    },
    decompressHandlers: { zstd: (data, size) => zstd.decompress(data, Number(size)) },
  });
  const counts: Record<string, number> = {};
  const topics = new Map([...reader.channelsById].map(([id, c]) => [id, c.topic]));
  const frames: v1.CameraFrame[] = [];
  for await (const m of reader.readMessages()) {
    const topic = topics.get(m.channelId)!;
    counts[topic] = (counts[topic] ?? 0) + 1;
    if (topic.startsWith('/camera/')) frames.push(v1.CameraFrame.decode(m.data));
  }
  await handle.close();
  return { counts, frames, chunks: reader.chunkIndexes.length, compression: [...new Set(reader.chunkIndexes.map((c) => c.compression))] };
}

function ffprobeFrames(path: string): number {
  const out = execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames,codec_name,pix_fmt', '-of', 'json', path], { encoding: 'utf8' });
  return Number((JSON.parse(out) as { streams: { nb_read_frames: string }[] }).streams[0]!.nb_read_frames);
}

/**
 * The same parts as a CameraThread (camera, CameraRecorder, ffmpeg) in this thread, for the tests that stall the
 * camera or cut the recording short by hand.
 */
class InProcessCamera implements RecordingCamera {
  private recorder: CameraRecorder | null = null;
  constructor(readonly camera: TestPatternCamera) {
    camera.on('frame', (f) => this.recorder?.push(f));
  }
  get description() {
    return this.camera.description;
  }
  async startRecording(o: CameraRecordingOptions): Promise<void> {
    this.recorder = new CameraRecorder({ camera: this.camera.description, codec: o.codec, path: o.path, onFrame: o.onFrame, notBeforeNs: o.notBeforeNs });
    this.recorder.start();
  }
  async stopRecording(): Promise<CameraRecordingResult> {
    const r = this.recorder!;
    this.recorder = null;
    let error: string | null = null;
    await r.stop().catch((err: Error) => (error = err.message));
    return { ...r.stats, ffmpegArgs: r.ffmpegArgs, error };
  }
  /** As if the agent died: frames stop reaching the recorder, nothing is finished. */
  abandon(): void {
    this.recorder = null;
  }
}

describe('EpisodeRecorder', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** The recorder on a simulated arm; the camera runs in its own thread as in the agent, or in this one (`inProcess`). */
  async function rig(inProcess = false) {
    const spool = mkdtempSync(join(tmpdir(), 'spool-'));
    const driver = new SimArmDriver();
    await driver.connect();
    const joints = driver.describe().joints.map((j) => ({ name: j.name ?? '', minPosition: j.minPosition ?? 0, maxPosition: j.maxPosition ?? 0, maxVelocity: j.maxVelocity ?? 1 }));
    const safety = new SafetyLayer({ joints, gripperIndex: 5, holdTimeoutMs: 150, maxCommandAgeMs: 250 }, nowNs);
    const loop = new ControlLoop({ driver, safety, controlRateHz: 100, stateRateHz: 50, publishState: () => undefined });
    loop.start();
    const size = { name: 'front', width: 320, height: 240, fps: 30 };
    const source = inProcess ? new TestPatternCamera(size) : null;
    const thread = inProcess ? null : new CameraThread({ ...size, source: 'test', codec: 'vp8', bitrateKbps: 300, keyframeInterval: 15 }, { pose: null, logLevel: 'silent' });
    const camera: RecordingCamera = source ? new InProcessCamera(source) : thread!;
    await (source ?? thread!).start();
    const key = privateKeyToAccount(generatePrivateKey());
    const recorder = new EpisodeRecorder({
      spoolDir: spool,
      robotId: 'r-test',
      key,
      chainId: 31337,
      cameras: [camera],
      loop,
      jointNames: joints.map((j) => j.name),
      codec: 'h264',
      defaultFps: 30,
      agentVersion: 'test',
      logger,
    });
    cleanups.push(async () => {
      await (source ?? thread!).stop();
      await loop.stop();
      rmSync(spool, { recursive: true, force: true });
    });
    return { spool, recorder, key, camera, source: source!, loop };
  }

  it('records state, action and every frame, and seals a signed manifest that matches the files', async () => {
    const { spool, recorder, key } = await rig();
    await recorder.start({ episodeId: 'e-1', task: 'pick the cube', operator: '0x0000000000000000000000000000000000000001', fps: 30 });
    await new Promise((r) => setTimeout(r, 2000));
    const signed = (await recorder.stop('e-1', 'success')) as SignedManifest;
    const m = signed.manifest;
    expect(m).toMatchObject({ episodeId: 'e-1', robotId: 'r-test', task: 'pick the cube', outcome: 'success', fps: 30 });
    expect(await manifestSigner(signed, 31337)).toBe(key.address);
    expect(m.files.map((f) => f.name)).toEqual(['episode.mcap', 'front.mp4']);
    for (const f of m.files) expect(await sha256File(join(spool, 'e-1', f.name))).toBe(f.sha256);
    const mcap = await readMcap(join(spool, 'e-1', 'episode.mcap'));
    expect(mcap.compression).toEqual(['zstd']);
    expect(mcap.counts).toEqual(Object.fromEntries(Object.entries(m.channels).filter(([, n]) => n > 0)));
    expect(mcap.counts['/observation/state']).toBeGreaterThanOrEqual(50);
    expect(mcap.counts['/action']).toBe(mcap.counts['/observation/state']);
    const cam = m.cameras[0]!;
    expect(cam.frames).toBeGreaterThanOrEqual(50);
    expect(mcap.counts['/camera/front/frames']).toBe(cam.frames);
    expect(ffprobeFrames(join(spool, 'e-1', 'front.mp4'))).toBe(cam.frames);
    // Frame indexes are contiguous and capture times increase.
    mcap.frames.forEach((f, i) => expect(Number(f.frameIndex)).toBe(i));
    const saved = JSON.parse(readFileSync(join(spool, 'e-1', 'manifest.json'), 'utf8')) as SignedManifest;
    expect(saved.signature).toBe(signed.signature);
  });

  it('counts frames a camera failed to deliver instead of filling them in', async () => {
    const { recorder, source: camera } = await rig(true);
    await recorder.start({ episodeId: 'e-gap', task: 't', operator: '0x0000000000000000000000000000000000000001', fps: 30 });
    await new Promise((r) => setTimeout(r, 600));
    await camera.stop(); // the camera stalls for ~0.5 s
    await new Promise((r) => setTimeout(r, 500));
    await camera.start();
    await new Promise((r) => setTimeout(r, 600));
    const signed = (await recorder.stop('e-gap', 'failure')) as SignedManifest;
    const cam = signed.manifest.cameras[0]!;
    expect(cam.droppedFrames).toBeGreaterThanOrEqual(10);
    expect(cam.droppedFrames).toBeLessThanOrEqual(20);
  });

  it('records nothing captured before the start, though a camera hands frames over a second late', async () => {
    const { spool, recorder, source: camera } = await rig(true);
    await recorder.start({ episodeId: 'e-late', task: 't', operator: '0x0000000000000000000000000000000000000001', fps: 30 });
    // A frame taken 1.2 s before the start reaches the recorder after it (a camera's buffer of frames).
    const frame = await new Promise<{ data: Buffer; index: number; captureNs: bigint }>((resolve) => camera.once('frame', resolve));
    camera.emit('frame', { data: frame.data, index: frame.index - 36, captureNs: frame.captureNs - 1_200_000_000n });
    await new Promise((r) => setTimeout(r, 500));
    const m = ((await recorder.stop('e-late', 'success')) as SignedManifest).manifest;
    const startNs = BigInt(m.startNs);
    expect(BigInt(m.cameras[0]!.firstCaptureNs)).toBeGreaterThanOrEqual(startNs);
    const mcap = await readMcap(join(spool, 'e-late', 'episode.mcap'));
    expect(mcap.frames.length).toBeGreaterThan(0);
    for (const f of mcap.frames) expect(BigInt(f.captureTimeNs.toString())).toBeGreaterThanOrEqual(startNs);
    expect(m.cameras[0]!.droppedFrames).toBe(0);
  });

  it('ends an episode whose stop arrives while its start is still opening files', async () => {
    const { recorder } = await rig();
    const started = recorder.start({ episodeId: 'e-quick', task: 't', operator: '0x0000000000000000000000000000000000000001', fps: 30 });
    const signed = (await recorder.stop('e-quick', 'success')) as SignedManifest; // not awaiting the start first
    await started;
    expect(signed.manifest.episodeId).toBe('e-quick');
    expect(recorder.recordingId).toBeNull();
  });

  it('starts the next episode while the last one is still finishing its files', async () => {
    const { recorder } = await rig();
    await recorder.start({ episodeId: 'e-a', task: 't', operator: '0x0000000000000000000000000000000000000001', fps: 30 });
    await new Promise((r) => setTimeout(r, 800));
    const first = recorder.stop('e-a', 'success'); // the camera thread is still finishing e-a's MP4 ...
    await recorder.start({ episodeId: 'e-b', task: 't', operator: '0x0000000000000000000000000000000000000001', fps: 30 }); // ... when e-b starts
    await new Promise((r) => setTimeout(r, 800));
    const [a, b] = [(await first) as SignedManifest, (await recorder.stop('e-b', 'success')) as SignedManifest];
    for (const m of [a.manifest, b.manifest]) {
      expect(m.outcome).toBe('success');
      expect(m.cameras[0]!.frames).toBeGreaterThan(10);
      expect(m.channels['/camera/front/frames']).toBe(m.cameras[0]!.frames);
    }
  });

  it('discards without leaving anything behind', async () => {
    const { spool, recorder } = await rig();
    await recorder.start({ episodeId: 'e-x', task: 't', operator: '0x0000000000000000000000000000000000000001', fps: 30 });
    await new Promise((r) => setTimeout(r, 300));
    expect(await recorder.stop('e-x', 'discard')).toBeNull();
    expect(() => readFileSync(join(spool, 'e-x', 'recording.json'))).toThrow();
  });

  it('finalizes an episode interrupted by a crash as failed, with what was recorded', async () => {
    const { spool, recorder, key, loop, camera } = await rig(true);
    await recorder.start({ episodeId: 'e-crash', task: 't', operator: '0x0000000000000000000000000000000000000001', fps: 30 });
    await new Promise((r) => setTimeout(r, 2500));
    // Simulate the agent dying: nothing is stopped or sealed; a new recorder starts on the same spool.
    const fresh = new EpisodeRecorder({
      spoolDir: spool,
      robotId: 'r-test',
      key,
      chainId: 31337,
      cameras: [],
      loop,
      jointNames: [],
      codec: 'h264',
      defaultFps: 30,
      agentVersion: 'test',
      logger,
    });
    // Kill the recording's ffmpeg too (it would die with the agent's process group).
    execFileSync('pkill', ['-9', '-f', `${join(spool, 'e-crash')}/front.mp4.partial`]);
    (camera as InProcessCamera).abandon();
    await new Promise((r) => setTimeout(r, 300));
    expect(await fresh.recoverInterrupted()).toEqual(['e-crash']);
    const signed = JSON.parse(readFileSync(join(spool, 'e-crash', 'manifest.json'), 'utf8')) as SignedManifest;
    expect(signed.manifest.outcome).toBe('failed');
    expect(signed.manifest.failure).toContain('the agent stopped during the recording');
    expect(signed.manifest.channels['/observation/state']).toBeGreaterThan(20);
    expect(await manifestSigner(signed, 31337)).toBe(key.address);
    const mp4 = signed.manifest.files.find((f) => f.name === 'front.mp4');
    expect(mp4).toBeDefined();
    expect(ffprobeFrames(join(spool, 'e-crash', 'front.mp4'))).toBeGreaterThan(10);
  });
});

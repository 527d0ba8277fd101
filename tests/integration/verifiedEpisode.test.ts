// The automatic checks read what the hub measured in an episode's files, never
// the manifest's own counters: a robot owner's agent that loses a third of its
// frames and signs a manifest saying it lost none, and claims a ten-minute
// episode for two seconds of recording, is judged by its files. Real files:
// an MCAP written by the agent's own journal and finalizer, an H.264 video by
// ffmpeg, the manifest signed with the robot's key (an anvil dev key here).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateKeyToAccount } from 'viem/accounts';
import { ANVIL_DEV_KEYS } from '@teleop/contracts';
import { manifestTypedData, toLong, v1, type EpisodeManifest, type SignedManifest } from '@teleop/proto';
import { McapJournal, RECORDING_CHANNELS } from '../../robot-agent/src/recording/McapJournal.ts';
import { finalizeRecording } from '../../robot-agent/src/recording/finalizeRecording.ts';
import { DEFAULT_THRESHOLDS, runChecks } from '../../hub/src/episodes/automaticChecks.ts';
import { verifyEpisode, type VerifiedEpisode } from '../../hub/src/episodes/verifyEpisode.ts';
import { FileBlobStore } from '../../hub/src/store/BlobStore.ts';

const CHAIN_ID = 31337;
const FPS = 30;
const SLOTS = 60; // two seconds at 30 fps
const LOST = new Set(Array.from({ length: 20 }, (_, i) => 20 + i)); // slots 20..39 never recorded
const robotKey = privateKeyToAccount(ANVIL_DEV_KEYS[7]!);
const operator = privateKeyToAccount(ANVIL_DEV_KEYS[3]!).address;

describe('checks of a verified episode', () => {
  let dir: string;
  let verified: VerifiedEpisode;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verified-episode-'));
    const t0 = 1_800_000_000_000_000_000n;
    const period = BigInt(Math.round(1e9 / FPS));
    const journal = new McapJournal(join(dir, 'journal.mcap'));
    await journal.open(['front']);
    let index = 0;
    for (let slot = 0; slot < SLOTS; slot++) {
      const t = t0 + BigInt(slot) * period;
      const positions = [0.3 * Math.sin(slot / 10), 0.2 * Math.cos(slot / 10)];
      await journal.add(RECORDING_CHANNELS.state.topic, t, v1.JointState.encode({ captureTimeNs: toLong(t), positions, velocities: [0, 0] }).finish());
      await journal.add(RECORDING_CHANNELS.action.topic, t, v1.ActionSample.encode({ captureTimeNs: toLong(t), positions }).finish());
      // The camera lost slots 20..39; its records say nothing was dropped before any frame.
      if (!LOST.has(slot)) await journal.add('/camera/front/frames', t, v1.CameraFrame.encode({ camera: 'front', frameIndex: toLong(BigInt(index++)), captureTimeNs: toLong(t), droppedBefore: 0 }).finish());
    }
    await journal.close();
    await finalizeRecording(join(dir, 'journal.mcap'), join(dir, 'episode.mcap'));
    const frames = SLOTS - LOST.size;
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc=size=64x48:rate=${FPS}`, '-frames:v', String(frames), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-y', join(dir, 'front.mp4')]);
    const file = (name: string): { name: string; size: number; sha256: string } => ({ name, size: statSync(join(dir, name)).size, sha256: createHash('sha256').update(readFileSync(join(dir, name))).digest('hex') });
    const manifest: EpisodeManifest = {
      version: 1,
      episodeId: 'e-lying',
      robotId: 'r-lying',
      operator,
      task: 'pick the cube',
      outcome: 'success',
      // The claims: ten minutes recorded, no frame lost.
      startNs: String(t0),
      endNs: String(t0 + 600_000_000_000n),
      fps: FPS,
      jointNames: ['a', 'b'],
      channels: { [RECORDING_CHANNELS.state.topic]: SLOTS, [RECORDING_CHANNELS.action.topic]: SLOTS, '/camera/front/frames': frames },
      cameras: [
        {
          name: 'front',
          file: 'front.mp4',
          width: 64,
          height: 48,
          fps: FPS,
          codec: 'h264',
          encoder: { ffmpegArgs: [], pixFmt: 'yuv420p', gop: 2 },
          frames,
          droppedFrames: 0,
          firstCaptureNs: String(t0),
          lastCaptureNs: String(t0 + BigInt(SLOTS - 1) * period),
        },
      ],
      files: [file('episode.mcap'), file('front.mp4')],
      agentVersion: 'test',
    };
    const signed: SignedManifest = { manifest, signer: robotKey.address, signature: await robotKey.signTypedData(manifestTypedData(manifest, CHAIN_ID)) };
    verified = await verifyEpisode({
      signed,
      episodeId: 'e-lying',
      robotId: 'r-lying',
      operator,
      chainId: CHAIN_ID,
      signingAddress: robotKey.address,
      // The files sit in a file blob store rooted at the test's directory.
      blobs: new FileBlobStore(dir),
      fileKey: (name) => name,
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('measures frames, lost slots and the span from the files', () => {
    const [front] = verified.cameras;
    expect(front).toMatchObject({ name: 'front', frames: 40, slots: SLOTS, missing: 20, fps: FPS, width: 64, height: 48, codec: 'h264' });
    expect(verified.durationS).toBeCloseTo((SLOTS - 1) / FPS, 3);
    expect(verified.files.map((f) => f.name)).toEqual(['episode.mcap', 'front.mp4']);
    expect(verified.signer.toLowerCase()).toBe(robotKey.address.toLowerCase());
  });

  it('rejects on what was measured, whatever the manifest claims', () => {
    const results = runChecks({ episode: verified, fps: FPS, limits: [], thresholds: DEFAULT_THRESHOLDS, fileSeenBefore: null, earlier: [] });
    const dropped = results.find((r) => r.name === 'dropped_frames')!;
    expect(dropped).toMatchObject({ hard: true, passed: false });
    expect(dropped.reason).toMatch(/^20 of 60 camera frames were not delivered/);
    const duration = results.find((r) => r.name === 'duration')!;
    expect(duration.reason).toMatch(/^2\.0 s/);
  });
});

// The hub judges an episode by what it measured in the files, never by the
// manifest's own counters: the checks read only the measured facts, and a
// manifest that says other than its files (a robot owner's agent that loses a
// third of its frames and signs that it lost none, or claims ten minutes for
// two seconds of recording) is rejected, naming the field and both values,
// even though the robot's key signed it. Real files:
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
import { manifestTypedData, toLong, v1, type EpisodeManifest } from '@teleop/proto';
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
  let honest: EpisodeManifest;
  /** Signs `manifest` with the robot's key and verifies it against the files. */
  const verify = async (manifest: EpisodeManifest): Promise<VerifiedEpisode> =>
    verifyEpisode({
      signed: { manifest, signer: robotKey.address, signature: await robotKey.signTypedData(manifestTypedData(manifest, CHAIN_ID)) },
      episodeId: 'e-lying',
      robotId: 'r-lying',
      operator,
      chainId: CHAIN_ID,
      signingAddress: robotKey.address,
      // The files sit in a file blob store rooted at the test's directory.
      blobs: new FileBlobStore(dir),
      fileKey: (name) => name,
    });

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
    honest = {
      version: 1,
      episodeId: 'e-lying',
      robotId: 'r-lying',
      operator,
      task: 'pick the cube',
      outcome: 'success',
      startNs: String(t0 - 300_000_000n),
      endNs: String(t0 + BigInt(SLOTS - 1) * period),
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
          droppedFrames: LOST.size,
          firstCaptureNs: String(t0),
          lastCaptureNs: String(t0 + BigInt(SLOTS - 1) * period),
        },
      ],
      files: [file('episode.mcap'), file('front.mp4')],
      agentVersion: 'test',
    };
    verified = await verify(honest);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('measures frames, lost slots and the span from the files', () => {
    const [front] = verified.cameras;
    expect(front).toMatchObject({ name: 'front', frames: 40, slots: SLOTS, missing: 20, fps: FPS, width: 64, height: 48, codec: 'h264' });
    expect(verified.durationS).toBeCloseTo((SLOTS - 1) / FPS, 3);
    expect(verified.files.map((f) => f.name)).toEqual(['episode.mcap', 'front.mp4']);
    expect(verified.signer.toLowerCase()).toBe(robotKey.address.toLowerCase());
  });

  it('rejects a signed manifest that says other than its files, naming the field and both values', async () => {
    const t0 = BigInt(honest.startNs) + 300_000_000n;
    const last = BigInt(honest.endNs);
    const camera = honest.cameras[0]!;
    const lies: [string, EpisodeManifest, RegExp][] = [
      ['ten minutes claimed for two seconds', { ...honest, startNs: String(last - 600_000_000_000n) }, new RegExp(`^startNs: the manifest says ${last - 600_000_000_000n}, the recording's first sample is at ${t0} \\(598\\.\\d{3} s later\\)$`)],
      ['ending later than it did', { ...honest, endNs: String(last + 60_000_000_000n) }, new RegExp(`^endNs: the manifest says ${last + 60_000_000_000n}, the recording's last sample is at ${last} \\(60\\.000 s apart\\)$`)],
      ['starting well after its first sample', { ...honest, startNs: String(t0 + 2_000_000_000n) }, /^startNs: the manifest says \d+, the recording's first sample is at \d+ \(-2\.000 s later\)$/],
      ['no frame lost', { ...honest, cameras: [{ ...camera, droppedFrames: 0 }] }, /^camera front's droppedFrames: the manifest says 0, the frame records lack 20 of 60 frame slots$/],
      ['camera times shifted', { ...honest, cameras: [{ ...camera, firstCaptureNs: String(t0 - 5_000_000_000n) }] }, new RegExp(`^camera front's firstCaptureNs: the manifest says ${t0 - 5_000_000_000n}, its frame records start at ${t0}$`)],
      ['camera end shifted', { ...honest, cameras: [{ ...camera, lastCaptureNs: String(last + 1n) }] }, new RegExp(`^camera front's lastCaptureNs: the manifest says ${last + 1n}, its frame records end at ${last}$`)],
    ];
    for (const [what, lie, reason] of lies) await expect(verify(lie), what).rejects.toThrow(reason);
    // Not lies: a start in wall-clock milliseconds a moment after the first sample (seen from the real agent), an end
    // a moment after the last sample (a last event).
    await expect(verify({ ...honest, startNs: String(t0 + 7_000_000n) })).resolves.toMatchObject({ episodeId: 'e-lying' });
    await expect(verify({ ...honest, endNs: String(last + 40_000_000n) })).resolves.toMatchObject({ episodeId: 'e-lying' });
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

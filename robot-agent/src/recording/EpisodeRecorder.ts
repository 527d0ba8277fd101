// Records episodes on the robot, whatever the network does: state and the
// applied action sampled at the dataset rate, the operator's raw commands and
// robot events into an MCAP journal; every camera frame into its MP4. On stop
// it finalizes the files, writes the manifest (sizes, SHA-256, frame counts,
// drops) signed by the robot's key, and leaves the episode in the spool for
// the uploader. An episode cut short by a crash is finalized as `failed` at
// the next start, with what was recorded.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrivateKeyAccount } from 'viem/accounts';
import { manifestTypedData, toLong, v1, type CameraRecording, type EpisodeManifest, type ManifestFile, type SignedManifest } from '@teleop/proto';
import type { CameraDescription } from '../cameras/Camera.ts';
import type { CameraRecordingOptions, CameraRecordingResult } from '../cameras/CameraThread.ts';
import type { ControlLoop, StepSample } from '../control/ControlLoop.ts';
import type { Logger } from '../log.ts';
import { recordingCodecArgs, remuxMp4, type RecordingCodec } from './CameraRecorder.ts';
import { finalizeRecording } from './finalizeRecording.ts';
import { McapJournal, RECORDING_CHANNELS } from './McapJournal.ts';

export interface EpisodeRecorderOptions {
  spoolDir: string;
  robotId: string;
  key: PrivateKeyAccount;
  chainId: number;
  cameras: RecordingCamera[];
  loop: ControlLoop;
  jointNames: string[];
  /** The joints' limits from the driver's description, carried in the manifest. */
  jointLimits?: { name: string; min: number; max: number }[];
  codec: RecordingCodec;
  defaultFps: number;
  agentVersion: string;
  logger: Logger;
}

/** A camera that records its own frames into an MP4 (CameraThread: capture and intake in a thread of their own). */
export interface RecordingCamera {
  readonly description: CameraDescription;
  startRecording(o: CameraRecordingOptions): Promise<void>;
  stopRecording(): Promise<CameraRecordingResult>;
}

/** What the spool keeps about an episode while it is recorded (recording.json). */
interface RecordingInfo {
  episodeId: string;
  task: string;
  operator: string;
  fps: number;
  startNs: string;
  cameras: { name: string; width: number; height: number; fps: number }[];
}

export class EpisodeRecorderError extends Error {
  override name = 'EpisodeRecorderError';
}

interface Active {
  info: RecordingInfo;
  dir: string;
  journal: McapJournal;
  cameras: RecordingCamera[];
  /** Stops taking control steps as state samples. */
  unsubscribe: () => void;
  /** Capture time from which the next control step is taken as a state sample. */
  nextSampleNs: bigint | null;
  samplePeriodNs: bigint;
  /** The manifest's startNs: nothing captured before it is recorded. */
  startNs: bigint;
}

const EPISODE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class EpisodeRecorder {
  private active: Active | null = null;
  /** Episodes finished (signed manifest written) since start. */
  readonly finished: string[] = [];

  constructor(private readonly o: EpisodeRecorderOptions) {}

  get recordingId(): string | null {
    return this.active?.info.episodeId ?? null;
  }

  /** A start still opening its files: a stop for the same episode waits for it. */
  private starting: { episodeId: string; done: Promise<void> } | null = null;

  async start(ev: { episodeId: string; task: string; operator: string; fps: number }): Promise<void> {
    if (!EPISODE_ID.test(ev.episodeId)) throw new EpisodeRecorderError(`episode id "${ev.episodeId}" is not valid`);
    if (this.active) throw new EpisodeRecorderError(`episode ${this.active.info.episodeId} is still recording`);
    if (this.starting) throw new EpisodeRecorderError(`episode ${this.starting.episodeId} is still starting`);
    const done = this.open(ev);
    this.starting = { episodeId: ev.episodeId, done };
    try {
      await done;
    } finally {
      this.starting = null;
    }
  }

  private async open(ev: { episodeId: string; task: string; operator: string; fps: number }): Promise<void> {
    const fps = ev.fps > 0 ? ev.fps : this.o.defaultFps;
    const dir = join(this.o.spoolDir, ev.episodeId);
    await mkdir(dir, { recursive: true });
    const info: RecordingInfo = {
      episodeId: ev.episodeId,
      task: ev.task,
      operator: ev.operator,
      fps,
      startNs: String(BigInt(Date.now()) * 1_000_000n),
      cameras: this.o.cameras.map((c) => ({ name: c.description.name, width: c.description.width, height: c.description.height, fps: c.description.fps })),
    };
    await writeFile(join(dir, 'recording.json'), JSON.stringify(info, null, 2));
    const journal = new McapJournal(join(dir, 'journal.mcap'));
    await journal.open(info.cameras.map((c) => c.name));
    // Every camera starts its part at once; if one cannot, none records.
    const started = await Promise.allSettled(
      this.o.cameras.map((camera) => {
        const name = camera.description.name;
        return camera.startRecording({
          codec: this.o.codec,
          path: join(dir, `${name}.mp4`),
          // A camera hands frames over up to its buffer's length late: those taken before the start are not the episode's.
          notBeforeNs: BigInt(info.startNs),
          onFrame: (frameIndex, captureNs, droppedBefore) => {
            void journal.add(
              `/camera/${name}/frames`,
              captureNs,
              v1.CameraFrame.encode({ camera: name, frameIndex: toLong(BigInt(frameIndex)), captureTimeNs: toLong(captureNs), droppedBefore }).finish(),
            );
          },
        });
      }),
    );
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      await Promise.all(this.o.cameras.filter((_, i) => started[i]!.status === 'fulfilled').map((c) => c.stopRecording().catch(() => undefined)));
      await journal.close();
      await rm(dir, { recursive: true, force: true });
      throw new EpisodeRecorderError(`cannot record episode ${ev.episodeId}: ${(failed.reason as Error).message}`);
    }
    const cameras = [...this.o.cameras];
    const active: Active = { info, dir, journal, cameras, unsubscribe: () => undefined, nextSampleNs: null, samplePeriodNs: BigInt(Math.round(1e9 / fps)), startNs: BigInt(info.startNs) };
    // State and action are sampled on the dataset's frame clock from the control loop's own steps.
    active.unsubscribe = this.o.loop.onStep((s) => this.sample(active, s));
    this.active = active;
    this.o.logger.info({ episodeId: ev.episodeId, task: ev.task, fps }, 'episode recording started');
  }

  /** The operator's command as the robot received it. */
  recordCommand(payload: Uint8Array, timeNs: bigint): void {
    void this.active?.journal.add(RECORDING_CHANNELS.commands.topic, timeNs, payload);
  }

  recordEvent(payload: Uint8Array, timeNs: bigint): void {
    void this.active?.journal.add(RECORDING_CHANNELS.events.topic, timeNs, payload);
  }

  /**
   * Ends the recording. `discard` deletes it; otherwise the files are finalized and the signed manifest
   * written, and the episode waits in the spool for upload.
   */
  async stop(episodeId: string, outcome: 'success' | 'failure' | 'failed' | 'discard', failure?: string): Promise<SignedManifest | null> {
    if (this.starting?.episodeId === episodeId) await this.starting.done.catch(() => undefined);
    const a = this.active;
    if (!a || a.info.episodeId !== episodeId) throw new EpisodeRecorderError(`episode ${episodeId} is not recording`);
    this.active = null;
    a.unsubscribe();
    const results = await Promise.all(
      a.cameras.map((c) =>
        c.stopRecording().catch((err: Error): CameraRecordingResult => ({ frames: 0, dropped: 0, firstCaptureNs: null, lastCaptureNs: null, ffmpegArgs: recordingCodecArgs(this.o.codec), error: err.message })),
      ),
    );
    await a.journal.close();
    if (outcome === 'discard') {
      await rm(a.dir, { recursive: true, force: true });
      this.o.logger.info({ episodeId }, 'episode discarded');
      return null;
    }
    const cameraRecordings: CameraRecording[] = a.cameras.map((c, i) => {
      const r = results[i]!;
      return {
        name: c.description.name,
        file: `${c.description.name}.mp4`,
        width: c.description.width,
        height: c.description.height,
        fps: c.description.fps,
        codec: this.o.codec,
        encoder: { ffmpegArgs: r.ffmpegArgs, pixFmt: 'yuv420p', gop: 2 },
        frames: r.error ? 0 : r.frames,
        droppedFrames: r.dropped,
        firstCaptureNs: String(r.firstCaptureNs ?? 0n),
        lastCaptureNs: String(r.lastCaptureNs ?? 0n),
      };
    });
    const encoderFailure = results.find((r) => r.error)?.error ?? undefined;
    return this.seal(a.dir, a.info, cameraRecordings, encoderFailure ? 'failed' : outcome, failure ?? encoderFailure);
  }

  /** Finalizes episodes a crash left in the spool as `failed`, with what they hold. Returns their ids. */
  async recoverInterrupted(): Promise<string[]> {
    const recovered: string[] = [];
    let entries: string[] = [];
    try {
      entries = await readdir(this.o.spoolDir);
    } catch {
      return recovered;
    }
    for (const id of entries) {
      const dir = join(this.o.spoolDir, id);
      const files = await readdir(dir).catch(() => [] as string[]);
      if (files.includes('manifest.json') || !files.includes('recording.json')) continue;
      const info = JSON.parse(await readFile(join(dir, 'recording.json'), 'utf8')) as RecordingInfo;
      const cameras: CameraRecording[] = [];
      for (const c of info.cameras) {
        const partial = join(dir, `${c.name}.mp4.partial`);
        if (files.includes(`${c.name}.mp4.partial`)) {
          await remuxMp4(partial, join(dir, `${c.name}.mp4`)).catch((err: Error) => this.o.logger.error({ episodeId: id, camera: c.name }, `the interrupted recording of camera ${c.name} could not be salvaged: ${err.message}`));
        }
        cameras.push({
          name: c.name,
          file: `${c.name}.mp4`,
          width: c.width,
          height: c.height,
          fps: c.fps,
          codec: this.o.codec,
          encoder: { ffmpegArgs: recordingCodecArgs(this.o.codec), pixFmt: 'yuv420p', gop: 2 },
          frames: -1, // counted from the MCAP below
          droppedFrames: 0,
          firstCaptureNs: '0',
          lastCaptureNs: '0',
        });
      }
      await this.seal(dir, info, cameras, 'failed', 'the agent stopped during the recording; this is what was recorded before');
      this.o.logger.warn({ episodeId: id }, 'finalized an interrupted episode as failed');
      recovered.push(id);
    }
    return recovered;
  }

  /** Takes a control step as the state and action sample of the next slot of the dataset's frame clock. */
  private sample(a: Active, step: StepSample): void {
    const { reading, captureNs, setpoint } = step;
    // A step read before the recording started (a stalled loop catching up) is not the episode's.
    if (captureNs < a.startNs) return;
    if (a.nextSampleNs !== null && captureNs < a.nextSampleNs) return;
    // On the grid from the first sample; after a stall the grid restarts at the step that ended it.
    a.nextSampleNs = a.nextSampleNs === null || captureNs - a.nextSampleNs >= a.samplePeriodNs ? captureNs + a.samplePeriodNs : a.nextSampleNs + a.samplePeriodNs;
    void a.journal.add(
      RECORDING_CHANNELS.state.topic,
      captureNs,
      v1.JointState.encode({ captureTimeNs: toLong(captureNs), positions: reading.positions, velocities: reading.velocities, efforts: reading.efforts }).finish(),
    );
    void a.journal.add(RECORDING_CHANNELS.action.topic, captureNs, v1.ActionSample.encode({ captureTimeNs: toLong(captureNs), positions: setpoint }).finish());
  }

  /** Finalizes the MCAP, hashes every file, signs and writes the manifest. */
  private async seal(dir: string, info: RecordingInfo, cameras: CameraRecording[], outcome: EpisodeManifest['outcome'], failure?: string): Promise<SignedManifest> {
    const finalized = await finalizeRecording(join(dir, 'journal.mcap'), join(dir, 'episode.mcap'));
    await rm(join(dir, 'journal.mcap'), { force: true });
    for (const c of cameras) {
      const count = finalized.channels[`/camera/${c.name}/frames`] ?? 0;
      if (c.frames < 0) c.frames = count;
    }
    const files: ManifestFile[] = [];
    for (const name of ['episode.mcap', ...cameras.map((c) => c.file)]) {
      const path = join(dir, name);
      const s = await stat(path).catch(() => null);
      if (!s) continue;
      files.push({ name, size: s.size, sha256: await sha256File(path) });
    }
    const manifest: EpisodeManifest = {
      version: 1,
      episodeId: info.episodeId,
      robotId: this.o.robotId,
      operator: info.operator,
      task: info.task,
      outcome,
      startNs: info.startNs,
      endNs: String(finalized.lastLogTimeNs ?? BigInt(Date.now()) * 1_000_000n),
      fps: info.fps,
      jointNames: this.o.jointNames,
      ...(this.o.jointLimits ? { jointLimits: this.o.jointLimits } : {}),
      channels: finalized.channels,
      cameras,
      files,
      agentVersion: this.o.agentVersion,
      ...(failure ? { failure } : {}),
    };
    const signature = await this.o.key.signTypedData(manifestTypedData(manifest, this.o.chainId));
    const signed: SignedManifest = { manifest, signer: this.o.key.address, signature };
    await writeFile(join(dir, 'manifest.json.tmp'), JSON.stringify(signed, null, 2));
    await rename(join(dir, 'manifest.json.tmp'), join(dir, 'manifest.json'));
    this.finished.push(info.episodeId);
    this.o.logger.info({ episodeId: info.episodeId, outcome, files: files.length }, 'episode sealed');
    return signed;
  }
}

/** A fresh episode id (the hub chooses ids; this is for tests and tools). */
export function newEpisodeId(): string {
  return `e-${randomUUID()}`;
}

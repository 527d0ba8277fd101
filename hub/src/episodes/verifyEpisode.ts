// Verification of an uploaded episode: the manifest's signature by the
// robot's registered key, every file's size and SHA-256, the MCAP's message
// counts per channel, and each video's frames, size and codec by ffprobe.
// What it returns is what the hub measured in the files (VerifiedEpisode);
// the automatic checks read only that, never the manifest's own counters.
import { createHash } from 'node:crypto';
import { manifestSigner, type SignedManifest } from '@teleop/proto';
import type { BlobStore } from '../store/BlobStore.ts';
import { readRecording, type Recording } from './readRecording.ts';
import { probeVideo } from './probeVideo.ts';

export class EpisodeVerificationError extends Error {
  override name = 'EpisodeVerificationError';
}

export interface VerifyInput {
  signed: SignedManifest;
  episodeId: string;
  robotId: string;
  operator: string;
  chainId: number;
  /** The robot's registered signing address (null: none registered). */
  signingAddress: string | null;
  /** Where the uploaded files are, and each one's key there by name. */
  blobs: BlobStore;
  fileKey: (name: string) => string;
}

/** A camera as measured in its video (frames decoded, size, codec, rate) and in the MCAP's frame records (capture times). */
export interface VerifiedCamera {
  name: string;
  file: string;
  frames: number;
  width: number;
  height: number;
  codec: string;
  fps: number;
  firstCaptureNs: bigint;
  lastCaptureNs: bigint;
  /** Frame periods from the first to the last capture, both included. */
  slots: number;
  /** Slots with no frame in the video. */
  missing: number;
}

/** What the hub measured in an episode's files. */
export interface VerifiedEpisode {
  episodeId: string;
  robotId: string;
  /** The address that signed the manifest (the robot's registered key). */
  signer: string;
  /** Every file as found: size and SHA-256 computed by the hub. */
  files: { name: string; size: number; sha256: string }[];
  /** First and last sample of the recording (states, actions, camera frames) and the span between them. */
  startNs: bigint;
  endNs: bigint;
  durationS: number;
  /** Messages per MCAP channel. */
  counts: Record<string, number>;
  cameras: VerifiedCamera[];
  /** The decoded recording (states, actions, frame records). */
  recording: Recording;
}

async function sha256(blobs: BlobStore, key: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of blobs.read(key)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** How far a recording's start and end may lie outside its samples: cameras starting up, a last event after the last sample. */
const SLACK_NS = 5_000_000_000n;
/**
 * How far after its first sample a recording may say it started: the start is wall-clock milliseconds, and a camera
 * frame or state sample a moment older (a camera's short buffer) may open the recording.
 */
const LATE_START_NS = 1_000_000_000n;

/** Resolves with what was measured when everything holds; throws EpisodeVerificationError saying what does not. */
export async function verifyEpisode(v: VerifyInput): Promise<VerifiedEpisode> {
  const m = v.signed.manifest;
  const fail = (message: string): never => {
    throw new EpisodeVerificationError(message);
  };
  if (m.episodeId !== v.episodeId || m.robotId !== v.robotId) fail(`the manifest is for episode ${m.episodeId} of ${m.robotId}, not ${v.episodeId} of ${v.robotId}`);
  if (m.operator.toLowerCase() !== v.operator.toLowerCase()) fail(`the manifest names operator ${m.operator}, the episode was recorded by ${v.operator}`);
  if (!v.signingAddress) fail(`robot ${v.robotId} has no signing key registered`);
  let signer: string;
  try {
    signer = await manifestSigner(v.signed, v.chainId);
  } catch {
    return fail('the manifest signature is malformed');
  }
  if (signer.toLowerCase() !== v.signingAddress!.toLowerCase()) fail(`the manifest is signed by ${signer}, not by the robot's key ${v.signingAddress}`);
  const files: VerifiedEpisode['files'] = [];
  for (const f of m.files) {
    const size = (await v.blobs.head(v.fileKey(f.name)))?.size ?? null;
    const actual = size === null ? null : await sha256(v.blobs, v.fileKey(f.name)).catch(() => null);
    if (actual === null || size === null) return fail(`file ${f.name} is missing`);
    if (actual !== f.sha256) fail(`file ${f.name} does not match its SHA-256 in the manifest (tampered or corrupted)`);
    if (size !== f.size) fail(`file ${f.name} holds ${size} bytes, the manifest says ${f.size}`);
    files.push({ name: f.name, size, sha256: actual });
  }
  const mcap = m.files.find((f) => f.name === 'episode.mcap');
  if (!mcap) fail('the episode has no MCAP recording');
  let rec: Recording;
  try {
    rec = await v.blobs.withLocalFile(v.fileKey('episode.mcap'), readRecording);
  } catch (err) {
    return fail((err as Error).message);
  }
  for (const [topic, n] of Object.entries(m.channels)) {
    if ((rec.counts[topic] ?? 0) !== n) fail(`channel ${topic} holds ${rec.counts[topic] ?? 0} messages, the manifest says ${n}`);
  }
  const cameras: VerifiedCamera[] = [];
  for (const c of m.cameras) {
    if (!m.files.some((f) => f.name === c.file)) fail(`camera ${c.name}'s video ${c.file} is not among the files`);
    const p = await v.blobs.withLocalFile(v.fileKey(c.file), probeVideo).catch((err: Error) => fail(`camera ${c.name}: ${err.message}`));
    if (p.frames !== c.frames) fail(`camera ${c.name}'s video has ${p.frames} frames, the manifest says ${c.frames}`);
    if (p.width !== c.width || p.height !== c.height) fail(`camera ${c.name}'s video is ${p.width}x${p.height}, the manifest says ${c.width}x${c.height}`);
    const codec = c.codec === 'av1' ? 'av1' : 'h264';
    if (p.codec !== codec) fail(`camera ${c.name}'s video is ${p.codec}, the manifest says ${codec}`);
    const records = rec.frames.get(c.name) ?? [];
    if (records.length !== p.frames) fail(`camera ${c.name} has ${records.length} frame records for ${p.frames} frames`);
    if (!(p.fps > 0)) fail(`camera ${c.name}'s video has no frame rate`);
    for (let i = 1; i < records.length; i++) {
      if (records[i]!.t <= records[i - 1]!.t) fail(`camera ${c.name}'s frame ${i} was captured no later than the frame before it`);
    }
    const first = records[0]?.t ?? 0n;
    const last = records.at(-1)?.t ?? 0n;
    const slots = records.length === 0 ? 0 : Math.round((Number(last - first) / 1e9) * p.fps) + 1;
    const missing = Math.max(0, slots - p.frames);
    // What the manifest says of the camera must be what its files hold. An agent that crashed mid-recording could not
    // count (capture times 0): its counts are not checked, and nothing the hub decides reads them.
    const claimedFirst = BigInt(c.firstCaptureNs);
    const claimedLast = BigInt(c.lastCaptureNs);
    const counted = claimedFirst !== 0n || claimedLast !== 0n;
    if (counted && claimedFirst !== first) fail(`camera ${c.name}'s firstCaptureNs: the manifest says ${claimedFirst}, its frame records start at ${first}`);
    if (counted && claimedLast !== last) fail(`camera ${c.name}'s lastCaptureNs: the manifest says ${claimedLast}, its frame records end at ${last}`);
    // The robot counts slots as frames arrive and the hub from the first and last capture: a frame's difference is rounding.
    if (counted && c.droppedFrames < missing - 1 - Math.floor(slots / 200)) fail(`camera ${c.name}'s droppedFrames: the manifest says ${c.droppedFrames}, the frame records lack ${missing} of ${slots} frame slots`);
    cameras.push({ name: c.name, file: c.file, frames: p.frames, width: p.width, height: p.height, codec: p.codec, fps: p.fps, firstCaptureNs: first, lastCaptureNs: last, slots, missing });
  }
  const times = [...rec.states.map((s) => s.t), ...rec.actions.map((a) => a.t), ...cameras.flatMap((c) => (c.slots > 0 ? [c.firstCaptureNs, c.lastCaptureNs] : []))];
  const startNs = times.reduce((a, b) => (b < a ? b : a), times[0] ?? 0n);
  const endNs = times.reduce((a, b) => (b > a ? b : a), times[0] ?? 0n);
  // The manifest's span must be the recording's: it starts when recording started (before the first sample, by at most
  // the time cameras take to start, or just after it) and ends with the recording's last message (a command or event may follow the last
  // sample by a moment; it never ends before the last sample).
  const period = BigInt(Math.round(1e9 / (m.fps > 0 ? m.fps : 30)));
  const claimedStart = BigInt(m.startNs);
  const claimedEnd = BigInt(m.endNs);
  const seconds = (ns: bigint): string => (Number(ns) / 1e9).toFixed(3);
  if (times.length > 0 && (claimedStart - startNs > LATE_START_NS || startNs - claimedStart > SLACK_NS)) {
    fail(`startNs: the manifest says ${claimedStart}, the recording's first sample is at ${startNs} (${seconds(startNs - claimedStart)} s later)`);
  }
  if (times.length > 0 && (claimedEnd < endNs - period || claimedEnd - endNs > SLACK_NS)) {
    fail(`endNs: the manifest says ${claimedEnd}, the recording's last sample is at ${endNs} (${seconds(claimedEnd - endNs)} s apart)`);
  }
  return { episodeId: v.episodeId, robotId: v.robotId, signer, files, startNs, endNs, durationS: Number(endNs - startNs) / 1e9, counts: rec.counts, cameras, recording: rec };
}

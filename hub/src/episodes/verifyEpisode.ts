// Verification of an uploaded episode: the manifest's signature by the
// robot's registered key, every file's size and SHA-256, the MCAP's message
// counts per channel, and each video's frames, size and codec by ffprobe.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { manifestSigner, type SignedManifest } from '@teleop/proto';
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
  /** Local path of each uploaded file by name. */
  filePath: (name: string) => string;
}

async function sha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Resolves with the decoded recording when everything holds; throws EpisodeVerificationError saying what does not. */
export async function verifyEpisode(v: VerifyInput): Promise<Recording> {
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
  for (const f of m.files) {
    const actual = await sha256(v.filePath(f.name)).catch(() => null);
    if (actual === null) fail(`file ${f.name} is missing`);
    if (actual !== f.sha256) fail(`file ${f.name} does not match its SHA-256 in the manifest (tampered or corrupted)`);
  }
  const mcap = m.files.find((f) => f.name === 'episode.mcap');
  if (!mcap) fail('the episode has no MCAP recording');
  let rec: Recording;
  try {
    rec = await readRecording(v.filePath('episode.mcap'));
  } catch (err) {
    return fail((err as Error).message);
  }
  for (const [topic, n] of Object.entries(m.channels)) {
    if ((rec.counts[topic] ?? 0) !== n) fail(`channel ${topic} holds ${rec.counts[topic] ?? 0} messages, the manifest says ${n}`);
  }
  for (const c of m.cameras) {
    if (!m.files.some((f) => f.name === c.file)) fail(`camera ${c.name}'s video ${c.file} is not among the files`);
    const p = await probeVideo(v.filePath(c.file)).catch((err: Error) => fail(`camera ${c.name}: ${err.message}`));
    if (p.frames !== c.frames) fail(`camera ${c.name}'s video has ${p.frames} frames, the manifest says ${c.frames}`);
    if (p.width !== c.width || p.height !== c.height) fail(`camera ${c.name}'s video is ${p.width}x${p.height}, the manifest says ${c.width}x${c.height}`);
    const codec = c.codec === 'av1' ? 'av1' : 'h264';
    if (p.codec !== codec) fail(`camera ${c.name}'s video is ${p.codec}, the manifest says ${codec}`);
    if ((rec.frames.get(c.name)?.length ?? 0) !== c.frames) fail(`camera ${c.name} has ${rec.frames.get(c.name)?.length ?? 0} frame records for ${c.frames} frames`);
  }
  return rec;
}

// The episode manifest: what a robot recorded, file by file, signed by the
// robot's secp256k1 key as EIP-712 typed data (so the same signature can be
// checked on-chain). The signed struct carries the keccak-256 of the
// manifest's canonical JSON; the JSON carries everything else.
import { keccak256, recoverTypedDataAddress, toHex, type Hex } from 'viem';

export interface ManifestFile {
  /** File name inside the episode, e.g. "episode.mcap" or "front.mp4". */
  name: string;
  size: number;
  sha256: string;
}

export interface CameraRecording {
  name: string;
  file: string;
  width: number;
  height: number;
  fps: number;
  codec: 'h264' | 'av1';
  /** Encoder settings, so a dataset can say exactly how frames were encoded. */
  encoder: { ffmpegArgs: string[]; pixFmt: string; gop: number };
  frames: number;
  droppedFrames: number;
  firstCaptureNs: string;
  lastCaptureNs: string;
}

export interface EpisodeManifest {
  version: 1;
  episodeId: string;
  robotId: string;
  /** Wallet address of the operator (lease holder) who recorded it. */
  operator: string;
  task: string;
  /** "success", "failure" (as the operator said), or "failed" (the recording did not end properly). */
  outcome: 'success' | 'failure' | 'failed';
  /** Unix ns, decimal strings. */
  startNs: string;
  endNs: string;
  /** Dataset frame rate the state/action streams were sampled at. */
  fps: number;
  jointNames: string[];
  /** Each joint's limits as the robot described them (radians or metres), for unit conversion at export. */
  jointLimits?: { name: string; min: number; max: number }[];
  /** Messages per MCAP channel (topic -> count). */
  channels: Record<string, number>;
  cameras: CameraRecording[];
  files: ManifestFile[];
  agentVersion: string;
  /** Why the episode is `failed`, when it is. */
  failure?: string;
}

export interface SignedManifest {
  manifest: EpisodeManifest;
  /** Address of the robot's signing key. */
  signer: string;
  signature: Hex;
}

export const MANIFEST_EIP712_TYPES = {
  EpisodeManifest: [
    { name: 'episodeId', type: 'string' },
    { name: 'robotId', type: 'string' },
    { name: 'operator', type: 'string' },
    { name: 'manifestHash', type: 'bytes32' },
  ],
} as const;

/** EIP-712 domain of manifests on a chain. */
export function manifestDomain(chainId: number) {
  return { name: 'TeleopHub', version: '1', chainId } as const;
}

/** JSON with object keys sorted at every level: one byte sequence per manifest. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function manifestHash(manifest: EpisodeManifest): Hex {
  return keccak256(toHex(canonicalJson(manifest)));
}

/** The typed-data message a robot signs for a manifest. */
export function manifestTypedData(manifest: EpisodeManifest, chainId: number) {
  return {
    domain: manifestDomain(chainId),
    types: MANIFEST_EIP712_TYPES,
    primaryType: 'EpisodeManifest' as const,
    message: { episodeId: manifest.episodeId, robotId: manifest.robotId, operator: manifest.operator, manifestHash: manifestHash(manifest) },
  };
}

/** The address that signed a manifest (throws on a malformed signature). */
export async function manifestSigner(signed: SignedManifest, chainId: number): Promise<string> {
  return recoverTypedDataAddress({ ...manifestTypedData(signed.manifest, chainId), signature: signed.signature });
}

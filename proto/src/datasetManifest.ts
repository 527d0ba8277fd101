// The manifest of a dataset version: every file of the version with its size
// and SHA-256, and a Merkle root over them that the chain records. Leaves are
// OpenZeppelin standard-tree leaves (double keccak of the ABI encoding) of
// (path, size, sha256) as (string, uint256, bytes32), so a contract can check
// a file with OpenZeppelin's MerkleProof and the same proof this module gives.
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { keccak256, toHex, type Hex } from 'viem';
import { canonicalJson } from './episodeManifest.ts';

export const DATASET_LEAF_ENCODING = ['string', 'uint256', 'bytes32'] as const;

export interface DatasetFile {
  /** Path inside the version, '/'-separated, e.g. "lerobot/meta/info.json". */
  path: string;
  size: number;
  /** Lowercase hex, 64 characters. */
  sha256: string;
}

export interface DatasetManifest {
  format: 'teleop-hub/dataset-manifest';
  version: 1;
  dataset: { id: string; name: string; version: number; parentVersion: number | null; license: string; createdAt: string };
  /** Episodes in the version, in dataset order (episode_index). */
  episodes: string[];
  /** Sorted by path. manifest.json itself is not among them: it carries the root. */
  files: DatasetFile[];
  merkle: { root: Hex; leaf: typeof DATASET_LEAF_ENCODING; tree: 'openzeppelin-standard' };
}

export class DatasetManifestError extends Error {
  override name = 'DatasetManifestError';
}

const SHA256 = /^[0-9a-f]{64}$/;

function leaves(files: DatasetFile[]): [string, bigint, Hex][] {
  const seen = new Set<string>();
  return files.map((f) => {
    if (seen.has(f.path)) throw new DatasetManifestError(`file ${f.path} is listed twice`);
    seen.add(f.path);
    if (!SHA256.test(f.sha256)) throw new DatasetManifestError(`file ${f.path}: sha256 must be 64 lowercase hex digits`);
    if (!Number.isSafeInteger(f.size) || f.size < 0) throw new DatasetManifestError(`file ${f.path}: size must be a non-negative integer`);
    return [f.path, BigInt(f.size), `0x${f.sha256}`];
  });
}

export function datasetTree(files: DatasetFile[]): StandardMerkleTree<[string, bigint, Hex]> {
  if (files.length === 0) throw new DatasetManifestError('a dataset version has at least one file');
  return StandardMerkleTree.of(leaves(files), [...DATASET_LEAF_ENCODING]);
}

export function datasetMerkleRoot(files: DatasetFile[]): Hex {
  return datasetTree(files).root as Hex;
}

/** The proof of one file, for checking it on-chain or with verifyDatasetFile. */
export function datasetFileProof(files: DatasetFile[], path: string): Hex[] {
  const tree = datasetTree(files);
  for (const [i, v] of tree.entries()) if (v[0] === path) return tree.getProof(i) as Hex[];
  throw new DatasetManifestError(`no file ${path} in the dataset`);
}

export function verifyDatasetFile(root: Hex, file: DatasetFile, proof: Hex[]): boolean {
  return StandardMerkleTree.verify(root, [...DATASET_LEAF_ENCODING], leaves([file])[0]!, proof);
}

/** keccak-256 of the manifest's canonical JSON (what the chain records beside the root). */
export function datasetManifestHash(manifest: DatasetManifest): Hex {
  return keccak256(toHex(canonicalJson(manifest)));
}

/** Checks a manifest's own consistency: its root is the root of its files. Throws on a mismatch. */
export function checkDatasetManifest(manifest: DatasetManifest): void {
  if (manifest.format !== 'teleop-hub/dataset-manifest' || manifest.version !== 1) throw new DatasetManifestError('not a Teleop Hub dataset manifest (format/version)');
  const root = datasetMerkleRoot(manifest.files);
  if (root.toLowerCase() !== manifest.merkle.root.toLowerCase()) {
    throw new DatasetManifestError(`the manifest's Merkle root ${manifest.merkle.root} is not the root of its files (${root})`);
  }
}

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeAbiParameters, keccak256 } from 'viem';
import { checkDatasetManifest, datasetFileProof, datasetMerkleRoot, verifyDatasetFile, type DatasetFile, type DatasetManifest } from './datasetManifest.ts';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
const files: DatasetFile[] = ['lerobot/meta/info.json', 'lerobot/data/chunk-000/file-000.parquet', 'raw/e-1/episode.mcap'].map((path, i) => ({ path, size: 100 + i, sha256: sha(path) }));

describe('dataset manifest Merkle tree', () => {
  it('uses OpenZeppelin standard leaves of (string path, uint256 size, bytes32 sha256)', () => {
    // One leaf: the root is keccak256(keccak256(abi.encode(path, size, sha256))), as MerkleProof in Solidity expects.
    const f = files[0]!;
    const inner = keccak256(encodeAbiParameters([{ type: 'string' }, { type: 'uint256' }, { type: 'bytes32' }], [f.path, BigInt(f.size), `0x${f.sha256}`]));
    expect(datasetMerkleRoot([f])).toBe(keccak256(inner));
  });

  it('proves each file and refuses a changed one', () => {
    const root = datasetMerkleRoot(files);
    for (const f of files) {
      const proof = datasetFileProof(files, f.path);
      expect(verifyDatasetFile(root, f, proof)).toBe(true);
      expect(verifyDatasetFile(root, { ...f, size: f.size + 1 }, proof)).toBe(false);
      expect(verifyDatasetFile(root, { ...f, sha256: sha('other') }, proof)).toBe(false);
    }
    // Order does not matter; content does.
    expect(datasetMerkleRoot([...files].reverse())).toBe(root);
  });

  it('rejects duplicate paths, bad digests and a manifest whose root does not match', () => {
    expect(() => datasetMerkleRoot([files[0]!, files[0]!])).toThrow(/listed twice/);
    expect(() => datasetMerkleRoot([{ ...files[0]!, sha256: 'XYZ' }])).toThrow(/sha256/);
    const manifest: DatasetManifest = {
      format: 'teleop-hub/dataset-manifest',
      version: 1,
      dataset: { id: 'd-1', name: 'n', version: 1, parentVersion: null, license: 'CC-BY-4.0', createdAt: '2026-11-22T00:00:00Z' },
      episodes: ['e-1'],
      files,
      merkle: { root: datasetMerkleRoot(files), leaf: ['string', 'uint256', 'bytes32'], tree: 'openzeppelin-standard' },
    };
    expect(() => checkDatasetManifest(manifest)).not.toThrow();
    expect(() => checkDatasetManifest({ ...manifest, files: files.slice(1) })).toThrow(/not the root of its files/);
  });
});

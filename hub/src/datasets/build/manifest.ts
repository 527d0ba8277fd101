// Step 6: the manifest, every file of the version (the scratch directory's
// and those already stored) with its size and SHA-256, sorted by path, and
// the Merkle root over them; written as manifest.json beside them.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { datasetManifestHash, datasetMerkleRoot, type DatasetFile, type DatasetManifest } from '@teleop/proto';
import type { VersionSummary } from '../datasetRecords.ts';
import { scratchFiles, versionKey, type BuildBase, type BuiltVersion } from './buildContext.ts';
import type { Metadata } from './metadata.ts';
import type { RawBundle } from './rawBundle.ts';
import type { Sources } from './sources.ts';

async function digest(from: Readable): Promise<{ size: number; sha256: string }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of from) {
    h.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: h.digest('hex') };
}

export async function writeManifest(ctx: BuildBase & Sources & Metadata & RawBundle): Promise<BuiltVersion> {
  const local = new Set(await scratchFiles(ctx));
  const paths = [...local, ...ctx.storedFiles].sort();
  const files: DatasetFile[] = [];
  let lerobotBytes = 0;
  let rawBytes = 0;
  for (const path of paths) {
    const { size, sha256 } = await digest(local.has(path) ? createReadStream(join(ctx.scratch, ...path.split('/'))) : ctx.blobs.read(versionKey(ctx, path)));
    if (path.startsWith('lerobot/')) lerobotBytes += size;
    if (path.startsWith('raw/')) rawBytes += size;
    files.push({ path, size, sha256 });
  }
  const { dataset: d, version: v } = ctx;
  const manifest: DatasetManifest = {
    format: 'teleop-hub/dataset-manifest',
    version: 1,
    dataset: { id: d.id, name: d.name, version: v.version, parentVersion: v.parent_version, license: d.license, createdAt: v.created_at },
    episodes: ctx.sources.map((s) => s.id),
    files,
    merkle: { root: datasetMerkleRoot(files), leaf: ['string', 'uint256', 'bytes32'], tree: 'openzeppelin-standard' },
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(join(ctx.scratch, 'manifest.json'), manifestText);
  const sizeBytes = files.reduce((a, f) => a + f.size, 0) + Buffer.byteLength(manifestText);
  const summary: VersionSummary = { ...ctx.summaryBase, files: files.length + 1, bytes: { lerobot: lerobotBytes, raw: rawBytes, total: sizeBytes } };
  return { manifest, manifestHash: datasetManifestHash(manifest), summary, sizeBytes };
}

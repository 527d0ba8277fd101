// A data directory from before built datasets lived in the blob store (real
// files in a temporary directory, the real file blob store).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileBlobStore, readBlobText } from './BlobStore.ts';
import { adoptLegacyDatasetDirs } from './legacyDatasets.ts';

describe('dataset versions of the old layout', () => {
  let dir: string;
  let blobs: FileBlobStore;
  const put = (rel: string, text: string): void => {
    const p = join(dir, 'datasets', rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'legacy-datasets-'));
    blobs = new FileBlobStore(join(dir, 'blobs'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('moves built versions into the blob store under their keys, keeping what the store already holds', async () => {
    put('d-1/v1/manifest.json', '{"v":1}');
    put('d-1/v1/lerobot/meta/info.json', 'info');
    put('d-1/v2/raw/e-1/episode.mcap', 'mcap');
    put('d-1/v3.building/lerobot/half.json', 'never finished');
    await blobs.write('datasets/d-1/v2/raw/e-1/episode.mcap', (await import('node:stream')).Readable.from([Buffer.from('already stored')]));
    expect(await adoptLegacyDatasetDirs(dir, blobs)).toBe(2);
    expect(await blobs.list('datasets/')).toEqual(['datasets/d-1/v1/lerobot/meta/info.json', 'datasets/d-1/v1/manifest.json', 'datasets/d-1/v2/raw/e-1/episode.mcap']);
    expect(await readBlobText(blobs, 'datasets/d-1/v1/manifest.json')).toBe('{"v":1}');
    expect(await readBlobText(blobs, 'datasets/d-1/v2/raw/e-1/episode.mcap')).toBe('already stored');
    expect(existsSync(join(dir, 'datasets'))).toBe(false);
    // A second start finds nothing to move.
    expect(await adoptLegacyDatasetDirs(dir, blobs)).toBe(0);
  });
});

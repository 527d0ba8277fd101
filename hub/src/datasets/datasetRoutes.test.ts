// A version's files are served from the blob store by a running hub: only
// what its manifest lists, with byte ranges, the SHA-256 as ETag and If-Range,
// and the whole version as a tar whose entries are the stored bytes. The
// version is put in place through the stores, as a build leaves it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetMerkleRoot, type DatasetFile, type DatasetManifest } from '@teleop/proto';
import { Hub } from '../Hub.ts';
import { FileBlobStore } from '../store/BlobStore.ts';
import { testHubConfig } from '../testing.ts';
import type { VersionSummary } from './datasetRecords.ts';
import { versionFileKey } from './versionKeys.ts';

const BY = '0x000000000000000000000000000000000000a11c';
const AT = '2025-01-01T00:00:00.000Z';

describe('dataset files from the blob store', () => {
  const { config, cleanup } = testHubConfig();
  let hub: Hub;
  let blobs: FileBlobStore;
  const contents: Record<string, Buffer> = {
    'lerobot/meta/info.json': Buffer.from('{\n    "codebase_version": "v3.0"\n}'),
    'lerobot/data/chunk-000/file-000.parquet': Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251)),
    'raw/e-1/episode.mcap': Buffer.alloc(1500, 7),
  };
  let manifestText: string;
  const url = (path: string): string => `${hub.url}/api/v1/datasets/picks/versions/1/${path}`;

  beforeAll(async () => {
    hub = await Hub.start(config);
    blobs = new FileBlobStore(join(config.dataDir, 'blobs'));
    const store = hub.stores.datasets;
    await store.createDataset(
      { id: 'd-1', name: 'picks', title: 'Picks', description: '', license: 'CC-BY-4.0', price: '0', created_by: BY, created_at: AT, allowed_buyers: null, units: 'radians' },
      { parent_version: null, selection: {}, episode_ids: ['e-1'], created_by: BY, created_at: AT, price: '0', license: 'CC-BY-4.0', allowed_buyers: null },
    );
    const files: DatasetFile[] = Object.entries(contents)
      .map(([path, bytes]) => ({ path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    const manifest: DatasetManifest = {
      format: 'teleop-hub/dataset-manifest',
      version: 1,
      dataset: { id: 'd-1', name: 'picks', version: 1, parentVersion: null, license: 'CC-BY-4.0', createdAt: AT },
      episodes: ['e-1'],
      files,
      merkle: { root: datasetMerkleRoot(files), leaf: ['string', 'uint256', 'bytes32'], tree: 'openzeppelin-standard' },
    };
    manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    for (const [path, bytes] of Object.entries(contents)) await blobs.write(versionFileKey('d-1', 1, path), Readable.from([bytes]));
    await blobs.write(versionFileKey('d-1', 1, 'manifest.json'), Readable.from([Buffer.from(manifestText)]));
    await store.setReady('d-1', 1, { merkle_root: manifest.merkle.root, manifest_hash: '0xhash', summary: {} as VersionSummary, size_bytes: 0, built_at: AT });
  });
  afterAll(async () => {
    await hub?.close();
    cleanup();
  });

  it('serves a listed file whole, by range, and only for the version the client holds', async () => {
    const path = 'lerobot/data/chunk-000/file-000.parquet';
    const bytes = contents[path]!;
    const whole = await fetch(url(`files/${path}`));
    expect(whole.status).toBe(200);
    const etag = whole.headers.get('etag')!;
    expect(etag).toBe(`"${createHash('sha256').update(bytes).digest('hex')}"`);
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    const part = await fetch(url(`files/${path}`), { headers: { range: 'bytes=1000-2047', 'if-range': etag } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-2047/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1000, 2048))).toBe(true);
    const tail = await fetch(url(`files/${path}`), { headers: { range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(-10))).toBe(true);
    expect((await fetch(url(`files/${path}`), { headers: { range: 'bytes=1000-2047', 'if-range': '"other"' } })).status).toBe(200);
    expect((await fetch(url(`files/${path}`), { headers: { range: `bytes=${bytes.length}-` } })).status).toBe(416);
    expect((await fetch(url(`files/${path}`), { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('serves the manifest, and nothing its manifest does not list', async () => {
    expect(await (await fetch(url('manifest'))).text()).toBe(manifestText);
    expect(await (await fetch(url('files/manifest.json'))).text()).toBe(manifestText);
    await blobs.write(versionFileKey('d-1', 1, 'lerobot/unlisted.json'), Readable.from([Buffer.from('{}')]));
    expect((await fetch(url('files/lerobot/unlisted.json'))).status).toBe(404);
    expect((await fetch(url('files/..%2F..%2F..%2Fhub.sqlite'))).status).toBe(404);
  });

  it('streams the version as a tar of the stored bytes', async () => {
    const res = await fetch(url('archive.tar'));
    expect(res.status).toBe(200);
    const tar = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(tar.length);
    const out = join(config.dataDir, 'extracted');
    mkdirSync(out);
    writeFileSync(join(out, 'v.tar'), tar);
    execFileSync('tar', ['-xf', join(out, 'v.tar'), '-C', out]);
    for (const [path, bytes] of Object.entries(contents)) expect(readFileSync(join(out, 'picks-v1', ...path.split('/'))).equals(bytes), path).toBe(true);
    expect(readFileSync(join(out, 'picks-v1', 'manifest.json'), 'utf8')).toBe(manifestText);
  });

  it("says so when a ready version's file is missing from the store", async () => {
    await blobs.delete(versionFileKey('d-1', 1, 'raw/e-1/episode.mcap'));
    const res = await fetch(url('files/raw/e-1/episode.mcap'));
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: string }).error).toBe('missing_file');
  });
});

// Where test hubs keep their blobs. TELEOP_TEST_BLOBS=s3 runs every hub the
// harness starts (and the `dataset` CLI commands) against an S3-compatible
// server: s3rver from npm, a real HTTP server process on 127.0.0.1 spoken to
// by the real AWS SDK, not Amazon S3 nor Ceph (hub/src/store/s3TestServer.ts
// says why). One server per test process; each data directory is a prefix of
// its own, so a hub restarted on the same directory finds its blobs again.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { FileBlobStore, type BlobStore } from '../../hub/src/store/BlobStore.ts';
import { S3BlobStore } from '../../hub/src/store/S3BlobStore.ts';
import { startS3Server, type RunningS3Server } from '../../hub/src/store/s3TestServer.ts';

export type TestBlobs = 'files' | 's3';

/** The blob store test hubs use: TELEOP_TEST_BLOBS=s3, or files under the data directory (the default). */
export const TEST_BLOBS: TestBlobs = process.env.TELEOP_TEST_BLOBS === 's3' ? 's3' : 'files';

let server: Promise<RunningS3Server> | null = null;

/** The test process's S3 server, started on first use and stopped when the process ends. */
export function testS3Server(): Promise<RunningS3Server> {
  server ??= startS3Server();
  return server;
}

const prefixOf = (dataDir: string): string => `hub-${basename(dataDir)}`;

/** Flags that put a hub on `dataDir` onto the test blob store ([] for files). */
export async function hubBlobArgs(dataDir: string, blobs: TestBlobs = TEST_BLOBS): Promise<string[]> {
  if (blobs === 'files') return [];
  return (await testS3Server()).hubArgs(prefixOf(dataDir));
}

/** The blob store a test hub on `dataDir` uses, opened by the test itself (to look at what the hub stored). */
export async function testBlobStore(dataDir: string, blobs: TestBlobs = TEST_BLOBS): Promise<BlobStore> {
  if (blobs === 'files') return new FileBlobStore(join(dataDir, 'blobs'));
  const s3 = await testS3Server();
  return new S3BlobStore({
    url: `s3://${s3.bucket}/${prefixOf(dataDir)}`,
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    scratchDir: join(dataDir, 'test-scratch'),
  });
}

/**
 * A local directory with the blobs under `prefix` (`datasets/<id>/v1`), for tools that read files (DuckDB,
 * ffprobe): the file store's own directory, or a download of every blob under the prefix.
 */
export async function localBlobDir(dataDir: string, prefix: string, blobs: TestBlobs = TEST_BLOBS): Promise<string> {
  const clean = prefix.replace(/\/+$/, '');
  if (blobs === 'files') return join(dataDir, 'blobs', clean);
  const store = await testBlobStore(dataDir, blobs);
  const to = join(dataDir, 'test-downloads', clean);
  if (existsSync(to)) rmSync(to, { recursive: true, force: true });
  for (const key of await store.list(clean)) {
    const path = join(to, key.slice(clean.length + 1));
    mkdirSync(dirname(path), { recursive: true });
    await pipeline(store.read(key), createWriteStream(path));
  }
  return to;
}

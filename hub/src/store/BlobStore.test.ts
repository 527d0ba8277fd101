// The blob store contract, run against both backends: the file store on a real
// temporary directory, and the S3 store against a real S3-compatible server
// process on 127.0.0.1 (s3rver from npm, not Amazon S3 nor Ceph: see
// s3TestServer.ts) through the real AWS SDK; nothing is mocked.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BlobKeyError, BlobNotFoundError, FileBlobStore, readBlobBytes, readBlobText, withLocalFiles, type BlobStore } from './BlobStore.ts';
import { S3BlobStore } from './S3BlobStore.ts';
import { startS3Server, type RunningS3Server } from './s3TestServer.ts';

const bytes = (s: string): Readable => Readable.from([Buffer.from(s)]);
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const MiB = 1024 * 1024;

interface Backend {
  name: string;
  open(dir: string, run: number): BlobStore;
  /** Files the backend left in its scratch space (local copies for tools). */
  scratch(dir: string): string[];
}

let s3: RunningS3Server;
beforeAll(async () => {
  s3 = await startS3Server();
}, 120_000);
afterAll(async () => s3?.stop());

const backends: Backend[] = [
  { name: 'FileBlobStore', open: (dir) => new FileBlobStore(join(dir, 'store')), scratch: () => [] },
  {
    name: 'S3BlobStore',
    // Each test in a prefix of its own; parts of 5 MiB (S3's minimum) so a few MiB make a multipart upload.
    open: (dir, run) =>
      new S3BlobStore({
        url: `s3://${s3.bucket}/run-${run}`,
        endpoint: s3.endpoint,
        region: s3.region,
        forcePathStyle: true,
        credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
        scratchDir: join(dir, 'scratch'),
        partSize: 5 * MiB,
        queueSize: 2,
      }),
    scratch: (dir) => (existsSync(join(dir, 'scratch')) ? readdirSync(join(dir, 'scratch')) : []),
  },
];

let runs = 0;
describe.each(backends)('$name', (backend) => {
  let dir: string;
  let blobs: BlobStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blobs-'));
    blobs = backend.open(dir, ++runs);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a blob whole or not at all, and says what it wrote', async () => {
    expect(await blobs.write('a/b.txt', bytes('hello'))).toEqual({ size: 5, sha256: sha(Buffer.from('hello')) });
    expect(await blobs.head('a/b.txt')).toEqual({ size: 5 });
    const failing = new Readable({
      read() {
        this.push(Buffer.from('half'));
        this.destroy(new Error('the network went away'));
      },
    });
    await expect(blobs.write('a/c.txt', failing)).rejects.toThrow('the network went away');
    expect(await blobs.head('a/c.txt')).toBeNull();
    expect(await blobs.list('a/')).toEqual(['a/b.txt']);
    expect(await blobs.write('a/empty', Readable.from([]))).toEqual({ size: 0, sha256: sha(Buffer.alloc(0)) });
    expect(await blobs.head('a/empty')).toEqual({ size: 0 });
  });

  it('streams a write of many parts, and one that fails after several parts leaves nothing', async () => {
    const data = randomBytes(12 * MiB + 123);
    const chunks = (b: Buffer): Buffer[] => Array.from({ length: Math.ceil(b.length / MiB) }, (_, i) => b.subarray(i * MiB, (i + 1) * MiB));
    expect(await blobs.write('big/x.bin', Readable.from(chunks(data)))).toEqual({ size: data.length, sha256: sha(data) });
    expect(await blobs.head('big/x.bin')).toEqual({ size: data.length });
    // A range across the boundary of the first two 5 MiB parts.
    const start = 5 * MiB - 10;
    const got: Buffer[] = [];
    for await (const c of blobs.read('big/x.bin', { start, end: start + 19 })) got.push(c as Buffer);
    expect(Buffer.concat(got)).toEqual(data.subarray(start, start + 20));
    expect(sha(await readBlobBytes(blobs, 'big/x.bin'))).toBe(sha(data));

    let sent = 0;
    const dying = new Readable({
      read() {
        if (sent >= 11 * MiB) return void this.destroy(new Error('the robot went offline'));
        sent += MiB;
        this.push(randomBytes(MiB));
      },
    });
    await expect(blobs.write('big/y.bin', dying)).rejects.toThrow('the robot went offline');
    expect(await blobs.head('big/y.bin')).toBeNull();
    expect(await blobs.list('big/')).toEqual(['big/x.bin']);
  });

  it('reads ranges, copies, lists by prefix and deletes a prefix', async () => {
    await blobs.write('episodes/e-1/x.bin', bytes('0123456789'));
    const chunks: Buffer[] = [];
    for await (const c of blobs.read('episodes/e-1/x.bin', { start: 2, end: 4 })) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('234');
    await blobs.copy('episodes/e-1/x.bin', 'datasets/d/v1/raw/x.bin');
    expect(await readBlobText(blobs, 'datasets/d/v1/raw/x.bin')).toBe('0123456789');
    await expect(blobs.copy('episodes/none', 'datasets/d/v1/none')).rejects.toBeInstanceOf(BlobNotFoundError);
    await blobs.write('datasets/d/v10/other.bin', bytes('x'));
    expect(await blobs.list('datasets/d/v1/')).toEqual(['datasets/d/v1/raw/x.bin']);
    expect(await blobs.list('datasets/d/v1')).toEqual(['datasets/d/v1/raw/x.bin']);
    await blobs.deletePrefix('datasets/d/v1/');
    expect(await blobs.list('datasets/')).toEqual(['datasets/d/v10/other.bin']);
    expect(await readBlobText(blobs, 'episodes/e-1/x.bin')).toBe('0123456789');
    await expect(readBlobText(blobs, 'episodes/e-1/missing')).rejects.toThrow();
    await blobs.delete('episodes/e-1/x.bin');
    expect(await blobs.head('episodes/e-1/x.bin')).toBeNull();
  });

  it('moves a local file in, hashing it', async () => {
    const local = join(dir, 'upload.bin');
    const data = randomBytes(6 * MiB);
    writeFileSync(local, data);
    expect(await blobs.putFile('episodes/e-2/cam.mp4', local)).toEqual({ size: data.length, sha256: sha(data) });
    expect(existsSync(local)).toBe(false);
    expect(sha(await readBlobBytes(blobs, 'episodes/e-2/cam.mp4'))).toBe(sha(data));
  });

  it('gives tools a local path for the length of one call, and refuses keys that leave the store', async () => {
    await blobs.write('a.txt', bytes('a'));
    await blobs.write('b.txt', bytes('bb'));
    const seen = await withLocalFiles(blobs, ['a.txt', 'b.txt'], async (local) => [existsSync(local('a.txt')), existsSync(local('b.txt')), local('b.txt').endsWith('b.txt')]);
    expect(seen).toEqual([true, true, true]);
    // Local copies (S3) are gone once the call settled, also when it failed.
    await expect(blobs.withLocalFile('a.txt', async () => Promise.reject(new Error('ffprobe crashed')))).rejects.toThrow('ffprobe crashed');
    expect(backend.scratch(dir)).toEqual([]);
    await expect(blobs.withLocalFile('missing.txt', async () => 1)).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(() => blobs.read('../outside')).toThrow(BlobKeyError);
    await expect(blobs.head('../../etc/passwd')).rejects.toBeInstanceOf(BlobKeyError);
  });

  it('hands out presigned URLs that serve ranges, where the backend has them', async () => {
    if (!blobs.presignRead) {
      // The file store has none: the hub serves those bytes itself.
      expect(backend.name).toBe('FileBlobStore');
      return;
    }
    await blobs.write('episodes/e-3/episode.mcap', bytes('0123456789'));
    const url = await blobs.presignRead('episodes/e-3/episode.mcap', { expiresInS: 60, contentType: 'application/octet-stream', filename: 'episode.mcap' });
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-disposition')).toContain('episode.mcap');
    expect(await whole.text()).toBe('0123456789');
    const part = await fetch(url, { headers: { range: 'bytes=3-5' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('345');
    // The signature covers the key: the same URL for another object is refused.
    const forged = await fetch(url.replace('e-3', 'e-4'));
    expect(forged.status).toBe(403);
    await forged.arrayBuffer();
  });
});

describe('S3BlobStore against the S3 server', () => {
  it('reaches a bucket whose prefix already holds several blobs (a hub restarting on its own data)', async () => {
    // A truncated listing (more keys than asked for) carries a continuation token; the hub's start-up check asks for
    // one key, so a prefix with two blobs is the case every restarted hub meets.
    const dir = mkdtempSync(join(tmpdir(), 'blobs-'));
    try {
      const store = backends[1]!.open(dir, ++runs) as S3BlobStore;
      await store.write('episodes/e-1/a.bin', bytes('a'));
      await store.write('episodes/e-1/b.bin', bytes('b'));
      await store.checkReachable();
      expect(await store.list('episodes/')).toEqual(['episodes/e-1/a.bin', 'episodes/e-1/b.bin']);
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

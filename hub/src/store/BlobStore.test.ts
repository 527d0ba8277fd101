// The file blob store on a real temporary directory: what a second backend
// (S3) must do the same way.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobKeyError, BlobNotFoundError, FileBlobStore, readBlobText, withLocalFiles } from './BlobStore.ts';

const bytes = (s: string): Readable => Readable.from([Buffer.from(s)]);

describe('FileBlobStore', () => {
  let dir: string;
  let blobs: FileBlobStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blobs-'));
    blobs = new FileBlobStore(join(dir, 'store'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a blob whole or not at all', async () => {
    await blobs.write('a/b.txt', bytes('hello'));
    expect(await blobs.head('a/b.txt')).toEqual({ size: 5 });
    const failing = new Readable({
      read() {
        this.push(Buffer.from('half'));
        this.destroy(new Error('the network went away'));
      },
    });
    await expect(blobs.write('a/c.txt', failing)).rejects.toThrow('the network went away');
    expect(await blobs.head('a/c.txt')).toBeNull();
    expect(readdirSync(join(dir, 'store', 'a'))).toEqual(['b.txt']);
  });

  it('reads ranges, copies, lists by prefix and deletes a prefix', async () => {
    await blobs.write('episodes/e-1/x.bin', bytes('0123456789'));
    const chunks: Buffer[] = [];
    for await (const c of blobs.read('episodes/e-1/x.bin', { start: 2, end: 4 })) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('234');
    await blobs.copy('episodes/e-1/x.bin', 'datasets/d/v1/raw/x.bin');
    expect(await readBlobText(blobs, 'datasets/d/v1/raw/x.bin')).toBe('0123456789');
    await expect(blobs.copy('episodes/none', 'datasets/d/v1/none')).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await blobs.list('datasets/d/v1/')).toEqual(['datasets/d/v1/raw/x.bin']);
    await blobs.deletePrefix('datasets/d/v1/');
    expect(await blobs.list('datasets/')).toEqual([]);
    expect(await readBlobText(blobs, 'episodes/e-1/x.bin')).toBe('0123456789');
  });

  it('gives tools a local path for the length of one call, and refuses keys that leave the store', async () => {
    await blobs.write('a.txt', bytes('a'));
    await blobs.write('b.txt', bytes('bb'));
    const seen = await withLocalFiles(blobs, ['a.txt', 'b.txt'], async (local) => [existsSync(local('a.txt')), existsSync(local('b.txt'))]);
    expect(seen).toEqual([true, true]);
    await expect(blobs.withLocalFile('missing.txt', async () => 1)).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(() => blobs.read('../outside')).toThrow(BlobKeyError);
    await expect(blobs.head('../../etc/passwd')).rejects.toBeInstanceOf(BlobKeyError);
  });
});

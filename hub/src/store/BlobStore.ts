// Large files (episode recordings, later datasets) live in a blob store; this
// is the file-system one under the data directory. An S3-compatible store
// would implement the same interface.
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, copyFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

export interface BlobStore {
  /** Moves a finished local file into the store under `key`. */
  putFile(key: string, fromPath: string): Promise<void>;
  size(key: string): Promise<number | null>;
  /** A stream of the blob, optionally a byte range (inclusive end). */
  read(key: string, range?: { start: number; end: number }): ReadStream;
  /** A local path to the blob, for tools that need one (ffprobe, MCAP reader). */
  localPath(key: string): string;
  delete(key: string): Promise<void>;
}

export class BlobKeyError extends Error {
  override name = 'BlobKeyError';
}

export class FileBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  localPath(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(resolve(this.root) + sep)) throw new BlobKeyError(`blob key "${key}" leaves the store`);
    return path;
  }

  async putFile(key: string, fromPath: string): Promise<void> {
    const to = this.localPath(key);
    await mkdir(dirname(to), { recursive: true });
    try {
      await rename(fromPath, to);
    } catch {
      await copyFile(fromPath, to);
      await rm(fromPath, { force: true });
    }
  }

  async size(key: string): Promise<number | null> {
    return (await stat(this.localPath(key)).catch(() => null))?.size ?? null;
  }

  read(key: string, range?: { start: number; end: number }): ReadStream {
    return createReadStream(this.localPath(key), range);
  }

  async delete(key: string): Promise<void> {
    await rm(this.localPath(key), { force: true });
  }
}

export function episodeBlobKey(episodeId: string, file: string): string {
  return join('episodes', episodeId, file);
}

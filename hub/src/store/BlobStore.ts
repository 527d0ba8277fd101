// Large files (episode recordings, built datasets) live in a blob store, named
// by keys such as `episodes/<id>/episode.mcap`. Nothing outside a store knows
// where its bytes are: callers ask for a blob's size, a byte range, a stream
// to write into, or, for tools that can only read a path (ffprobe, ffmpeg, the
// MCAP reader), a local copy that exists for the length of one call. This is
// the file-system store under the data directory; an S3-compatible store
// implements the same interface (a local copy is then a download to a
// temporary file, deleted when the call returns).
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface BlobHead {
  size: number;
}

/** What a write stored: its size and SHA-256 (hex), measured on the way in. */
export interface BlobWritten {
  size: number;
  sha256: string;
}

/** How a presigned read URL answers. */
export interface PresignedRead {
  /** Seconds the URL stays valid. */
  expiresInS: number;
  contentType?: string;
  cacheControl?: string;
  /** Offered as the download's file name (Content-Disposition: attachment). */
  filename?: string;
}

export interface BlobStore {
  /** The blob's size, or null when there is none under `key`. */
  head(key: string): Promise<BlobHead | null>;
  /** A stream of the blob, optionally a byte range (inclusive end); it errors if the blob is missing. */
  read(key: string, range?: { start: number; end: number }): Readable;
  /** Writes the blob from a stream; it appears under `key` only once the stream has ended without error. */
  write(key: string, from: Readable): Promise<BlobWritten>;
  /** Moves a finished local file into the store under `key` (the file is gone afterwards). */
  putFile(key: string, fromPath: string): Promise<BlobWritten>;
  /** Copies one blob to another key (a server-side copy where the backend has one). */
  copy(fromKey: string, toKey: string): Promise<void>;
  /** Runs `use` with a local, read-only path to the blob that stays valid until `use` settles. */
  withLocalFile<T>(key: string, use: (path: string) => Promise<T>): Promise<T>;
  /** Keys under a prefix (`datasets/<id>/v1/`; '' for every blob), in sorted order. */
  list(prefix: string): Promise<string[]>;
  delete(key: string): Promise<void>;
  /** Deletes every blob under a prefix. */
  deletePrefix(prefix: string): Promise<void>;
  /**
   * A short-lived URL a client can GET the blob (and ranges of it) from without the hub, where the backend has
   * such URLs (object storage); absent for the file store, whose bytes the hub serves itself.
   */
  presignRead?(key: string, o: PresignedRead): Promise<string>;
}

/** Counts and hashes the bytes that pass through it. */
export function measuringStream(): { stream: Transform; written: () => BlobWritten } {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, written: () => ({ size, sha256: hash.digest('hex') }) };
}

export class BlobKeyError extends Error {
  override name = 'BlobKeyError';
}

export class BlobNotFoundError extends Error {
  override name = 'BlobNotFoundError';
}

/** Reads a whole (small) blob: manifests, JSON metadata, video thumbnails. */
export async function readBlobBytes(store: BlobStore, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of store.read(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads a whole (small) blob as text. */
export async function readBlobText(store: BlobStore, key: string): Promise<string> {
  return (await readBlobBytes(store, key)).toString('utf8');
}

/** Runs `use` with local paths to several blobs at once (each valid until `use` settles). */
export async function withLocalFiles<T>(store: BlobStore, keys: string[], use: (localPath: (key: string) => string) => Promise<T>): Promise<T> {
  const paths = new Map<string, string>();
  const unique = [...new Set(keys)];
  const step = async (i: number): Promise<T> => {
    if (i === unique.length) {
      return use((key) => {
        const p = paths.get(key);
        if (p === undefined) throw new BlobKeyError(`blob ${key} was not asked for`);
        return p;
      });
    }
    return store.withLocalFile(unique[i]!, (p) => {
      paths.set(unique[i]!, p);
      return step(i + 1);
    });
  };
  return step(0);
}

export class FileBlobStore implements BlobStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Where a key lives in this store; private to the store (tools get a path through withLocalFile). */
  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new BlobKeyError(`blob key "${key}" leaves the store`);
    return path;
  }

  async head(key: string): Promise<BlobHead | null> {
    const s = await stat(this.pathOf(key)).catch(() => null);
    return s?.isFile() ? { size: s.size } : null;
  }

  read(key: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.pathOf(key), range);
  }

  async write(key: string, from: Readable): Promise<BlobWritten> {
    const to = this.pathOf(key);
    await mkdir(dirname(to), { recursive: true });
    const part = `${to}.${randomBytes(6).toString('hex')}.part`;
    const measure = measuringStream();
    try {
      await pipeline(from, measure.stream, createWriteStream(part) as Writable);
      await rename(part, to);
    } catch (err) {
      await rm(part, { force: true });
      throw err;
    }
    return measure.written();
  }

  async putFile(key: string, fromPath: string): Promise<BlobWritten> {
    const to = this.pathOf(key);
    await mkdir(dirname(to), { recursive: true });
    // A rename moves no bytes: the file is read once, for its hash.
    const measure = measuringStream();
    await pipeline(createReadStream(fromPath), measure.stream, new Writable({ write: (_chunk, _enc, done) => done() }));
    const written = measure.written();
    try {
      await rename(fromPath, to);
    } catch {
      await copyFile(fromPath, to);
      await rm(fromPath, { force: true });
    }
    return written;
  }

  async copy(fromKey: string, toKey: string): Promise<void> {
    const from = this.pathOf(fromKey);
    const to = this.pathOf(toKey);
    if (!(await this.head(fromKey))) throw new BlobNotFoundError(`no blob ${fromKey}`);
    await mkdir(dirname(to), { recursive: true });
    await rm(to, { force: true });
    // Blobs are never rewritten in place, so a hard link is a copy here.
    await link(from, to).catch(() => copyFile(from, to));
  }

  async withLocalFile<T>(key: string, use: (path: string) => Promise<T>): Promise<T> {
    const path = this.pathOf(key);
    if (!(await this.head(key))) throw new BlobNotFoundError(`no blob ${key}`);
    return use(path);
  }

  async list(prefix: string): Promise<string[]> {
    const trimmed = prefix.replace(/\/+$/, '');
    const base = trimmed === '' ? this.root : this.pathOf(trimmed);
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        const p = join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.isFile() && !e.name.endsWith('.part')) out.push(relative(this.root, p).split(sep).join('/'));
      }
    };
    await walk(base);
    return out.sort();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    await rm(this.pathOf(prefix.replace(/\/+$/, '')), { recursive: true, force: true });
  }
}

export function episodeBlobKey(episodeId: string, file: string): string {
  return `episodes/${episodeId}/${file}`;
}

/** What the hub measured of an episode's files, kept beside them (video thumbnails for replay detection). */
export function episodeSignatureKey(episodeId: string, name: string): string {
  return `signatures/${episodeId}/${name}`;
}

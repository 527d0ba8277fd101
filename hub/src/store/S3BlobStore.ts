// The blob store on S3-compatible object storage (AWS S3, Ceph RADOS gateway,
// MinIO, ...), through @aws-sdk/client-s3. Writes stream through a multipart
// upload (a part at a time, a few parts in flight, never the whole blob in
// memory), hashing on the way; an object exists only once its upload completed,
// so a failed write leaves nothing under the key. Tools that need a path get a
// download into a temporary file that is deleted when their call settles.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { BlobKeyError, BlobNotFoundError, measuringStream, type BlobHead, type BlobStore, type BlobWritten, type PresignedRead } from './BlobStore.ts';

/** Where the store is and how it signs in. */
export interface S3BlobStoreOptions {
  /** `s3://bucket/prefix`: every key lives under `prefix/` in `bucket`. */
  url: string;
  /** Endpoint of an S3-compatible server (http://127.0.0.1:9000); unset: AWS for the region. */
  endpoint?: string;
  region: string;
  /** Address buckets as /bucket/key instead of bucket.host (what most self-hosted servers need). */
  forcePathStyle: boolean;
  /** Unset: the SDK's standard chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Where local copies for tools are made (deleted after each call). */
  scratchDir: string;
  /** Bytes per multipart part (at least 5 MiB, S3's minimum); memory per write is about queueSize x partSize. */
  partSize?: number;
  /** Parts uploaded at once per write. */
  queueSize?: number;
}

// The SDK prints a multi-line notice on Node < 22 (its future releases will need 22) to stderr, where the hub's
// log is one JSON object a line; the lock file pins a release that runs on the Node the project declares.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export class S3BlobStore implements BlobStore {
  readonly bucket: string;
  private readonly prefix: string;
  private readonly client: S3Client;
  private readonly partSize: number;
  private readonly queueSize: number;

  constructor(private readonly o: S3BlobStoreOptions) {
    const { bucket, prefix } = parseBlobUrl(o.url);
    this.bucket = bucket;
    this.prefix = prefix;
    this.partSize = o.partSize ?? 8 * 1024 * 1024;
    this.queueSize = o.queueSize ?? 4;
    const config: S3ClientConfig = {
      region: o.region,
      forcePathStyle: o.forcePathStyle,
      // Checksums only where S3 requires them: many S3-compatible servers do not read the streamed
      // (aws-chunked) trailing checksums the SDK sends by default. Integrity is the SHA-256 the hub keeps.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    if (o.endpoint) config.endpoint = o.endpoint;
    if (o.credentials) config.credentials = o.credentials;
    this.client = new S3Client(config);
  }

  /** The object key of a blob key; refuses keys that are not plain relative paths. */
  private objectKey(key: string): string {
    const parts = key.split('/');
    if (key === '' || key.startsWith('/') || parts.some((p) => p === '..' || p === '.') || key.includes('\\') || key.includes('\0')) {
      throw new BlobKeyError(`blob key "${key}" leaves the store`);
    }
    return this.prefix + key;
  }

  /** A prefix as a directory: `datasets/d/v1` lists `datasets/d/v1/...`, never `datasets/d/v10/...`. */
  private objectPrefix(prefix: string): string {
    const p = prefix.replace(/\/+$/, '');
    return p === '' ? this.prefix : `${this.objectKey(p)}/`;
  }

  async head(key: string): Promise<BlobHead | null> {
    const Key = this.objectKey(key);
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
      return { size: res.ContentLength ?? 0 };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw storageError(err, `head ${key}`);
    }
  }

  read(key: string, range?: { start: number; end: number }): Readable {
    const Key = this.objectKey(key);
    const out = new PassThrough();
    const Range = range ? `bytes=${range.start}-${range.end}` : undefined;
    this.client
      .send(new GetObjectCommand({ Bucket: this.bucket, Key, Range }))
      .then((res) => pipeline(res.Body as Readable, out))
      .catch((err: unknown) => out.destroy(isNotFound(err) ? new BlobNotFoundError(`no blob ${key}`) : storageError(err, `read ${key}`)));
    return out;
  }

  async write(key: string, from: Readable): Promise<BlobWritten> {
    const Key = this.objectKey(key);
    const measure = measuringStream();
    const hashing = measure.stream;
    // A failing source fails the hashing stream, which fails the upload: the multipart upload is aborted, no object appears.
    from.once('error', (err) => hashing.destroy(err));
    from.pipe(hashing);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key, Body: hashing },
      partSize: this.partSize,
      queueSize: this.queueSize,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (err) {
      hashing.destroy();
      from.destroy();
      // The source's own error says more than the SDK's wrapping of it.
      throw from.errored ?? storageError(err, `write ${key}`);
    }
    return measure.written();
  }

  async putFile(key: string, fromPath: string): Promise<BlobWritten> {
    const written = await this.write(key, createReadStream(fromPath));
    await rm(fromPath, { force: true });
    return written;
  }

  async copy(fromKey: string, toKey: string): Promise<void> {
    const head = await this.head(fromKey);
    if (!head) throw new BlobNotFoundError(`no blob ${fromKey}`);
    // A single CopyObject takes up to 5 GiB; a larger blob streams through the hub (in parts, as any write).
    if (head.size > 5 * 1024 ** 3) {
      await this.write(toKey, this.read(fromKey));
      return;
    }
    const source = `${this.bucket}/${this.objectKey(fromKey).split('/').map(encodeURIComponent).join('/')}`;
    try {
      await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: this.objectKey(toKey), CopySource: source }));
    } catch (err) {
      throw storageError(err, `copy ${fromKey} to ${toKey}`);
    }
  }

  async withLocalFile<T>(key: string, use: (path: string) => Promise<T>): Promise<T> {
    if (!(await this.head(key))) throw new BlobNotFoundError(`no blob ${key}`);
    await mkdir(this.o.scratchDir, { recursive: true });
    const dir = await mkdtemp(join(this.o.scratchDir, 'blob-'));
    try {
      // The name keeps its extension: tools such as ffprobe guess formats from it.
      const path = join(dir, basename(key));
      await pipeline(this.read(key), createWriteStream(path));
      return await use(path);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async list(prefix: string): Promise<string[]> {
    const Prefix = this.objectPrefix(prefix);
    const out: string[] = [];
    let ContinuationToken: string | undefined;
    do {
      let res;
      try {
        res = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix, ContinuationToken }));
      } catch (err) {
        throw storageError(err, `list ${prefix}`);
      }
      for (const o of res.Contents ?? []) if (o.Key) out.push(o.Key.slice(this.prefix.length));
      ContinuationToken = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return out.sort();
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    } catch (err) {
      if (!isNotFound(err)) throw storageError(err, `delete ${key}`);
    }
  }

  async deletePrefix(prefix: string): Promise<void> {
    const keys = await this.list(prefix);
    // DeleteObjects takes at most 1000 keys a request.
    for (let i = 0; i < keys.length; i += 1000) {
      const Objects = keys.slice(i, i + 1000).map((k) => ({ Key: this.prefix + k }));
      let res;
      try {
        res = await this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects, Quiet: true } }));
      } catch (err) {
        throw storageError(err, `delete ${prefix}`);
      }
      const failed = res.Errors ?? [];
      if (failed.length > 0) throw new BlobStorageError(`could not delete ${failed.length} blobs under ${prefix}: ${failed[0]!.Key}: ${failed[0]!.Message ?? failed[0]!.Code}`);
    }
  }

  async presignRead(key: string, o: PresignedRead): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: this.objectKey(key),
      ResponseContentType: o.contentType,
      ResponseCacheControl: o.cacheControl,
      ResponseContentDisposition: o.filename ? `attachment; filename="${o.filename.replace(/["\\\r\n]/g, '_')}"` : undefined,
    });
    return getSignedUrl(this.client, command, { expiresIn: o.expiresInS });
  }

  /** Whether the bucket answers with these credentials (checked once at start, so a wrong flag fails early). */
  async checkReachable(): Promise<void> {
    try {
      await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix, MaxKeys: 1 }));
    } catch (err) {
      throw storageError(err, `reach bucket ${this.bucket}`);
    }
  }

  close(): void {
    this.client.destroy();
  }
}

/** The object store refused or failed an operation; the message names the operation and what S3 said. */
export class BlobStorageError extends Error {
  override name = 'BlobStorageError';
}

/** `s3://bucket/some/prefix` -> bucket and `some/prefix/` (empty for the bucket's root). */
export function parseBlobUrl(url: string): { bucket: string; prefix: string } {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(\/.*)?$/.exec(url);
  if (!m) throw new BlobKeyError(`blob URL "${url}" is not s3://bucket[/prefix] (bucket: 3-63 lowercase letters, digits, dots, hyphens)`);
  const path = (m[2] ?? '').replace(/^\/+|\/+$/g, '');
  return { bucket: m[1]!, prefix: path === '' ? '' : `${path}/` };
}

function isNotFound(err: unknown): boolean {
  if (!(err instanceof S3ServiceException)) return false;
  return err.name === 'NotFound' || err.name === 'NoSuchKey' || err.$metadata?.httpStatusCode === 404;
}

function storageError(err: unknown, what: string): Error {
  if (err instanceof BlobKeyError || err instanceof BlobNotFoundError || err instanceof BlobStorageError) return err;
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : '';
  return new BlobStorageError(`object storage could not ${what}: ${e.name ?? 'Error'}${status}: ${e.message ?? String(err)}`, { cause: err });
}

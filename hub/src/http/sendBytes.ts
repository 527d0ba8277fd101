// Serving a stored file over HTTP, the one way for episode files and dataset
// files alike: a strong ETag (the file's SHA-256), 304 for If-None-Match,
// single byte ranges (206, 416 when unsatisfiable), and If-Range so a resumed
// download never splices two versions of a file.
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PresignedRead } from '../store/BlobStore.ts';

export interface ByteSource {
  size: number;
  /** The SHA-256 (hex) of the bytes, for the ETag; null: no validator is known. */
  sha256: string | null;
  /** A stream of the bytes, or of an inclusive range of them. */
  read(range?: { start: number; end: number }): Readable;
}

export interface SendBytesOptions {
  contentType: string;
  /** e.g. "public, max-age=31536000, immutable" for content-addressed files. */
  cacheControl?: string;
}

/** Downloads straight from object storage: presigned URLs of blobs, valid for `ttlS` seconds. */
export interface PresignDownloads {
  blobs: { presignRead(key: string, o: PresignedRead): Promise<string> };
  ttlS: number;
}

/**
 * Answers a download of a stored blob with a redirect (302) to a short-lived presigned URL of it, so the bytes go
 * from object storage to the client without passing through the hub; ranges are then the storage's to serve.
 * Called after the route's access check and access record. Returns null where the hub serves the bytes itself:
 * no presigned URLs (the file store), or a resumed download with If-Range, whose validator is the hub's SHA-256
 * ETag that the storage does not know (the client would get the whole file again instead of the rest).
 */
export async function redirectToBlob(
  req: FastifyRequest,
  reply: FastifyReply,
  presign: PresignDownloads | null,
  key: string,
  sha256: string | null,
  o: SendBytesOptions & { filename: string },
): Promise<FastifyReply | null> {
  if (!presign || req.headers['if-range'] !== undefined) return null;
  const etag = sha256 ? `"${sha256}"` : undefined;
  if (etag && matchesAny(req.headers['if-none-match'], etag)) return reply.code(304).header('etag', etag).send();
  const url = await presign.blobs.presignRead(key, { expiresInS: presign.ttlS, contentType: o.contentType, cacheControl: o.cacheControl, filename: o.filename });
  // The redirect names a URL that expires: nobody may keep it. It carries the hub's validator (the storage's own ETag
  // is not the file's SHA-256): a client keeps it for If-None-Match and If-Range, which the hub answers itself.
  reply.code(302).header('location', url).header('cache-control', 'private, no-store');
  if (etag) reply.header('etag', etag);
  return reply.send();
}

export function sendBytes(req: FastifyRequest, reply: FastifyReply, source: ByteSource, o: SendBytesOptions): FastifyReply {
  const { size } = source;
  const etag = source.sha256 ? `"${source.sha256}"` : undefined;
  reply.header('accept-ranges', 'bytes').type(o.contentType);
  if (o.cacheControl) reply.header('cache-control', o.cacheControl);
  if (etag) reply.header('etag', etag);
  if (etag && matchesAny(req.headers['if-none-match'], etag)) return reply.code(304).send();
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  // If-Range: a range applies only to the version the client already holds part of; otherwise it gets the whole file.
  const ifRange = req.headers['if-range'];
  if (!range || (range[1] === '' && range[2] === '') || (ifRange !== undefined && ifRange !== etag)) {
    return reply.header('content-length', size).send(source.read());
  }
  let start = range[1] === '' ? size - Number(range[2]) : Number(range[1]);
  let end = range[1] === '' || range[2] === '' ? size - 1 : Number(range[2]);
  start = Math.max(0, start);
  end = Math.min(size - 1, end);
  if (start > end || start >= size) return reply.code(416).header('content-range', `bytes */${size}`).send();
  return reply
    .code(206)
    .header('content-range', `bytes ${start}-${end}/${size}`)
    .header('content-length', end - start + 1)
    .send(source.read({ start, end }));
}

function matchesAny(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

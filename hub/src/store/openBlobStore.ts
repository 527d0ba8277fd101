// The blob store a configuration names: files under the data directory (the
// embedded default) or an S3-compatible bucket.
import { join } from 'node:path';
import type { BlobStoreConfig } from '../config.ts';
import { FileBlobStore, type BlobStore } from './BlobStore.ts';
import { S3BlobStore } from './S3BlobStore.ts';

export interface OpenedBlobStore {
  blobs: BlobStore;
  /** Seconds a presigned download stays valid; null when the store has no presigned URLs (the hub serves the bytes). */
  presignTtlS: number | null;
  close(): void;
}

/** Opens the store; an S3 bucket is reached once first, so a wrong endpoint, bucket or key fails at start. */
export async function openBlobStore(dataDir: string, config: BlobStoreConfig): Promise<OpenedBlobStore> {
  if (config.kind === 'files') return { blobs: new FileBlobStore(join(dataDir, 'blobs')), presignTtlS: null, close: () => undefined };
  const store = new S3BlobStore({
    url: config.url,
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Local copies for ffprobe, ffmpeg and the MCAP reader: on the hub's disk for the length of one call.
    scratchDir: join(dataDir, 'blob-scratch'),
  });
  await store.checkReachable();
  return { blobs: store, presignTtlS: config.presignTtlS, close: () => store.close() };
}
